/**
 * Quotation spans from quote marks: every mark news uses — "…", “…”, „…“, «…», ‘…’, '…' — and the
 * mismatched pairs scrapers and machine translation leave behind (“…“, ”…”, "…”).
 *
 * A mark opens when it stands at the start of a word and closes at the end of one; which mark
 * closes which is loose on purpose, because real pages mix them. Single quotes are read only at
 * the top level (inside a double quotation they are nested quotes) and never inside a word
 * (Russia’s, don't). A quotation left open at the end of a paragraph continues when the next
 * paragraph opens again — the news convention for a quote over several paragraphs — and
 * otherwise ends with its paragraph. Wiki markup ('' and ''') is not a quote mark.
 */
import type { Span } from '../../core/offsets.js';

export interface Quotation {
  /** The content: inside the marks. */
  start: number;
  end: number;
  /** Offsets of the opening mark and one past the closing mark (or the content end if none). */
  outerStart: number;
  outerEnd: number;
  /** Whether a closing mark was found (else the paragraph ended the quotation). */
  closed: boolean;
  /** Paragraphs reopened inside it: a quotation over several paragraphs. */
  paragraphs: number;
}

type Family = 'double' | 'single';

const DOUBLE_OPEN = new Set(['"', '“', '„', '«', '”', '»']);
const DOUBLE_CLOSE = new Set(['"', '”', '“', '»', '«']);
const SINGLE_OPEN = new Set(["'", '‘', '‚', '‹', '’']);
const SINGLE_CLOSE = new Set(["'", '’', '‘', '›']);
/** The longest a single-quoted quotation may run without closing before it is dropped. */
const SINGLE_MAX = 800;

/** A token that is one quote mark. */
export const QUOTE_MARK = /^["“”„«»‘’'‹›]$/;

/** Every quote mark: the scan jumps from one to the next. */
const MARKS = /["“”„«»'‘’‚‹›]/g;

const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);
const isLetter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
/** Characters that may stand before an opening mark besides a space: ( [ — – - : / , ; */
const BEFORE_OPEN = /[([{\u2014\u2013\-:/,;]/;
/** Characters that may follow a closing mark besides a space. */
const AFTER_CLOSE = /[.,;:!?)\]}\u2014\u2013\-…]/;

function canOpen(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  if (isSpace(after)) return false;
  return isSpace(before) || BEFORE_OPEN.test(before ?? '') || DOUBLE_OPEN.has(before ?? '');
}

function canClose(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  if (isSpace(before)) return false;
  return isSpace(after) || AFTER_CLOSE.test(after ?? '') || DOUBLE_CLOSE.has(after ?? '');
}

/** Two or more apostrophes in a row: wiki bold/italic markup. */
function isWikiMarkup(text: string, i: number): boolean {
  return (text[i] === "'" && text[i + 1] === "'") || (text[i] === "'" && text[i - 1] === "'");
}

interface Open {
  family: Family;
  mark: string;
  at: number;
  paragraphs: number;
}

/**
 * The quotations of a text, in order, outermost only. `paragraphs` are the paragraph spans
 * (a quotation never runs past one unless the next reopens it).
 */
export function findQuotations(text: string, paragraphs: Span[]): Quotation[] {
  const found: Quotation[] = [];
  let open: Open | undefined;
  const finish = (end: number, outerEnd: number, closed: boolean) => {
    if (!open) return;
    found.push({
      start: open.at + 1,
      end,
      outerStart: open.at,
      outerEnd,
      closed,
      paragraphs: open.paragraphs,
    });
    open = undefined;
  };
  paragraphs.forEach((paragraph, p) => {
    const next = paragraphs[p + 1];
    MARKS.lastIndex = paragraph.start;
    for (let found = MARKS.exec(text); found; found = MARKS.exec(text)) {
      const i = found.index;
      if (i >= paragraph.end) break;
      const ch = found[0];
      if (DOUBLE_OPEN.has(ch) || DOUBLE_CLOSE.has(ch)) {
        if (open?.family === 'double') {
          // A reopening mark at the start of a continued paragraph is not a close.
          if (i === paragraph.start && open.paragraphs > 0) continue;
          // A mark that cannot open ("Orange Revolution " with a stray space) closes.
          if (canClose(text, i) || !canOpen(text, i)) finish(i, i + 1, true);
        } else if (canOpen(text, i) && DOUBLE_OPEN.has(ch)) {
          // A double mark inside a single quotation: the single one was an apostrophe.
          open = { family: 'double', mark: ch, at: i, paragraphs: 0 };
        }
        continue;
      }
      if (!SINGLE_OPEN.has(ch) && !SINGLE_CLOSE.has(ch)) continue;
      if (open?.family === 'double' || isWikiMarkup(text, i)) continue;
      if (isLetter(text[i - 1]) && isLetter(text[i + 1])) continue; // an apostrophe
      if (open?.family === 'single') {
        if (canClose(text, i) && !isLetter(text[i + 1])) finish(i, i + 1, true);
      } else if (canOpen(text, i) && SINGLE_OPEN.has(ch) && isLetter(text[i + 1])) {
        open = { family: 'single', mark: ch, at: i, paragraphs: 0 };
      }
    }
    if (!open) return;
    // Still open at the paragraph's end.
    const reopens = next !== undefined && opensParagraph(text, next.start, open.family);
    if (open.family === 'double' && reopens) {
      open.paragraphs += 1;
      return;
    }
    if (open.family === 'single' && paragraph.end - open.at > SINGLE_MAX) {
      open = undefined; // an apostrophe, not a quotation
      return;
    }
    if (open.family === 'single') {
      open = undefined;
      return;
    }
    finish(trimEnd(text, paragraph.end), paragraph.end, false);
  });
  return found.filter((q) => q.end > q.start && text.slice(q.start, q.end).trim() !== '');
}

function opensParagraph(text: string, at: number, family: Family): boolean {
  const ch = text[at] ?? '';
  return family === 'double' ? DOUBLE_OPEN.has(ch) : SINGLE_OPEN.has(ch);
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && isSpace(text[e - 1])) e--;
  return e;
}
