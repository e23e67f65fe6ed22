/** `newsgraph extract --format gdelt|polecat|csv`: the export layouts without a store. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_CSV_COLUMNS, parseCsv } from '../../../src/output/csv.js';
import { GDELT_COLUMNS, gdeltEventId } from '../../../src/output/gdelt.js';
import type { PloverRecord } from '../../../src/output/polecat.js';
import { runCli } from '../../helpers/cli.js';
import { extractArticle, HOSTILE, jsonlLine, TALKS } from '../output/export-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'ng-extract-formats-'));
const input = join(dir, 'articles.jsonl');
writeFileSync(input, `${jsonlLine(TALKS)}\n${jsonlLine(HOSTILE)}\n`);

test('--format gdelt: the events of every document, 61 columns, one article each', async () => {
  const ran = await runCli(['extract', input, '--format', 'gdelt']);
  assert.equal(ran.code, 0, ran.stderr);
  const lines = ran.stdout.split('\n').filter((l) => l !== '');
  assert.ok(lines.length >= 6, `events of both documents: ${lines.length}`);
  const documents = new Set<string>();
  for (const line of lines) {
    const cells = line.split('\t');
    assert.equal(cells.length, 61);
    const row = Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, cells[i] ?? '']));
    assert.equal(row.NumArticles, '1');
    assert.equal(row.NumSources, '1');
    assert.match(row.DATEADDED ?? '', /^\d{14}$/);
    documents.add(row.SOURCEURL ?? '');
  }
  assert.deepEqual([...documents].sort(), [TALKS.url, HOSTILE.url].sort());
  // Every event GDELT can say, under the id the store would give it (document + event id).
  const expected: string[] = [];
  for (const article of [TALKS, HOSTILE]) {
    const result = await extractArticle(article);
    for (const e of result.events) {
      if (!e.negated) expected.push(String(gdeltEventId(article.id, e.id)));
    }
  }
  assert.deepEqual(lines.map((l) => l.split('\t')[0]).sort(), expected.sort());
});

test('--format gdelt --header puts the column names first', async () => {
  const ran = await runCli(['extract', input, '--format', 'gdelt', '--header']);
  assert.equal(ran.code, 0, ran.stderr);
  assert.equal(ran.stdout.split('\n')[0], GDELT_COLUMNS.join('\t'));
});

test('--format polecat: one PLOVER record a line, negated events kept', async () => {
  const ran = await runCli(['extract', input, '--format', 'polecat']);
  assert.equal(ran.code, 0, ran.stderr);
  const records = ran.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as PloverRecord);
  assert.ok(records.some((r) => r.negated));
  assert.ok(records.every((r) => r.num_articles === 1 && r.event.length === 1));
  assert.ok(records.some((r) => r.id.startsWith(`${HOSTILE.id}/`)));
});

test('--format csv: a header and hostile cells intact', async () => {
  const ran = await runCli(['extract', input, '--format', 'csv']);
  assert.equal(ran.code, 0, ran.stderr);
  const [header, ...rows] = parseCsv(ran.stdout);
  assert.deepEqual(header, EVENT_CSV_COLUMNS);
  const url = EVENT_CSV_COLUMNS.indexOf('url');
  assert.ok(rows.some((r) => r[url] === HOSTILE.url));
});

test('one document from standard input works the same', async () => {
  const ran = await runCli(['extract', '--format', 'csv', '--date', '2025-03-04'], {
    stdin: `${TALKS.title}\n\n${TALKS.text}\n`,
  });
  assert.equal(ran.code, 0, ran.stderr);
  const [, ...rows] = parseCsv(ran.stdout);
  const trigger = EVENT_CSV_COLUMNS.indexOf('trigger');
  assert.ok(rows.some((r) => r[trigger] === 'refused to meet'));
});

test('bad input: an unknown format names the formats; --header only with gdelt', async () => {
  const unknown = await runCli(['extract', input, '--format', 'xml']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /NG_USAGE: --format must be one of .*gdelt, polecat, csv/);
  const header = await runCli(['extract', input, '--format', 'polecat', '--header']);
  assert.equal(header.code, 2);
  assert.match(header.stderr, /NG_USAGE: --header applies to --format gdelt/);
  assert.equal(header.stdout, '');
});

test('extract --help lists the event layouts', async () => {
  const ran = await runCli(['extract', '--help']);
  assert.match(ran.stdout, /gdelt \(GDELT 2\.0 event rows/);
  assert.match(ran.stdout, /--header +with --format gdelt/);
});
