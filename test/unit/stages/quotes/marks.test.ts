/** Quotation spans from quote marks: pairs, mismatches, nesting, paragraphs, apostrophes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotations } from '../../../../src/stages/quotes/marks.js';

function spans(text: string): string[] {
  const paragraphs: { start: number; end: number }[] = [];
  let at = 0;
  for (const part of text.split('\n\n')) {
    paragraphs.push({ start: at, end: at + part.length });
    at += part.length + 2;
  }
  return findQuotations(text, paragraphs).map((q) => text.slice(q.start, q.end));
}

test('each pair of marks gives its content', () => {
  assert.deepEqual(spans('He said "yes" and “no” and „maybe“ and «never».'), [
    'yes',
    'no',
    'maybe',
    'never',
  ]);
});

test('single quotes at the top level, not inside double ones, not inside words', () => {
  assert.deepEqual(spans("'We won,' she said. Russia's don't."), ['We won,']);
  assert.deepEqual(spans('"He called it \'a farce\' today," she said.'), [
    "He called it 'a farce' today,",
  ]);
});

test('a quotation left open ends with its paragraph unless the next reopens it', () => {
  assert.deepEqual(spans('"First part.\n\n"Second part," he said.'), [
    'First part.\n\n"Second part,',
  ]);
  assert.deepEqual(spans('"Never closed\n\nNext paragraph.'), ['Never closed']);
});

test('an apostrophe that opens nothing is dropped, and stray marks make no empty spans', () => {
  assert.deepEqual(spans("The '90s were hard."), []);
  assert.deepEqual(spans('A 12" pipe and "" nothing.'), []);
});

test('hostile input: thousands of marks and no text', () => {
  const text = '"'.repeat(5000) + '“”'.repeat(5000);
  assert.deepEqual(spans(text), []);
});
