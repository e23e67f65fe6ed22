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
  return drafts.map((draft, i) => toQuote(doc, draft, i));
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
