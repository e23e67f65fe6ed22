import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentText } from '../../../../src/stages/segment/segment.js';

const sentences = (text: string) =>
  segmentText(text).sentences.map((s) => text.slice(s.start, s.end));

test('tokens are spans over the text with POS and lemma', () => {
  const text = 'The ministers refused to meet.';
  const { tokens } = segmentText(text);
  assert.deepEqual(
    tokens.map((t) => [text.slice(t.start, t.end), t.pos, t.lemma]),
    [
      ['The', 'DET', 'the'],
      ['ministers', 'NOUN', 'minister'],
      ['refused', 'VERB', 'refuse'],
      ['to', 'PART', 'to'],
      ['meet', 'VERB', 'meet'],
      ['.', 'PUNCT', '.'],
    ],
  );
});

test('a title without final punctuation does not merge with the next paragraph', () => {
  const text = 'Leaders meet in Oslo\n\nThe leaders met on Friday. They agreed on little.';
  assert.deepEqual(sentences(text), [
    'Leaders meet in Oslo',
    'The leaders met on Friday.',
    'They agreed on little.',
  ]);
});

test('no sentence crosses a line break even inside one wink sentence', () => {
  const text = 'Breaking news\nTroops withdrew from the town';
  assert.deepEqual(sentences(text), ['Breaking news', 'Troops withdrew from the town']);
});

test('mismatched curly quotes do not cut the attribution off a quotation', () => {
  const text = '“We will not give up. The talks go on“, said the minister. Then he left.';
  assert.deepEqual(sentences(text), [
    '“We will not give up.',
    'The talks go on“, said the minister.',
    'Then he left.',
  ]);
});

test('a question or exclamation inside quotes stays with its attribution', () => {
  const text = '"Why should we pay?" asked the senator. The vote failed.';
  assert.deepEqual(sentences(text), [
    '"Why should we pay?" asked the senator.',
    'The vote failed.',
  ]);
});

test('a closing quote mark alone is not a sentence', () => {
  const text = 'He said: «This is over.» The meeting ended.';
  const got = sentences(text);
  assert.ok(
    got.every((s) => /\p{L}/u.test(s)),
    JSON.stringify(got),
  );
  assert.equal(got.at(-1), 'The meeting ended.');
});

test('sentence token ranges agree with sentence spans', () => {
  const text = 'First one here. Second one “quoted“ there!\n\nThird';
  const { tokens, sentences: list } = segmentText(text);
  for (const s of list) {
    assert.equal(tokens[s.tokenStart]?.start, s.start);
    assert.equal(tokens[s.tokenEnd - 1]?.end, s.end);
  }
  assert.equal(list.at(-1)?.tokenEnd, tokens.length);
});
