/** The RFC 4180 writer and reader, the spreadsheet formula guard, and the events' columns. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  csvCell,
  csvRow,
  EVENT_CSV_COLUMNS,
  eventCsvCells,
  parseCsv,
  storedEventCsvCells,
} from '../../../src/output/csv.js';
import { NewsgraphError } from '../../../src/core/errors.js';
import { exportEventsOf } from '../../../src/output/export-event.js';
import { extractArticle, HOSTILE, TALKS } from './export-fixtures.js';

test('plain fields are bare; commas, quotes, CR and LF are quoted with inner quotes doubled', () => {
  assert.equal(csvCell('Kyiv'), 'Kyiv');
  assert.equal(csvCell('Kyiv, Ukraine'), '"Kyiv, Ukraine"');
  assert.equal(csvCell('he said "no"'), '"he said ""no"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('cr\rhere'), '"cr\rhere"');
  assert.equal(csvRow(['a', 'b,c', null, undefined, 3]), 'a,"b,c",,,3\r\n');
});

test('numbers and booleans are written as values, never guarded', () => {
  assert.equal(csvCell(-10), '-10');
  assert.equal(csvCell(50.45), '50.45');
  assert.equal(csvCell(Number.NaN), '');
  assert.equal(csvCell(false), 'false');
});

test('text cells that a spreadsheet would run as a formula get an apostrophe and quotes', () => {
  for (const start of ['=', '+', '-', '@', '\t', '\r']) {
    const cell = csvCell(`${start}1+2`);
    assert.equal(cell, `"'${start}1+2"`, JSON.stringify(start));
  }
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  // Only the first character counts.
  assert.equal(csvCell('a=b'), 'a=b');
  assert.equal(csvCell('=1', { guardFormulas: false }), '=1');
});

test('rows written with hostile cells read back field for field', () => {
  const rows = [
    ['id', 'text', 'n'],
    ['e1', 'He said, "we will not retreat"\r\nand left.', '2'],
    ['e2', '', '-3'],
    ['e3', 'ünïcödé “quotes”', ''],
  ];
  const text = rows.map((r) => csvRow(r, { guardFormulas: false })).join('');
  assert.deepEqual(parseCsv(text), rows);
  // Guarded: the formula start comes back with its apostrophe, and nothing else changes.
  const guarded = parseCsv(csvRow(['=SUM(A1:A9)', '@cmd', 'ok']));
  assert.deepEqual(guarded, [["'=SUM(A1:A9)", "'@cmd", 'ok']]);
});

test('the reader accepts LF line ends and a missing final line end', () => {
  assert.deepEqual(parseCsv('a,b\nc,d'), [
    ['a', 'b'],
    ['c', 'd'],
  ]);
  assert.deepEqual(parseCsv(''), []);
});

test('malformed CSV is NG_CSV_INVALID', () => {
  for (const bad of ['"open', '"closed"then', 'a,"b"c\r\n']) {
    assert.throws(
      () => parseCsv(bad),
      (e: unknown) => e instanceof NewsgraphError && e.code === 'NG_CSV_INVALID',
      bad,
    );
  }
});

test('events as CSV: one header, one row per event, values read back by column name', async () => {
  const result = await extractArticle(TALKS);
  const events = exportEventsOf(result, new Date('2025-03-05T00:00:00Z'));
  const text = [EVENT_CSV_COLUMNS, ...events.map(eventCsvCells)].map((r) => csvRow(r)).join('');
  const [header, ...rows] = parseCsv(text);
  assert.deepEqual(header, EVENT_CSV_COLUMNS);
  assert.equal(rows.length, result.events.length);
  const records = rows.map((r) => Object.fromEntries(EVENT_CSV_COLUMNS.map((c, i) => [c, r[i]])));
  const refusal = records.find((r) => r.trigger === 'refused to meet');
  assert.ok(refusal);
  assert.equal(refusal.document_id, TALKS.id);
  assert.equal(refusal.url, TALKS.url);
  assert.equal(refusal.published, '2025-03-04');
  assert.equal(refusal.type, 'REJECT');
  assert.equal(refusal.mode, 'meet');
  assert.equal(refusal.cameo, '125');
  assert.equal(refusal.goldstein, '-5');
  assert.equal(refusal.source_actor, 'putin-vladimir');
  assert.equal(refusal.source_name, 'Vladimir Putin');
  assert.equal(refusal.source_code, 'RUSGOV');
  assert.equal(refusal.source_country, 'RUS');
  assert.equal(refusal.target_code, 'UKRGOV');
  assert.equal(refusal.negated, 'false');
  assert.equal(refusal.location_name, 'Istanbul');
  assert.equal(refusal.location_lat, '41.0138');
  assert.equal(refusal.mentions, '1');
  assert.equal(refusal.num_articles, '1');
  assert.equal(records.filter((r) => r.negated === 'true').length, 1);
});

test('an article whose words start formulas and hold quotes and commas stays in its cells', async () => {
  const result = await extractArticle(HOSTILE);
  assert.ok(result.events.length >= 1, 'the hostile article has events');
  const events = exportEventsOf(result, new Date());
  const text = [EVENT_CSV_COLUMNS, ...events.map(eventCsvCells)].map((r) => csvRow(r)).join('');
  const [, ...rows] = parseCsv(text);
  for (const row of rows) {
    assert.equal(row.length, EVENT_CSV_COLUMNS.length);
    // The URL with a comma and quotes comes back whole.
    assert.equal(row[EVENT_CSV_COLUMNS.indexOf('url')], HOSTILE.url);
  }
  const kenya = rows.find((r) => r[EVENT_CSV_COLUMNS.indexOf('source_text')]?.includes('Kenya'));
  assert.ok(kenya, 'the event of "@Kenya sent aid"');
  assert.equal(kenya[EVENT_CSV_COLUMNS.indexOf('source_text')], "'@Kenya");
});

test('a stored event has the same cells as the event it was extracted from', async () => {
  const result = await extractArticle(TALKS);
  const [event] = result.events;
  assert.ok(event);
  const stored = {
    ...event,
    uid: `${result.id}/${event.id}`,
    documentId: result.id,
    published: result.document.published,
    url: TALKS.url,
    numArticles: 3,
    sourceActor: result.actors.find((a) => a.id === event.source.actor) ?? null,
    targetActor: result.actors.find((a) => a.id === event.target?.actor) ?? null,
  };
  const cells = storedEventCsvCells(stored);
  const fresh = eventCsvCells(exportEventsOf(result, new Date())[0]!);
  assert.deepEqual(cells.slice(0, -1), fresh.slice(0, -1));
  assert.equal(cells.at(-1), 3);
});
