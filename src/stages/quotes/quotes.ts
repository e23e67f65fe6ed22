/**
 * The `quotes` stage: who said what. Direct quotes come from quote marks (marks.ts, direct.ts),
 * reported speech from cue verbs and phrases (indirect.ts), all cues from
 * data/rules/quotes.json. Speakers are actors found by the actor stages — pronouns and role
 * descriptions through coreference — or, when no actor is named, the words that describe them.
 *
 * Events use `quoteAt` to attribute what they find inside someone's words.
 */
import type { Document } from '../../core/document.js';
import type { ActorResult, QuoteResult } from '../../output/result.js';
import type { Stage } from '../../pipeline/pipeline.js';
import { actorLexicon } from '../actors/lexicon.js';
import { isProcessable } from '../language/language.js';
import { continueSpeakers, directQuotes, type QuoteDraft } from './direct.js';
import { indirectQuotes } from './indirect.js';
import { findQuotations } from './marks.js';
import { quoteRules, type QuoteRules } from './rules.js';
import { QuoteContext, resolveDescription } from './speaker.js';

export function findQuotes(doc: Document, rules: QuoteRules): QuoteResult[] {
  const actors = (doc.actors as ActorResult[] | undefined) ?? [];
  const ctx = new QuoteContext(doc, rules, actorLexicon(), new Map(actors.map((a) => [a.id, a])));
  const quotations = findQuotations(
    doc.text,
    doc.paragraphs ?? [{ start: 0, end: doc.text.length }],
  );
  ctx.quotations = quotations;
  const direct = directQuotes(ctx, quotations);
  const reported = indirectQuotes(ctx, direct.drafts);
  const drafts = [...direct.drafts, ...reported];
  drafts.push(...continueSpeakers(ctx, drafts, direct.uncued));
  drafts.sort((a, b) => a.start - b.start);
  for (const draft of drafts) draft.speaker = resolveDescription(ctx, draft.speaker);
  followSpeakers(ctx, drafts);
  // A pronoun no one could be found for names no speaker.
  const spoken = drafts.filter((d) => d.speaker.actor !== null || !UNNAMED.test(d.speaker.text));
  return spoken.map((draft, i) => toQuote(doc, draft, i));
}

const PERSONAL = /^(?:he|she)$/i;
/** Pronouns that, unresolved, name no speaker. */
const UNNAMED = /^(?:he|she|it|they|we)$/i;
const DOCUMENT =
  /^(?:the|that|this) (?:statement|communiqu[eé]|letter|declaration|message|release)$/i;
/** How many sentences back a speaker stays the one a pronoun or "the statement" continues. */
const FOLLOW_WINDOW = 2;

/**
 * Speakers are the most salient people of their passage. A "he"/"she" speaker continues the
 * previous quote's person when that quote is near (coreference alone may pick a person named
 * inside the quote or in passing); "the statement continued" is the previous quote's speaker.
 */
function followSpeakers(ctx: QuoteContext, drafts: QuoteDraft[]): void {
  const sentenceAt = (offset: number) => ctx.sentenceOf[ctx.tokenAt(offset)] ?? 0;
  for (let i = 1; i < drafts.length; i++) {
    const draft = drafts[i];
    const previous = drafts[i - 1];
    if (!draft || !previous?.speaker.actor) continue;
    if (sentenceAt(draft.start) - sentenceAt(previous.end) > FOLLOW_WINDOW) continue;
    const text = draft.speaker.text;
    const person = ctx.actors.get(previous.speaker.actor)?.type === 'person';
    if ((PERSONAL.test(text) && person) || (DOCUMENT.test(text) && draft.speaker.actor === null)) {
      draft.speaker = { ...draft.speaker, actor: previous.speaker.actor };
    }
  }
}

function toQuote(doc: Document, draft: QuoteDraft, index: number): QuoteResult {
  return {
    id: `q${index + 1}`,
    speaker: draft.speaker.actor,
    speakerText: draft.speaker.text,
    text: doc.text.slice(draft.start, draft.end),
    start: draft.start,
    end: draft.end,
    kind: draft.kind,
    cue: draft.cue,
    ...(draft.cueId ? { rule: `quote.${draft.cueId}` } : {}),
  };
}

/** The quote whose content holds the span [start, end), if any: for event attribution. */
export function quoteAt(
  quotes: readonly QuoteResult[],
  start: number,
  end: number,
): QuoteResult | undefined {
  return quotes.find((q) => q.start <= start && end <= q.end);
}

export function quotesStage(rules: () => QuoteRules = () => quoteRules()): Stage {
  return {
    name: 'quotes',
    requires: ['actors', 'links', 'sentences', 'tokens', 'paragraphs'],
    assigns: ['quotes'],
    init: async () => {
      rules();
    },
    process(doc) {
      doc.quotes = isProcessable(doc) ? findQuotes(doc, rules()) : [];
    },
  };
}
