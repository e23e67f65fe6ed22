/** News-aware dates: anchored on publication, past weekdays, ranges, false friends. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from '../../../../src/stages/events/dates.js';

/** Published on Monday 25 August 2025. */
const PUBLISHED = '2025-08-25';
const read = (text: string, future = false) =>
  findDates(text, 0, PUBLISHED, future).map((d) => [d.text, d.from, d.to]);

test('a weekday is the last one for past events and the next one for planned events', () => {
  assert.deepEqual(read('Putin met Trump on Thursday.'), [
    ['on Thursday', '2025-08-21', '2025-08-21'],
  ]);
  assert.deepEqual(read('Kyiv will host talks on Thursday.', true), [
    ['on Thursday', '2025-08-28', '2025-08-28'],
  ]);
});

test('months, early/mid/late, weeks and years are ranges', () => {
  assert.deepEqual(read('It could be approved in early September.', true), [
    ['early September', '2025-09-01', '2025-09-10'],
  ]);
  assert.deepEqual(read('The talks resumed in mid-October 2024.'), [
    ['mid-October 2024', '2024-10-11', '2024-10-20'],
  ]);
  assert.deepEqual(read('The vote came late September.'), [
    ['late September', '2025-09-21', '2025-09-30'],
  ]);
  assert.deepEqual(read('Talks were held last week.'), [['last week', '2025-08-18', '2025-08-24']]);
  assert.deepEqual(read('The treaty was signed in 2014.'), [['2014', '2014-01-01', '2014-12-31']]);
});

test('a planned day without a year that has passed is next year', () => {
  assert.deepEqual(read('The vote is scheduled for March 3.', true), [
    ['March 3', '2026-03-03', '2026-03-03'],
  ]);
  assert.deepEqual(read('The vote took place on March 3.'), [
    ['March 3', '2025-03-03', '2025-03-03'],
  ]);
});

test('false friends are not dates: Now, this may, lower-case may and march', () => {
  assert.deepEqual(read('Now the Kremlin is coming up with excuses.'), []);
  assert.deepEqual(read('This may be the biggest mistake.'), []);
  assert.deepEqual(read('Protesters march to the square and may stay.'), []);
});

test('sentences with no date word are not parsed at all', () => {
  assert.deepEqual(read('The ministers met and agreed on a plan.'), []);
});

test('offsets point into the document text', () => {
  const text = 'Intro. Putin met Trump on Thursday.';
  const [date] = findDates(text.slice(7), 7, PUBLISHED, false);
  assert.equal(text.slice(date?.start, date?.end), 'on Thursday');
});
