/**
 * Segmentation: sentences and tokens (POS, lemma) from wink-nlp, stored as spans over the
 * clean text. wink-nlp reads the whole text once; refiners then fix what it gets wrong on news:
 *
 * 1. `splitAtParagraphs` — a sentence never crosses a line break: a title or a line without
 *    final punctuation must not merge with the next paragraph.
 * 2. `mergeShreds` — a quote mark must not be cut off its quotation: a closing quote mark that
 *    starts a sentence after one with an unclosed quotation moves back to it; a "sentence" that is
 *    only punctuation, or that starts with a closing quote mark and goes on with the
 *    attribution (`“…“, said Kallas.`, `?" asked Smith.`), joins the sentence before it.
 */
import winkNLP, { type ItsHelpers, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Document, Sentence, Token } from '../../core/document.js';
import type { Stage } from '../../pipeline/pipeline.js';
import { isProcessable } from '../language/language.js';

let nlp: WinkMethods | undefined;
let its: ItsHelpers | undefined;

/**
 * The pipe we need from wink-nlp: sentence boundaries and POS tags (lemmas come on demand).
 * Its default pipe also runs negation, sentiment, named entities and custom entities, which no
 * stage reads; leaving them out changes no sentence, tag or lemma (checked on 600 corpus
 * articles) and saves about 40% of wink-nlp's time.
 */
export const WINK_PIPE = ['sbd', 'pos'];

/** The shared wink-nlp instance (loading the model costs ~100 ms: once per process). */
export function wink(): { nlp: WinkMethods; its: ItsHelpers } {
  if (!nlp || !its) {
    nlp = winkNLP(model, WINK_PIPE);
    its = nlp.its;
  }
  return { nlp, its };
}

/** What wink-nlp computes for a token only when a stage asks: its lemma and its type. */
interface WinkLookups {
  lemmaOf(i: number): string;
  kindOf(i: number): string;
}

/**
 * Lemmas by POS, then by normal form, shared by all documents of the process. Both keys are
 * strings wink-nlp hands out again and again (their hashes are computed once), where a
 * "POS form" key was a new string to build and hash for every token.
 */
const LEMMAS = new Map<string, Map<string, string>>();
const MAX_LEMMAS = 100_000;
let lemmaCount = 0;

/** The lemma of wink-nlp's token `index`, tagged `pos`, of normal form `normal`. */
function cachedLemma(pos: string, normal: string, wink: WinkLookups, index: number): string {
  let byNormal = LEMMAS.get(pos);
  if (!byNormal) {
    byNormal = new Map();
    LEMMAS.set(pos, byNormal);
  }
  let lemma = byNormal.get(normal);
  if (lemma === undefined) {
    lemma = wink.lemmaOf(index) || normal;
    if (lemmaCount >= MAX_LEMMAS) {
      for (const forms of LEMMAS.values()) forms.clear();
      lemmaCount = 0;
    }
    byNormal.set(normal, lemma);
    lemmaCount++;
  }
  return lemma;
}

/**
 * A token whose lemma and kind wink-nlp computes the first time they are read (most tokens'
 * are never read: only cue and trigger words need a lemma, only a sentence's first token a
 * kind).
 */
class WinkToken implements Token {
  private cachedLemma: string | undefined;
  private cachedKind: string | undefined;

  constructor(
    public start: number,
    public end: number,
    public pos: string,
    public normal: string,
    private readonly index: number,
    private readonly wink: WinkLookups,
  ) {}

  get lemma(): string {
    if (this.cachedLemma === undefined) {
      // The lemma of a form and tag is the same in every document: asked of wink-nlp once.
      this.cachedLemma = cachedLemma(this.pos, this.normal, this.wink, this.index);
    }
    return this.cachedLemma;
  }

  set lemma(value: string) {
    this.cachedLemma = value;
  }

  /** wink-nlp's token type: word, number, punctuation… */
  get kind(): string {
    this.cachedKind ??= this.wink.kindOf(this.index);
    return this.cachedKind;
  }

  set kind(value: string) {
    this.cachedKind = value;
  }

  toJSON(): Token {
    const { start, end, pos, lemma, normal, kind } = this;
    return { start, end, pos, lemma, normal, kind };
  }
}

interface Draft {
  tokenStart: number;
  tokenEnd: number;
}

/**
 * `index` of `tokenize`, kept between documents: a typed array allocated for every document
 * cost more than the loop that fills it. Grown when a document has more tokens.
 */
let indexBuffer = new Int32Array(4096);
/** Tokens of the longest document whose index array is kept (about 0.5 MB). */
const MAX_KEPT_INDEX = 65_536;

/** Whether a wink-nlp token is only white space (a line break): printable ASCII is not. */
function blank(value: string): boolean {
  const code = value.charCodeAt(0);
  return code > 32 && code < 127 ? false : value.trim() === '';
}

export function tokenize(text: string): { tokens: Token[]; drafts: Draft[] } {
  const { nlp, its } = wink();
  const doc = nlp.readDoc(text);
  const words = doc.tokens();
  const values = words.out(its.value) as string[];
  const pos = words.out(its.pos) as string[];
  // Lemmas and types are asked for a token at a time, when a stage needs one (cue verbs, rule
  // triggers): computing lemmas for every token cost a third of wink-nlp's time, types 5%.
  const lookups: WinkLookups = {
    // wink-nlp types its.lemma with an addon signature that `out` does not accept; it works.
    lemmaOf: (i) => words.itemAt(i).out(its.lemma as unknown as typeof its.value) as string,
    kindOf: (i) => words.itemAt(i).out(its.type) as string,
  };
  const normals = words.out(its.normal) as string[];
  const tokens: Token[] = [];
  // wink-nlp keeps line breaks as tokens; ours are words and punctuation only. `index[i]` is
  // the number of our tokens before wink token i, to re-base wink's sentence spans.
  // (A document longer than any kept for is given its own array: a huge one would hold
  // megabytes for the rest of the process.)
  if (indexBuffer.length < values.length + 1 && values.length < MAX_KEPT_INDEX) {
    indexBuffer = new Int32Array(2 * values.length + 2);
  }
  const index =
    indexBuffer.length > values.length ? indexBuffer : new Int32Array(values.length + 1);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    index[i] = tokens.length;
    const value = values[i] ?? '';
    // The spaces before the token (wink-nlp's count of them is capped: skipped here instead).
    while (text.charCodeAt(at) === 32) at++;
    if (!holdsAt(text, value, at)) {
      // wink-nlp keeps original token values; should one differ, find it ahead.
      const found = text.indexOf(value, at);
      if (found !== -1) at = found;
    }
    const previous = tokens[tokens.length - 1];
    if (previous && previous.end === at && splitWord(text, previous, value)) {
      // wink-nlp cuts words at letters it does not know ("Počiatek" → Po|č|iatek): one word.
      joinInto(previous, text, at + value.length);
    } else if (!blank(value)) {
      // wink-nlp does not know « » „ ‹ ›: they are quote marks like the others.
      const quote = value.length === 1 && QUOTE_MARK.test(value);
      const token = new WinkToken(
        at,
        at + value.length,
        quote ? 'PUNCT' : (pos[i] ?? 'X'),
        normals[i] ?? value.toLowerCase(),
        i,
        lookups,
      );
      if (quote) token.kind = 'punctuation';
      tokens.push(token);
    }
    at += value.length;
  }
  index[values.length] = tokens.length;
  const drafts: Draft[] = [];
  for (const [first, last] of doc.sentences().out(its.span) as unknown as [number, number][]) {
    const tokenStart = index[first] ?? 0;
    const tokenEnd = index[last + 1] ?? tokens.length;
    if (tokenEnd > tokenStart) drafts.push({ tokenStart, tokenEnd });
  }
  return { tokens, drafts };
}

/**
 * Whether `text` holds `value` at offset `at`: `text.startsWith(value, at)` by char codes,
 * several times faster on the short values of tokens (this runs once per token).
 */
function holdsAt(text: string, value: string, at: number): boolean {
  if (at + value.length > text.length) return false;
  for (let k = 0; k < value.length; k++) {
    if (text.charCodeAt(at + k) !== value.charCodeAt(k)) return false;
  }
  return true;
}

const LETTER_END = /\p{L}$/u;
const LETTER_START = /^\p{L}/u;
const NON_ASCII_LETTER = /[^\x00-\x7F]/;

/** Whether wink-nlp split one word: letters on both sides of the cut, one side non-ASCII. */
function splitWord(text: string, previous: Token, value: string): boolean {
  const before = text.slice(previous.start, previous.end);
  return (
    LETTER_END.test(before) &&
    LETTER_START.test(value) &&
    (NON_ASCII_LETTER.test(value[0] ?? '') ||
      NON_ASCII_LETTER.test(before[before.length - 1] ?? ''))
  );
}

function joinInto(token: Token, text: string, end: number): void {
  token.end = end;
  const word = text.slice(token.start, end);
  token.normal = word.toLowerCase();
  token.lemma = token.normal;
  token.kind = 'word';
  if (/^\p{Lu}/u.test(word)) token.pos = 'PROPN';
  else if (token.pos === 'X' || token.pos === 'PUNCT') token.pos = 'NOUN';
}

/** Whether `text[from, to)` holds a line break (without slicing it out: once per token). */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

function splitAtParagraphs(text: string, tokens: Token[], drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const draft of drafts) {
    let start = draft.tokenStart;
    for (let i = draft.tokenStart + 1; i < draft.tokenEnd; i++) {
      const prev = tokens[i - 1];
      const cur = tokens[i];
      if (prev && cur && hasLineBreak(text, prev.end, cur.start)) {
        out.push({ tokenStart: start, tokenEnd: i });
        start = i;
      }
    }
    out.push({ tokenStart: start, tokenEnd: draft.tokenEnd });
  }
  return out;
}

const QUOTE_MARK = /^[”“"'’‘»«„‟‹›]$/;
const CLOSING_QUOTE = /^[”“"'’‘»«„]/;
const QUOTES_IN = /[”“"«»„‟]/g;
const PUNCT_ONLY = /^[\p{P}\p{S}\s]*$/u;
const ATTRIBUTION_START = /^[”“"'’‘»«„]?\s*(?:[,;:—–-]|\p{Ll})/u;
const QUOTE_END = /[”“"'’»«„]\s*$/;

function mergeShreds(text: string, tokens: Token[], drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const next of drafts) {
    const draft = { ...next };
    const prev = out[out.length - 1];
    const prevFirst = prev && tokens[prev.tokenStart];
    const prevLast = prev && tokens[prev.tokenEnd - 1];
    let first = tokens[draft.tokenStart];
    if (prev && prevFirst && prevLast && first) {
      const sameLine = !hasLineBreak(text, prevLast.end, first.start);
      const prevText = text.slice(prevFirst.start, prevLast.end);
      // A quotation left open in the previous sentence is closed by this leading quote mark.
      const unclosed = (prevText.match(QUOTES_IN)?.length ?? 0) % 2 === 1;
      if (
        sameLine &&
        unclosed &&
        first.kind === 'punctuation' &&
        QUOTE_MARK.test(text.slice(first.start, first.end))
      ) {
        prev.tokenEnd += 1;
        draft.tokenStart += 1;
        if (draft.tokenStart >= draft.tokenEnd) continue;
        first = tokens[draft.tokenStart];
      }
    }
    const last = tokens[draft.tokenEnd - 1];
    const lastOfPrev = prev && tokens[prev.tokenEnd - 1];
    if (prev && first && last && lastOfPrev) {
      const sameLine = !hasLineBreak(text, lastOfPrev.end, first.start);
      const own = text.slice(first.start, last.end);
      const prevEnd = text.slice(lastOfPrev.start, lastOfPrev.end);
      const shred =
        PUNCT_ONLY.test(own) ||
        (CLOSING_QUOTE.test(own) && ATTRIBUTION_START.test(own)) ||
        (QUOTE_END.test(prevEnd) && /^\p{Ll}/u.test(own));
      if (sameLine && shred) {
        prev.tokenEnd = draft.tokenEnd;
        continue;
      }
    }
    out.push(draft);
  }
  return out;
}

export function segmentText(text: string): { tokens: Token[]; sentences: Sentence[] } {
  const { tokens, drafts } = tokenize(text);
  const refined = mergeShreds(text, tokens, splitAtParagraphs(text, tokens, drafts));
  const sentences: Sentence[] = [];
  for (const d of refined) {
    const first = tokens[d.tokenStart];
    const last = tokens[d.tokenEnd - 1];
    if (!first || !last) continue;
    sentences.push({
      start: first.start,
      end: last.end,
      tokenStart: d.tokenStart,
      tokenEnd: d.tokenEnd,
    });
  }
  return { tokens, sentences };
}

export function segmentStage(): Stage {
  return {
    name: 'segment',
    requires: ['language', 'paragraphs'],
    assigns: ['sentences', 'tokens'],
    init: async () => {
      wink();
    },
    process(doc: Document) {
      if (!isProcessable(doc)) {
        doc.sentences = [];
        doc.tokens = [];
        return;
      }
      const { tokens, sentences } = segmentText(doc.text);
      doc.tokens = tokens;
      doc.sentences = sentences;
    },
  };
}
