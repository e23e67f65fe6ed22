/**
 * Normalised tokens: what the alias matcher compares. Case and diacritics are ignored, curly
 * apostrophes are straight, a possessive "'s" is its own token (so "Russia's" starts with
 * "russia"), and punctuation inside abbreviations does not split differently in the text and
 * in the KB ("U.S." and "US" both give "us").
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface WordToken {
  /** Normalised form. */
  norm: string;
  start: number;
  end: number;
  /** The token as written starts with a capital letter. */
  capital: boolean;
  /** The token as written is all capitals (and has at least two letters). */
  allCaps: boolean;
}

const DIACRITICS = /[\u0300-\u036f]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** A letter or digit: ASCII by char code (most text), the rest by Unicode class. */
function isWordChar(code: number, ch: string): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  // Latin-1 and Latin Extended letters, and Cyrillic, without the regular expression.
  if (
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x400 && code <= 0x4ff)
  ) {
    return true;
  }
  return LETTER_OR_DIGIT.test(ch);
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  // Only decompose when needed: most words are plain ASCII.
  const plain = /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFD').replace(DIACRITICS, '') : lower;
  return plain.includes('.') ? plain.replace(/\./g, '') : plain;
}

/** The normalised last word of a name as written ("Richard Dannatt" → "dannatt"). */
export function lastWord(text: string): string {
  return normalizeWord(text.split(/\s+/).pop() ?? '');
}

/** Tokens of the same text with their normal forms (the tagger's), `[start, end)` of them. */
export interface KnownForms {
  tokens: readonly { start: number; end: number; normal: string }[];
  start: number;
  end: number;
}

/**
 * Words of `text[from, to)`: runs of letters and digits; "U.S." and "U.N." (single capitals
 * each followed by a dot) are one word. A hand-written scanner over char codes: this runs on
 * every sentence, so plain ASCII words are normalised without regular expressions.
 */
export function wordTokens(
  text: string,
  from = 0,
  to = text.length,
  known?: KnownForms,
): WordToken[] {
  const tokens: WordToken[] = [];
  let i = from;
  let tk = known?.start ?? 0;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (!isWordChar(code, code < 128 ? '' : (text[i] ?? ''))) {
      i++;
      continue;
    }
    let end = i;
    let ascii = true;
    let upper = 0;
    let lower = 0;
    // The tagger's token starting here, and whether its normal form is this word lower-cased
    // so far (compared while scanning, not in a second pass).
    let normal: string | undefined;
    if (known) {
      while (tk < known.end && (known.tokens[tk]?.end ?? 0) <= i) tk++;
      const t = known.tokens[tk];
      if (t && t.start === i) normal = t.normal;
    }
    let same = normal !== undefined;
    while (end < to) {
      const c = text.charCodeAt(end);
      if (c < 128) {
        let lowered = c;
        if (c >= 65 && c <= 90) {
          upper++;
          lowered = c + 32;
        } else if (c >= 97 && c <= 122) lower++;
        else if (c < 48 || c > 57) break;
        if (same && normal?.charCodeAt(end - i) !== lowered) same = false;
      } else {
        if (!isWordChar(c, text[end] ?? '')) break;
        ascii = false;
      }
      end++;
    }
    // "U.S.": one capital and a dot, repeated. (Other words hold no dot: it ends them.)
    let dotted = false;
    if (end === i + 1 && upper === 1 && text.charCodeAt(end) === 46) {
      let k = end;
      while (
        k + 1 < to &&
        text.charCodeAt(k) === 46 &&
        isUpper(text[k + 1] ?? '') &&
        !isWordChar(text.charCodeAt(k + 2), text[k + 2] ?? '')
      ) {
        k += 2;
      }
      if (k > end && text.charCodeAt(k) === 46) {
        end = k + 1;
        upper = (end - i) / 2;
        dotted = true;
      }
    }
    if (ascii && !dotted) {
      // The tagger's normal form of the same span, when it is this word lower-cased: a string
      // the tagger hands out for every occurrence, hashed once for all the lookups that follow.
      let norm = same && normal?.length === end - i ? normal : undefined;
      if (norm === undefined) {
        const w = text.slice(i, end);
        norm = upper ? w.toLowerCase() : w;
      }
      tokens.push({
        norm,
        start: i,
        end,
        capital: code >= 65 && code <= 90,
        allCaps: upper > 1 && lower === 0,
      });
      i = end;
      continue;
    }
    const w = text.slice(i, end);
    const capital = ascii ? code >= 65 && code <= 90 : isUpper(text[i] ?? '');
    tokens.push({
      norm: normalizeWord(w),
      start: i,
      end,
      capital,
      allCaps: ascii
        ? upper > 1 && lower === 0
        : capital && w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase(),
    });
    i = end;
  }
  return tokens;
}

/** The normalised token sequence of an alias, joined by spaces (the trie key). */
// Plain ASCII aliases without dots split exactly as wordTokens would split them.
const PLAIN_ALIAS = /^[A-Za-z0-9 '’-]+$/;
const NON_WORD = /[^a-z0-9]+/;

/** The normalised words of an alias (what the trie is keyed by). */
export function aliasWords(alias: string): string[] {
  if (PLAIN_ALIAS.test(alias)) return alias.toLowerCase().split(NON_WORD).filter(Boolean);
  return wordTokens(alias).map((t) => t.norm);
}

export function aliasKey(alias: string): string {
  return aliasWords(alias).join(' ');
}

type Table = Map<string, string>;
let tables: Table[] | undefined;

/** The tables of data/translit, each with upper-case letters added ("Ж" → "Zh"). */
function loadTables(): Table[] {
  if (!tables) {
    const path = resolve(import.meta.dirname, '../../data/translit/cyrillic-latin.json');
    const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    tables = (['ru', 'uk', 'bg'] as const).map((language) => {
      const table: Table = new Map();
      for (const [cyrillic, latin] of Object.entries(data[language] as Record<string, string>)) {
        table.set(cyrillic, latin);
        const upper = cyrillic.toUpperCase();
        if (upper !== cyrillic) table.set(upper, latin.charAt(0).toUpperCase() + latin.slice(1));
      }
      return table;
    });
  }
  return tables;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/** Latin spellings of a Cyrillic name under the Russian, Ukrainian and Bulgarian systems. */
export function transliterations(text: string): string[] {
  if (!hasCyrillic(text)) return [];
  const out = new Set<string>();
  for (const table of loadTables()) {
    let latin = '';
    for (const ch of text) latin += table.get(ch) ?? ch;
    out.add(latin);
  }
  return [...out];
}
