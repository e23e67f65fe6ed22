/** The RFC 4180 writer and reader, and the spreadsheet formula guard. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, csvRow, parseCsv } from '../../../src/output/csv.js';
import { NewsgraphError } from '../../../src/core/errors.js';

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
