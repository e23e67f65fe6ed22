/**
 * The normalised words the alias matcher compares (kb/normalize.ts): case and diacritics
 * ignored, "U.S." one word, and a name's surname for coreference.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lastWord, wordTokens } from '../../../src/kb/normalize.js';

test('words are normalised; dotted abbreviations are one word without their dots', () => {
  const text = 'The U.S. and Počiatek met in D.C. today.';
  const words = wordTokens(text);
  assert.deepEqual(
    words.map((w) => w.norm),
    ['the', 'us', 'and', 'pociatek', 'met', 'in', 'dc', 'today'],
  );
  const us = words[1];
  assert.equal(text.slice(us?.start, us?.end), 'U.S.');
  assert.equal(us?.allCaps, true);
  assert.equal(words[3]?.capital, true);
  assert.equal(words[4]?.capital, false);
});

test("a word's dot that abbreviates nothing ends the word", () => {
  assert.deepEqual(
    wordTokens('Gen. Dannatt said.').map((w) => w.norm),
    ['gen', 'dannatt', 'said'],
  );
});

test('the surname of a name is its normalised last word', () => {
  assert.equal(lastWord('Richard Dannatt'), 'dannatt');
  assert.equal(lastWord('Ján  Počiatek'), 'pociatek');
  assert.equal(lastWord('Kallas'), 'kallas');
});
