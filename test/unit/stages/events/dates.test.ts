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
  // Words that only start like a month are no date words: "decided", "separatists", "market".
  assert.deepEqual(read('The separatists decided to open the market for 10 years.'), []);
});

test('a year alone opens no window for chrono-node: "six years later" is not read near it', () => {
  assert.deepEqual(read('It joined in 1969 but withdrew six years later.'), [
    ['1969', '1969-01-01', '1969-12-31'],
  ]);
});

test('a duration is no date', () => {
  assert.deepEqual(read('Congress has debated it for 10 years since May 2015.'), [
    ['May 2015', '2015-05-01', '2015-05-31'],
  ]);
});

test('offsets point into the document text', () => {
  const text = 'Intro. Putin met Trump on Thursday.';
  const [date] = findDates(text.slice(7), 7, PUBLISHED, false);
  assert.equal(text.slice(date?.start, date?.end), 'on Thursday');
});

test('the words a chrono-node parser is skipped without are still in its pattern', async () => {
  const chrono = await import('chrono-node');
  const { PARSER_REQUIRES } = await import('../../../../src/stages/events/dates.js');
  // The part of each pattern that makes the words required; when chrono-node changes one,
  // read the pattern again and update PARSER_REQUIRES.
  const MONTHS =
    '((?:september|february|november|december|january|october|august|march|april|sept\\.|june|july|jan\\.|feb\\.|mar\\.|apr\\.|jun\\.|jul\\.|aug\\.|sep\\.|sept|oct\\.|nov\\.|dec\\.|may|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec))';
  const fragments: Record<string, string> = {
    ENYearMonthDayParser: '([0-9]{4})[-\\.\\/\\s]',
    ISOFormatParser: '([0-9]{4})\\-([0-9]{1,2})',
    SlashDateFormatParser: '([0-3]{0,1}[0-9]{1})[\\/\\.\\-]([0-3]{0,1}[0-9]{1})',
    ENSlashMonthFormatParser: '([0-9]|0[1-9]|1[012])\\/([0-9]{4})',
    ENTimeUnitAgoFormatParser: '\\s{0,5}(?:ago|before|earlier)(?=\\W|$)',
    ENTimeUnitLaterFormatParser:
      '\\s{0,5}(?:later|after|from now|henceforth|forward|out)(?=(?:\\W|$))',
    ENEndOfCurrentMonthParser: '(?:last\\s+day|end)\\s+of\\s+(?:the\\s+)?month(?=\\W|$)',
    ENCasualDateParser:
      '(\\W|^)(now|today|tonight|tomorrow|overmorrow|tmr|tmrw|yesterday|last\\s*night)(?=\\W|$)',
    ENYearMonthNameParser: `${MONTHS}(?=`,
    // (The month group is required: no quantifier after it.)
    ENMonthNameParser: `${MONTHS}\\s*(?:`,
    ENMonthNameLittleEndianParser: `${MONTHS}(?:(?:`,
    ENMonthNameMiddleEndianParser: `${MONTHS}(?:-`,
    ENWeekdayParser:
      '((?:wednesday|thursday|saturday|tuesday|sunday|monday|thurs\\.|friday|thurs|thur\\.|sun\\.|mon\\.|tue\\.|wed\\.|thur|thu\\.|fri\\.|sat\\.|sun|mon|tue|wed|thu|fri|sat)|weekend|weekday)(?:',
  };
  assert.deepEqual([...PARSER_REQUIRES.keys()].sort(), Object.keys(fragments).sort());
  const context = { option: {}, text: '', refDate: new Date(0), reference: {} };
  for (const [name, fragment] of Object.entries(fragments)) {
    const parser = chrono.casual.parsers.find((p) => p.constructor.name === name);
    assert.ok(parser, name);
    const pattern = parser.pattern(context as never);
    assert.ok(pattern.flags.includes('i'), name);
    assert.ok(pattern.source.includes(fragment), `${name}: ${pattern.source}`);
  }
});

test('a decade is a range of ten years', async () => {
  const { findDates } = await import('../../../../src/stages/events/dates.js');
  const text = 'Iceland and Britain fought naval wars in the 1950s and 1970s over fishing rights.';
  const [decade] = findDates(text, 0, '2008-05-01', false);
  assert.equal(decade?.text, '1950s');
  assert.equal(decade?.from, '1950-01-01');
  assert.equal(decade?.to, '1959-12-31');
});
