/**
 * Code and text matching for `newsgraph eval`, exactly as ../shared/eval/README.md states it.
 *
 * Codes: a gold code matches a predicted code that starts with it (`RUS` ~ `RUSGOV`), or one
 * of at least 3 letters that it starts with (a vague `BLR` ~ gold `BLROPP`); `*` matches
 * anything, no actor included. IGO shorthands are read as the CAMEO/Phoenix codes.
 */

/** The gold wildcard: any actor, or none. */
export const ANY_CODE = '*';

/** The shortest predicted code that may stand for a longer gold code. */
const MIN_VAGUE_CODE_LENGTH = 3;

/** IGO shorthands and the CAMEO/Phoenix codes they stand for. */
const IGO_SHORTHANDS: ReadonlyMap<string, string> = new Map([
  ['IGONAT', 'IGOWSTNAT'],
  ['NATO', 'IGOWSTNAT'],
  ['IGOEU', 'IGOEUREEC'],
  ['IGOAU', 'IGOAFRAFU'],
]);

/**
 * A code as compared: trimmed, upper-cased, and a whole-code IGO shorthand replaced by the
 * full code. Only whole codes are replaced: `IGOEUREEC` itself starts with `IGOEU`.
 */
export function normaliseCode(code: string): string {
  const upper = code.trim().toUpperCase();
  return IGO_SHORTHANDS.get(upper) ?? upper;
}

/** Whether a gold code matches a predicted code (`null`: the event or quote has no actor). */
export function codeMatches(gold: string, predicted: string | null): boolean {
  const goldCode = normaliseCode(gold);
  if (goldCode === ANY_CODE) return true;
  if (predicted === null) return false;
  const predictedCode = normaliseCode(predicted);
  if (goldCode === '' || predictedCode === '') return false;
  if (predictedCode.startsWith(goldCode)) return true;
  return predictedCode.length >= MIN_VAGUE_CODE_LENGTH && goldCode.startsWith(predictedCode);
}

/** Whether any of a gold item's alternative codes matches the predicted code. */
export function anyCodeMatches(golds: readonly string[], predicted: string | null): boolean {
  return golds.some((gold) => codeMatches(gold, predicted));
}

/** Runs of whitespace as one space, trimmed. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** A name as compared: case and diacritics ignored (`Zelenskyy` ≠ `Zelensky`, `É` = `e`). */
export function normaliseName(name: string): string {
  const withoutMarks = name.normalize('NFD').replace(/\p{M}+/gu, '');
  return normaliseWhitespace(withoutMarks.toLowerCase());
}

/** Every kind of quotation mark and apostrophe: straight, curly, low, guillemets, primes. */
const QUOTE_MARKS = /["'`´“”„‟‘’‚‛«»‹›″＂＇「」『』]/gu;

/**
 * Quote text as compared: NFC, quotation marks of every kind removed, whitespace collapsed,
 * case ignored. The marks are removed rather than unified, so `Putin’s` = `Putin's` = `Putins`
 * and a gold `contains` written without the inner marks still matches.
 */
export function normaliseQuoteText(text: string): string {
  const withoutMarks = text.normalize('NFC').replace(QUOTE_MARKS, '');
  return normaliseWhitespace(withoutMarks.toLowerCase());
}
