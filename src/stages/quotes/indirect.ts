/**
 * Indirect (reported) speech: the content is the reported clause, not the whole sentence.
 *
 * - `that`: X said (that) …, X told reporters (that) …, X stressed on Monday that …; cues marked
 *   `thatRequired` take only a that-clause ("stressed the importance" is not speech).
 * - `colon`: X commented on the move: …
 * - `trailing`: …, X said. / …, said X. / …, NATO Secretary General Mark Rutte assured. When the
 *   content opens with a word pointing back ("This may be the biggest mistake, said X."), the
 *   sentence before it in the paragraph is part of the same words, unless it has a speaker of its
 *   own.
 * - `according to`: According to X, … / …, according to X.
 */
import type { Sentence } from '../../core/document.js';
import { overlaps } from '../../core/offsets.js';
import { cueOf, paragraphOf, type QuoteDraft } from './direct.js';
import { QUOTE_MARK, type Quotation } from './marks.js';
import type { QuoteCue } from './rules.js';
import {
  POSSESSIVE,
  phraseAfterCue,
  phraseEndingAt,
  phraseFrom,
  skipVerbGroup,
  speakerBefore,
  speakerFromPhrase,
  type QuoteContext,
  type Speaker,
} from './speaker.js';

/** Tokens that may follow an attribution to the sentence end: "on Monday", "in a statement". */
const TAIL_POS = new Set(['ADP', 'DET', 'NOUN', 'PROPN', 'ADJ', 'ADV', 'NUM', 'PUNCT', 'PART']);
/** Tokens a phrase between a cue and its that-clause may have: "on Monday", "in a statement". */
const WINDOW_POS = new Set(['ADP', 'DET', 'NOUN', 'PROPN', 'ADJ', 'ADV', 'NUM', 'PART']);
const CLAUSE_START = new Set(['DET', 'PROPN', 'PRON', 'NOUN', 'ADJ', 'NUM']);
const OBJECT_PRONOUNS = new Set(['him', 'them', 'me', 'us', 'nothing', 'so', 'this']);
const POINTING_BACK = new Set(['this', 'that', 'these', 'those', 'it', 'such']);
const WINDOW = 10;
const DATE_WORD =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|week|month|year|weekend)$/;
const RELATIVE_START = new Set(['who', 'which', 'whose']);

interface Content {
  start: number;
  end: number;
}

/** The content span from offset `start` to the end of sentence s, without final punctuation. */
function toSentenceEnd(ctx: QuoteContext, start: number, s: Sentence): Content {
  return trimmed(ctx, start, s.end);
}

function trimmed(ctx: QuoteContext, start: number, end: number): Content {
  let a = start;
  let b = end;
  while (a < b && /[\s,;:—–-]/.test(ctx.doc.text[a] ?? '')) a++;
  while (b > a && /[\s.!?;:,—–-]/.test(ctx.doc.text[b - 1] ?? '')) b--;
  return { start: a, end: b };
}

function hasVerbFrom(ctx: QuoteContext, from: number, to: number): boolean {
  for (let t = from; t < to; t++) {
    const pos = ctx.tokens[t]?.pos;
    if ((pos === 'VERB' || pos === 'AUX') && ctx.word(t) !== 'according') return true;
  }
  return false;
}

/** Where the reported clause of cue token c starts, or -1. */
function clauseAfter(ctx: QuoteContext, c: number, cue: QuoteCue, s: Sentence): number {
  const end = s.tokenEnd;
  let k = c + 1;
  // "said out" / "pointed out": a particle belongs to the verb.
  if (ctx.tokens[k]?.pos === 'ADP' && ctx.word(k) === 'out') k++;
  const afterObject = cue.frames.has('object') ? phraseFrom(ctx, k, end) : k;
  // Look for "that" or a colon past a short phrase: "said on Monday that", "told reporters in
  // Kyiv that", "commented on the move:".
  for (let w = afterObject; w < end && w - c <= WINDOW; w++) {
    const token = ctx.tokens[w];
    if (!token) break;
    if (token.normal === 'that' && w > c) return w + 1;
    if (token.normal === ':' && cue.frames.has('colon')) return w + 1;
    if (!WINDOW_POS.has(token.pos) && token.normal !== ',' && !POSSESSIVE.has(token.normal)) break;
  }
  if (cue.thatRequired) return -1;
  // A bare clause: "said Russia would not agree", "told him the talks had failed", "said a
  // government under his leadership would…", "said only a small amount was used".
  // "said on Friday they would blockade Paris": past a time phrase.
  let dated = k;
  if (
    /^(?:on|in|last|this|next|early|late)$/.test(ctx.word(dated)) &&
    DATE_WORD.test(ctx.word(dated + 1))
  )
    dated += 2;
  else if (DATE_WORD.test(ctx.word(dated))) dated += 1;
  for (const start of new Set([afterObject, k, dated])) {
    let first = start;
    while (ctx.tokens[first]?.pos === 'ADV') first++;
    const token = ctx.tokens[first];
    if (!token || !CLAUSE_START.has(token.pos)) continue;
    // An object pronoun ("told him"), not the country "US".
    if (token.pos === 'PRON' && OBJECT_PRONOUNS.has(token.normal)) continue;
    let v = phraseFrom(ctx, first, end);
    if (v === first) continue;
    for (let pp = 0; pp < 2 && ctx.tokens[v]?.pos === 'ADP' && ctx.word(v) !== 'that'; pp++) {
      const after = phraseFrom(ctx, v + 1, end);
      if (after === v + 1) break;
      v = after;
    }
    while (ctx.tokens[v]?.pos === 'ADV') v++; // "the government deeply regrets"
    const verb = ctx.tokens[v];
    if (verb?.pos === 'VERB' || verb?.pos === 'AUX') return start;
  }
  return -1;
}

/** Cue-led reported speech: `X said (that) …`, `X commented on …: …`. */
function thatClause(ctx: QuoteContext, c: number, s: Sentence): QuoteDraft | null {
  const cue = cueOf(ctx, c);
  if (!cue || (!cue.frames.has('that') && !cue.frames.has('colon'))) return null;
  const from = clauseAfter(ctx, c, cue, s);
  if (from < 0 || from >= s.tokenEnd) return null;
  if (!hasVerbFrom(ctx, from, s.tokenEnd)) return null;
  const speaker = speakerBefore(ctx, c, s.tokenStart);
  if (!speaker) return null;
  const content = toSentenceEnd(ctx, ctx.tokens[from]?.start ?? s.end, s);
  return indirect(ctx, ctx.quotations, content, speaker, c, cue.id);
}

/** `…, X said.` / `…, said X.` at the end of a sentence. */
function trailing(ctx: QuoteContext, c: number, s: Sentence): QuoteDraft | null {
  const cue = cueOf(ctx, c);
  // "…, noting the number of observers": a participle closes no reported clause.
  if (!cue?.frames.has('trailing') || /ing$/.test(ctx.word(c))) return null;
  let comma: number;
  let speaker: Speaker | null;
  let groupEnd: number;
  if (separatorBefore(ctx, c) >= 0) {
    comma = separatorBefore(ctx, c);
    groupEnd = phraseAfterCue(ctx, c, s.tokenEnd);
    speaker = speakerFromPhrase(ctx, c + 1, groupEnd);
  } else {
    const j = skipVerbGroup(ctx, c - 1, s.tokenStart);
    const phrase = phraseEndingAt(ctx, j, s.tokenStart);
    if (!phrase) return null;
    comma = separatorBefore(ctx, phrase[0]);
    groupEnd = c + 1;
    speaker = speakerFromPhrase(ctx, phrase[0], phrase[1]);
  }
  if (!speaker) return null;
  // "…sovereignty he said.": no comma, but a pronoun or a name and the cue end the sentence.
  if (comma < 0 && isBareGroupAtEnd(ctx, speaker, c, s)) comma = ctx.tokenAt(speaker.start);
  if (comma <= s.tokenStart) return null;
  for (let t = groupEnd; t < s.tokenEnd; t++) {
    // "While speaking with Reuters, Saleh said, "…"": the attribution of what follows.
    if (/^[,:]$/.test(ctx.word(t)) && QUOTE_MARK.test(ctx.word(t + 1))) return null;
    // "…, said Lord Alderdice, as he presented the report." / "…, Yonhap reported, but …"
    if (ctx.word(t) === ',') break;
    if (!TAIL_POS.has(ctx.tokens[t]?.pos ?? '')) return null;
  }
  let start = s.start;
  const first = ctx.word(s.tokenStart);
  if (POINTING_BACK.has(first)) start = sentenceBefore(ctx, s) ?? start;
  const content = trimmed(ctx, start, ctx.tokens[comma]?.start ?? s.start);
  if (!hasVerbFrom(ctx, ctx.tokenAt(content.start), comma)) return null;
  return indirect(ctx, ctx.quotations, content, speaker, c, cue.id);
}

/** `… he said.` closing the sentence with no comma before the speaker. */
function isBareGroupAtEnd(ctx: QuoteContext, speaker: Speaker, c: number, s: Sentence): boolean {
  if (speaker.actor === null && !/^(?:he|she|they)$/i.test(speaker.text)) return false;
  for (let t = c + 1; t < s.tokenEnd; t++) if (ctx.tokens[t]?.pos !== 'PUNCT') return false;
  const first = ctx.tokenAt(speaker.start);
  return first - 1 > s.tokenStart && ctx.tokens[first - 1]?.pos !== 'PUNCT';
}

/** The comma or dash just before token t, over a closing quote mark (`…," Todd said`), or -1. */
function separatorBefore(ctx: QuoteContext, t: number): number {
  let k = t - 1;
  while (/^["”“»’']$/.test(ctx.word(k))) k--;
  if (/^[,—–-]$/.test(ctx.word(k))) return k;
  // `The attack "will lead to degeneration" added Abu Rudeina`: the closing mark separates.
  return k < t - 1 ? k + 1 : -1;
}

/**
 * The sentence before s in its paragraph, when it may be the same speaker's words: it has no
 * cue, no quotation mark, and does not open with an actor (narration about someone).
 */
function sentenceBefore(ctx: QuoteContext, s: Sentence): number | null {
  const sentences = ctx.doc.sentences ?? [];
  const index = sentences.indexOf(s);
  const previous = sentences[index - 1];
  if (!previous) return null;
  const paragraphs = ctx.doc.paragraphs ?? [];
  if (paragraphOf(paragraphs, previous.start) !== paragraphOf(paragraphs, s.start)) return null;
  if (ctx.mentionAt(previous.tokenStart)) return null;
  for (let t = previous.tokenStart; t < previous.tokenEnd; t++) {
    if (cueOf(ctx, t) || /["“”„«»]/.test(ctx.doc.text[ctx.tokens[t]?.start ?? 0] ?? '')) {
      return null;
    }
  }
  return previous.start;
}

/** `According to X, …` / `…, according to X.` */
function accordingTo(ctx: QuoteContext, c: number, s: Sentence): QuoteDraft | null {
  if (ctx.word(c) !== 'according' || ctx.word(c + 1) !== 'to') return null;
  const end = phraseFrom(ctx, c + 2, s.tokenEnd);
  const head = ctx.word(end - 1);
  if (ctx.rules.notSpeakers.has(head)) return null; // "according to the constitution"
  const speaker = speakerFromPhrase(ctx, c + 2, end);
  if (!speaker) return null;
  let content: Content;
  // "According to X (in Y), …" may follow a dateline or a phrase with no verb ("North Korea
  // According to media reports in North Korea, …").
  const opens = c === s.tokenStart || !hasVerbFrom(ctx, s.tokenStart, c);
  let comma = commaAfter(ctx, end, s.tokenEnd);
  // "According to a security officer, who asked not to be named, …": past the relative clause.
  if (comma >= 0 && RELATIVE_START.has(ctx.word(comma + 1))) {
    const next = ctx.tokens.findIndex(
      (t, k) => k > comma + 1 && k < s.tokenEnd && t.normal === ',',
    );
    comma = next;
  }
  if (opens && comma >= 0) {
    content = toSentenceEnd(ctx, ctx.tokens[comma + 1]?.start ?? s.end, s);
  } else if (ctx.word(c - 1) === ',' && !hasWordFrom(ctx, end, s.tokenEnd)) {
    content = trimmed(ctx, s.start, ctx.tokens[c - 1]?.start ?? s.start);
  } else {
    content = toSentenceEnd(ctx, s.start, s);
  }
  const draft = indirect(ctx, ctx.quotations, content, speaker, c, 'according-to');
  const last = ctx.tokens[c + 1];
  if (draft && last) draft.cue = ctx.text(ctx.tokens[c]?.start ?? 0, last.end);
  return draft;
}

/** The comma closing a phrase that starts at token t (over "in Moscow", "of the ministry"). */
function commaAfter(ctx: QuoteContext, t: number, end: number): number {
  for (let k = t; k < end && k - t <= 12; k++) {
    const token = ctx.tokens[k];
    if (!token || token.pos === 'AUX') return -1;
    if (token.normal === ',') return k;
    // "According to the media based on exit polls, …": participles may stand in the phrase.
    if (token.pos === 'VERB' && !/(?:ed|ing)$/.test(token.normal)) return -1;
  }
  return -1;
}

function hasWordFrom(ctx: QuoteContext, from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (ctx.tokens[t]?.pos !== 'PUNCT') return true;
  return false;
}

function indirect(
  ctx: QuoteContext,
  quotations: Quotation[],
  content: Content,
  speaker: Speaker,
  c: number,
  cueId: string,
): QuoteDraft | null {
  if (content.end - content.start < 3) return null;
  const from = ctx.tokenAt(content.start);
  if (!hasVerbFrom(ctx, from, ctx.tokenAt(content.end))) return null;
  // Reported speech that opens a quotation running on past its sentence takes all of it:
  // "According to X, the officials "…remain my friends. It is very difficult…"".
  const running = quotations.find(
    (q) => q.outerStart >= content.start && q.outerStart < content.end && q.end > content.end,
  );
  if (running) content.end = running.end;
  // The speaker is not part of what they said.
  if (speaker.start >= content.start && speaker.end <= content.end && speaker.start < content.end) {
    if (speaker.start > content.start) content.end = Math.min(content.end, speaker.start);
  }
  const token = ctx.tokens[c];
  return {
    start: content.start,
    end: content.end,
    kind: 'indirect',
    speaker,
    cue: token ? ctx.text(token.start, token.end) : null,
    cueId,
    paragraph: paragraphOf(ctx.doc.paragraphs ?? [], content.start),
  };
}

/**
 * Indirect quotes of every sentence, skipping text already inside a quote (`taken`): a cue
 * inside someone's words is part of them.
 */
export function indirectQuotes(ctx: QuoteContext, taken: QuoteDraft[]): QuoteDraft[] {
  const found: QuoteDraft[] = [];
  // Tokens inside a quote's content, marked as quotes are found.
  const covered = new Uint8Array(ctx.tokens.length);
  const cover = (q: QuoteDraft) => {
    for (let t = ctx.tokenAt(q.start); (ctx.tokens[t]?.start ?? Infinity) < q.end; t++) {
      covered[t] = 1;
    }
  };
  taken.forEach(cover);
  for (const s of ctx.doc.sentences ?? []) {
    for (let c = s.tokenStart; c < s.tokenEnd; c++) {
      const token = ctx.tokens[c];
      if (!token || covered[c]) continue;
      if (token.normal !== 'according' && !cueOf(ctx, c)) continue;
      const draft = accordingTo(ctx, c, s) ?? thatClause(ctx, c, s) ?? trailing(ctx, c, s);
      if (!draft || overlapsQuote(draft, taken)) continue;
      found.push(draft);
      cover(draft);
    }
  }
  return found;
}

function overlapsQuote(draft: QuoteDraft, taken: QuoteDraft[]): boolean {
  return taken.some((q) => overlaps(draft, q));
}
