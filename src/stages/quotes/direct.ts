/**
 * Direct quotes: quotations that stand as speech, with their speaker.
 *
 * A quotation is speech when it stands on its own — it starts its sentence (or follows the
 * attribution: `X said: "…"`, `X told reporters "…"`) and ends it (or is followed by the
 * attribution: `"…," said X.`, `"…", X said.`, `"…," X told reporters`). A quoted phrase inside
 * a sentence ("Russia supposedly "cannot agree" to…") is part of that sentence: a scare quote, a
 * title or someone's words inside reported speech, never a quote of its own. A quotation with no
 * cue of its own continues the speaker of the quote just before it, in its own paragraph or the
 * one before ("…," he said. "…"), or the person the sentence before it is about.
 */
import type { Span } from '../../core/offsets.js';
import { QUOTE_MARK, type Quotation } from './marks.js';
import {
  clauseSubject,
  phraseFrom,
  speakerAfter,
  speakerBefore,
  type QuoteContext,
  type Speaker,
} from './speaker.js';
import type { QuoteCue } from './rules.js';

export interface QuoteDraft {
  start: number;
  end: number;
  kind: 'direct' | 'indirect';
  speaker: Speaker;
  /** The cue's words as written ("said", "according to"), null for a continued speaker. */
  cue: string | null;
  cueId: string | null;
  paragraph: number;
}

const LEAD_PUNCT = new Set(['—', '–', '-', ':', '(', '…']);
const TRAIL_PUNCT = new Set(['.', ',', '!', '?', '…', '—', '–', '-', ';', ':']);
/** Short quoted phrases with no cue next to them are terms or titles. */
const MIN_UNCUED_WORDS = 4;

export function cueOf(ctx: QuoteContext, t: number): QuoteCue | undefined {
  const token = ctx.tokens[t];
  if (!token) return undefined;
  if (token.pos === 'VERB') return ctx.rules.byLemma.get(token.lemma.toLowerCase());
  // wink-nlp tags some participles as adjectives or nouns ("…, reassuring his host that"):
  // a participle after a comma or before its clause is still the verb.
  if ((token.pos !== 'ADJ' && token.pos !== 'NOUN') || !token.normal.endsWith('ing')) {
    return undefined;
  }
  const next = ctx.word(t + 1);
  const placed = ctx.word(t - 1) === ',' || next === 'that' || next === ':' || next === ',';
  return placed ? participleCue(ctx, token.normal) : undefined;
}

/** The cue of a participle from its form: saying → say, stating → state, admitting → admit. */
function participleCue(ctx: QuoteContext, form: string): QuoteCue | undefined {
  const stem = form.slice(0, -3);
  const candidates = [stem, `${stem}e`, stem.replace(/(.)\1$/, '$1')];
  for (const lemma of candidates) {
    const cue = ctx.rules.byLemma.get(lemma);
    if (cue) return cue;
  }
  return undefined;
}

interface Attribution {
  speaker: Speaker;
  cue: number;
}

/** `"…," said X.` / `"…", X said.` — the attribution right after the closing mark. */
function attributionAfter(ctx: QuoteContext, q: Quotation): Attribution | null {
  let t = ctx.tokenAt(q.outerEnd);
  const sentence = ctx.sentenceOf[t - 1] ?? -1;
  const end = ctx.doc.sentences?.[sentence]?.tokenEnd ?? ctx.tokens.length;
  while (t < end && TRAIL_PUNCT.has(ctx.word(t))) t++;
  const first = t;
  // Speaker then cue ("X said"), or cue then speaker ("said X").
  for (let c = first; c < end && c - first <= 12; c++) {
    const cue = cueOf(ctx, c);
    if (!cue?.frames.has('direct')) {
      if (ctx.tokens[c]?.pos === 'VERB') return null;
      continue;
    }
    const speaker = c === first ? speakerAfter(ctx, c, end) : speakerBefore(ctx, c, first);
    if (!speaker) return null;
    // Nothing but the speaker may stand between the mark and the cue.
    if (c > first && (ctx.tokens[first]?.start ?? 0) < speaker.start - 4) {
      if (!phraseCovers(ctx, first, c, speaker)) return null;
    }
    return { speaker, cue: c };
  }
  return null;
}

function phraseCovers(ctx: QuoteContext, first: number, cue: number, speaker: Speaker): boolean {
  const end = phraseFrom(ctx, first, cue);
  return (ctx.tokens[end - 1]?.end ?? 0) >= speaker.end;
}

/**
 * `X said: "…"` / `X told reporters "…"` / `According to X, "…"` — the attribution before the
 * opening mark, in the same sentence, with nothing but an addressee or a phrase such as "on
 * Telegram" between the cue and the mark.
 */
function attributionBefore(ctx: QuoteContext, q: Quotation): Attribution | null {
  const open = ctx.tokenAt(q.outerStart);
  const sentence = ctx.sentenceOf[open] ?? -1;
  const s = ctx.doc.sentences?.[sentence];
  let start = s?.tokenStart ?? 0;
  // The colon may end the sentence before: `Smith said:` ⏎ `"…"`.
  if (start === open && sentence > 0 && ctx.word(open - 1) === ':') {
    start = ctx.doc.sentences?.[sentence - 1]?.tokenStart ?? start;
  }
  for (let c = open - 1; c >= start && open - c <= 14; c--) {
    const word = ctx.word(c);
    if (word === 'according' && ctx.word(c + 1) === 'to') {
      const end = phraseFrom(ctx, c + 2, open);
      const speaker = speakerAfter(ctx, c + 1, end);
      return speaker ? { speaker, cue: c } : null;
    }
    const cue = cueOf(ctx, c);
    if (!cue) continue;
    if (!cue.frames.has('direct')) return null;
    if (!onlyAddressee(ctx, c + 1, open, cue)) return null;
    const speaker = speakerBefore(ctx, c, start) ?? null;
    return speaker ? { speaker, cue: c } : null;
  }
  return null;
}

/**
 * Between a cue and its quotation: an addressee ("told reporters"), phrases ("on Telegram", "in
 * a statement"), a comma or colon, and "that" right before the mark.
 */
function onlyAddressee(ctx: QuoteContext, from: number, to: number, cue: QuoteCue): boolean {
  let t = from;
  if (cue.frames.has('object')) t = Math.max(t, phraseFrom(ctx, t, to));
  // A longer gap ending with a comma or colon: "saying in an Aug. 21, 2003 panel, "…"".
  if (/^[,:]$/.test(ctx.word(to - 1)) && to - from <= 14) {
    for (let k = t; k < to - 1; k++) {
      const token = ctx.tokens[k];
      if (!token || token.pos === 'VERB' || token.pos === 'AUX' || token.normal === 'that') {
        return false;
      }
    }
    return true;
  }
  while (t < to) {
    const token = ctx.tokens[t];
    if (!token) return false;
    if (token.pos === 'ADP' && token.normal !== 'that')
      t = Math.max(t + 1, phraseFrom(ctx, t + 1, to));
    else if (token.normal === ',' || token.normal === ':') t++;
    else if (token.normal === 'that' && t + 1 === to) t++;
    else return false;
  }
  return true;
}

const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '…']);

/**
 * Whether the quotation opens a sentence: only punctuation stands between it and the sentence
 * start, or the end of the sentence before (the segmenter may leave an opening mark there).
 */
function startsSentence(ctx: QuoteContext, q: Quotation): boolean {
  const open = ctx.tokenAt(q.outerStart);
  const s = ctx.doc.sentences?.[ctx.sentenceOf[open] ?? -1];
  if (!s) return false;
  for (let t = open - 1; t >= s.tokenStart; t--) {
    const word = ctx.word(t);
    if (SENTENCE_END.has(word)) return true;
    if (!LEAD_PUNCT.has(word) && !QUOTE_MARK.test(word)) return false;
  }
  return true;
}

/** Whether only punctuation follows the closing mark to the end of its sentence. */
function endsSentence(ctx: QuoteContext, q: Quotation): boolean {
  const t0 = ctx.tokenAt(q.outerEnd);
  const sentence = ctx.sentenceOf[Math.max(0, t0 - 1)] ?? -1;
  const s = ctx.doc.sentences?.[sentence];
  if (!s) return true;
  for (let t = t0; t < s.tokenEnd; t++) {
    if (!TRAIL_PUNCT.has(ctx.word(t)) && ctx.tokens[t]?.pos !== 'PUNCT') return false;
  }
  return true;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** A name, title or term: "Operation "…"", a book called "…", a capitalised short title. */
function isTermOrTitle(ctx: QuoteContext, q: Quotation): boolean {
  const open = ctx.tokenAt(q.outerStart);
  if (ctx.rules.notQuoteBefore.has(ctx.word(open - 1))) return true;
  const words = ctx.text(q.start, q.end).split(/\s+/).filter(Boolean);
  return words.length <= 6 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || w.length <= 3);
}

/** Index of the paragraph holding offset `at`, or -1 (paragraphs are in text order). */
export function paragraphOf(paragraphs: Span[], at: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paragraphs[mid];
    if (!p) break;
    if (at < p.start) hi = mid - 1;
    else if (at >= p.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** A quotation that stands as speech but has no cue of its own. */
export interface UncuedQuotation {
  quotation: Quotation;
  paragraph: number;
}

/**
 * Direct quotes with their speakers, and the quotations that continue an earlier speaker
 * (resolved once the indirect quotes are known: `continueSpeakers`). Quotations that are not
 * speech are left out.
 */
export function directQuotes(
  ctx: QuoteContext,
  quotations: Quotation[],
): { drafts: QuoteDraft[]; uncued: UncuedQuotation[] } {
  const paragraphs = ctx.doc.paragraphs ?? [];
  const drafts: QuoteDraft[] = [];
  const uncued: UncuedQuotation[] = [];
  for (const q of quotations) {
    const paragraph = paragraphOf(paragraphs, q.outerStart);
    const before = attributionBefore(ctx, q);
    if (!before && !startsSentence(ctx, q)) continue;
    const ends = endsSentence(ctx, q);
    // `X said "cannot agree" to …`: a phrase inside the sentence, not a quote of its own.
    if (before && !ends && !/^[,;—–]/.test(ctx.text(q.outerEnd, q.outerEnd + 1))) {
      // …unless the mark follows the cue's comma or colon and a whole utterance is quoted:
      // `Yishai said, "I am ready to meet Hamas members" to negotiate…`.
      const mark = ctx.word(ctx.tokenAt(q.outerStart) - 1);
      if (!(mark === ',' || mark === ':') || wordCount(ctx.text(q.start, q.end)) < 4) continue;
    }
    const after = before ? null : attributionAfter(ctx, q);
    if (!before && !after && !ends) continue;
    const found = before ?? after;
    if (found) {
      drafts.push(draft(ctx, q, found.speaker, found.cue, paragraph));
      continue;
    }
    if (wordCount(ctx.text(q.start, q.end)) < MIN_UNCUED_WORDS || isTermOrTitle(ctx, q)) continue;
    uncued.push({ quotation: q, paragraph });
  }
  return { drafts, uncued };
}

function draft(
  ctx: QuoteContext,
  q: Quotation,
  speaker: Speaker,
  cue: number | null,
  paragraph: number,
): QuoteDraft {
  const cueToken = cue === null ? undefined : ctx.tokens[cue];
  const isAccording = cue !== null && ctx.word(cue) === 'according';
  // `"…peace," she said`: the comma belongs to the attribution, not to the words.
  let end = q.end;
  while (end > q.start && /[\s,;:]/.test(ctx.doc.text[end - 1] ?? '')) end--;
  return {
    start: q.start,
    end,
    kind: 'direct',
    speaker,
    cue: cueToken
      ? isAccording
        ? ctx.text(cueToken.start, ctx.tokens[cue! + 1]?.end ?? cueToken.end)
        : ctx.text(cueToken.start, cueToken.end)
      : null,
    cueId: isAccording ? 'according-to' : cue === null ? null : (cueOf(ctx, cue)?.id ?? null),
    paragraph,
  };
}

/**
 * Quotations with no cue continue a speaker: that of a quote ending in their sentence or the one
 * before; else the person the sentence before is about; else that of the last quote within two
 * sentences, in the same paragraph or the one before.
 */
export function continueSpeakers(
  ctx: QuoteContext,
  quotes: QuoteDraft[],
  uncued: UncuedQuotation[],
): QuoteDraft[] {
  const added: QuoteDraft[] = [];
  // Quotes by end, walked once: uncued quotations come in text order.
  const byEnd = [...quotes].sort((a, b) => a.end - b.end);
  let next = 0;
  let last: QuoteDraft | undefined;
  for (const { quotation: q, paragraph } of uncued) {
    const sentence = ctx.sentenceOf[ctx.tokenAt(q.outerStart)] ?? 0;
    while (next < byEnd.length && (byEnd[next]?.end ?? Infinity) <= q.outerStart) {
      const candidate = byEnd[next++];
      if (candidate && (!last || candidate.end >= last.end)) last = candidate;
    }
    const lastSentence = last ? (ctx.sentenceOf[ctx.tokenAt(last.end) - 1] ?? -9) : -9;
    const near = last && paragraph >= 0 && paragraph - last.paragraph <= 1 ? last : undefined;
    let speaker: Speaker | null = null;
    if (near && sentence - lastSentence <= 1) speaker = near.speaker;
    else
      speaker =
        previousSubject(ctx, q, paragraph) ??
        (near && sentence - lastSentence <= 2 ? near.speaker : null);
    if (speaker) {
      const continued = draft(ctx, q, speaker, null, paragraph);
      added.push(continued);
      last = continued;
    }
  }
  return added;
}

function previousSubject(ctx: QuoteContext, q: Quotation, paragraph: number): Speaker | null {
  const open = ctx.tokenAt(q.outerStart);
  const sentence = (ctx.sentenceOf[open] ?? 0) - 1;
  const previous = ctx.doc.sentences?.[sentence];
  if (!previous || paragraphOf(ctx.doc.paragraphs ?? [], previous.start) !== paragraph) return null;
  const subject = clauseSubject(ctx, previous.tokenStart, previous.tokenEnd);
  if (!subject?.actor || ctx.actors.get(subject.actor)?.type !== 'person') return null;
  return subject;
}
