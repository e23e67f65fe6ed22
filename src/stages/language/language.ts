/**
 * Language identification. Most input is English, so a cheap check runs first: on a capped
 * prefix, the share of words that are common English function words. Only when that check
 * is not sure does cld3 (WebAssembly, loaded once) run, on a capped prefix too. If cld3
 * cannot be loaded, the script of the letters decides as well as it can.
 *
 * Only English is analysed further: another language comes out with `language` set, no
 * sentences, actors or events, and a warning.
 */
import { loadModule } from 'cld3-asm';
import type { Document, LanguageGuess } from '../../core/document.js';
import type { Stage } from '../../pipeline/pipeline.js';

/** Characters looked at. Language does not change halfway through a news article. */
const PREFIX = 2000;
const CLD3_PREFIX = 4096;

const ENGLISH_FUNCTION_WORDS = new Set(
  (
    'the of and to in a is that for on was with as by at from he it has have be are were his an ' +
    'will not this which after who said its but they their been had would or also more than ' +
    'she her we our there about into over when can could may should new one two all'
  ).split(' '),
);

/** No function word is longer: longer words need no lookup. */
const LONGEST_FUNCTION_WORD = Math.max(...[...ENGLISH_FUNCTION_WORDS].map((w) => w.length));

const LETTER = /^\p{L}$/u;
const LATIN = /\p{Script=Latin}/u;

export interface LanguageDetector {
  detect(text: string): LanguageGuess;
}

/** Whether each code point below U+3000 is a letter (`\p{L}`), worked out once. */
const LETTERS_BELOW = 0x3000;
const IS_LETTER = (() => {
  const table = new Uint8Array(LETTERS_BELOW);
  for (let code = 0; code < LETTERS_BELOW; code++) {
    table[code] = LETTER.test(String.fromCharCode(code)) ? 1 : 0;
  }
  return table;
})();

/**
 * Length in UTF-16 units of the letter (`\p{L}`) that starts at `i`, or 0: by a table for the
 * alphabets and punctuation of news text (curly quotes and dashes are not letters), by the
 * Unicode class for the rest (a surrogate pair as one code point).
 */
function letterAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < LETTERS_BELOW) return IS_LETTER[code] ?? 0;
  const size = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
  return LETTER.test(text.slice(i, i + size)) ? size : 0;
}

/**
 * A word of ASCII letters packed into a number, five bits a letter, case ignored, or -1 for a
 * word with another letter or longer than any function word: function words are looked up by
 * number, without slicing and lower-casing every short word. (No word with a letter outside
 * ASCII lower-cases to a function word.)
 */
function packWord(word: string): number {
  let packed = 0;
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k) | 32;
    if (code < 97 || code > 122 || k >= LONGEST_FUNCTION_WORD) return -1;
    packed = packed * 32 + code - 96;
  }
  return packed;
}

const FUNCTION_WORD_CODES = new Set([...ENGLISH_FUNCTION_WORDS].map(packWord));

/**
 * Share of English function words among the words (runs of letters) of `text`, and how many
 * words there were. A scanner over char codes rather than a regular expression's matches: this
 * runs on every document, and most letters are ASCII.
 */
function englishShare(text: string): { share: number; words: number; latin: number } {
  let words = 0;
  let english = 0;
  let latin = 0;
  let i = 0;
  while (i < text.length) {
    let size = letterAt(text, i);
    if (size === 0) {
      i++;
      continue;
    }
    const start = i;
    // An ASCII letter is a Latin one: only words without one need the script test.
    let hasAsciiLetter = false;
    // The word packed as `packWord` does, while it is scanned.
    let packed = 0;
    while (size > 0) {
      const code = text.charCodeAt(i);
      if (code < 128) {
        hasAsciiLetter = true;
        if (packed >= 0)
          packed = i - start < LONGEST_FUNCTION_WORD ? packed * 32 + (code | 32) - 96 : -1;
      } else packed = -1;
      i += size;
      size = letterAt(text, i);
    }
    words++;
    if (hasAsciiLetter || LATIN.test(text.slice(start, i))) latin++;
    if (packed > 0 && FUNCTION_WORD_CODES.has(packed)) english++;
  }
  return { share: words ? english / words : 0, words, latin: words ? latin / words : 0 };
}

/** The script of most letters, as a last resort when cld3 is unavailable. */
export function guessFromScript(text: string): LanguageGuess {
  let cyrillic = 0;
  let latin = 0;
  let other = 0;
  const counts = new Map<string, number>();
  for (const ch of text.slice(0, PREFIX)) {
    if (/\p{Script=Cyrillic}/u.test(ch)) {
      cyrillic++;
      counts.set(ch.toLowerCase(), (counts.get(ch.toLowerCase()) ?? 0) + 1);
    } else if (/\p{Script=Latin}/u.test(ch)) latin++;
    else if (/\p{L}/u.test(ch)) other++;
  }
  const total = cyrillic + latin + other;
  if (total === 0) return { code: 'und', confidence: 0, method: 'script' };
  if (cyrillic / total > 0.5) {
    const has = (c: string) => (counts.get(c) ?? 0) > 0;
    // Letters that only some Cyrillic alphabets use.
    let code = 'ru';
    if (has('ї') || has('є') || has('ґ') || (has('і') && !has('ы'))) code = 'uk';
    else if (has('ў')) code = 'be';
    else if (has('ђ') || has('ћ') || has('љ') || has('њ') || has('џ')) code = 'sr';
    else if (has('ѓ') || has('ќ') || has('ѕ')) code = 'mk';
    else if (!has('ы') && !has('э') && (counts.get('ъ') ?? 0) > 1) code = 'bg';
    return { code, confidence: 0.6, method: 'script' };
  }
  if (latin / total > 0.5) {
    const { share } = englishShare(text.slice(0, PREFIX));
    return share > 0.15
      ? { code: 'en', confidence: 0.6, method: 'script' }
      : { code: 'und', confidence: 0.3, method: 'script' };
  }
  return { code: 'und', confidence: 0.3, method: 'script' };
}

interface Cld3 {
  findLanguage(text: string): { language: string; probability: number; is_reliable: boolean };
}

export function createLanguageDetector(cld3?: Cld3): LanguageDetector {
  return {
    detect(text) {
      const prefix = text.length > PREFIX ? text.slice(0, PREFIX) : text;
      const { share, words, latin } = englishShare(prefix);
      // Running English text has 30–45% function words; other Latin-script languages share
      // only a few ("a", "in", "on") with English.
      if (words >= 8 && latin > 0.9 && share >= 0.2) {
        return { code: 'en', confidence: Math.min(0.99, 0.6 + share), method: 'ascii-stopwords' };
      }
      if (cld3) {
        const sample = text.length > CLD3_PREFIX ? text.slice(0, CLD3_PREFIX) : text;
        const result = cld3.findLanguage(sample);
        const code = result.language === 'und' ? 'und' : (result.language.split('-')[0] ?? 'und');
        // On one short Latin-script sentence cld3 often names a small language with some
        // confidence ("sv" for a list of names). Letters English lacks (ä, é, ø…) make its
        // answer credible; without them, English function words or plain ASCII mean English.
        if (words < 20 && latin > 0.9 && code !== 'en') {
          const foreignLetters = /[^\x00-\x7f]/.test(sample) && result.probability >= 0.7;
          if (!foreignLetters && (share >= 0.1 || /^[\x00-\x7f]*$/.test(sample))) {
            return { code: 'en', confidence: 0.5, method: 'cld3' };
          }
        }
        if (result.is_reliable || result.probability >= 0.7) {
          return { code, confidence: result.probability, method: 'cld3' };
        }
        // Short English text (a headline-like sentence) is often unreliable in cld3.
        if (code === 'en' || (latin > 0.9 && share >= 0.12)) {
          return { code: 'en', confidence: Math.max(result.probability, 0.5), method: 'cld3' };
        }
        return { code, confidence: result.probability, method: 'cld3' };
      }
      return guessFromScript(prefix);
    },
  };
}

/** Languages the later stages analyse. */
export const ANALYSED_LANGUAGES: ReadonlySet<string> = new Set(['en']);

/** True when later stages should analyse the document (English, or unknown but Latin). */
export function isProcessable(doc: Document): boolean {
  const code = doc.language?.code ?? 'und';
  return ANALYSED_LANGUAGES.has(code) || code === 'und';
}

let cld3Loading: Promise<Cld3 | undefined> | undefined;

/** Loads cld3 once per process; resolves undefined (script fallback) when it cannot load. */
export function loadCld3(): Promise<Cld3 | undefined> {
  cld3Loading ??= loadModule()
    .then((factory) => factory.create(0, CLD3_PREFIX) as Cld3)
    .catch(() => undefined);
  return cld3Loading;
}

export function languageStage(): Stage {
  let detector = createLanguageDetector();
  return {
    name: 'language',
    requires: [],
    assigns: ['language'],
    async init() {
      detector = createLanguageDetector(await loadCld3());
    },
    process(doc) {
      // Detect on the body: a title alone is too short and often in capitals.
      const firstBreak = doc.title === null ? -1 : doc.text.indexOf('\n\n');
      const body = firstBreak === -1 ? doc.text : doc.text.slice(firstBreak + 2);
      let guess = detector.detect(body.trim() === '' ? doc.text : body);
      const declared = doc.metadata.declaredLanguage;
      if (guess.code === 'und' && typeof declared === 'string' && declared) {
        guess = { code: declared, confidence: 0.5, method: 'declared' };
      }
      doc.language = guess;
      if (guess.code === 'und') {
        doc.warnings.push({
          code: 'NG_WARN_LANGUAGE_UNSURE',
          message: 'the language could not be determined; the text is analysed as English',
        });
      } else if (!ANALYSED_LANGUAGES.has(guess.code)) {
        doc.warnings.push({
          code: 'NG_WARN_LANGUAGE_UNSUPPORTED',
          message: `the document is in "${guess.code}" (${guess.method}, ${guess.confidence.toFixed(2)}); only English is analysed, so it has no sentences, actors or events`,
        });
      }
    },
  };
}
