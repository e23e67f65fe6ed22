/**
 * `newsgraph export`: real extraction results put into a real SQLite store, exported by the
 * real command, parsed back.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../../src/output/csv.js';
import { GDELT_COLUMNS, gdeltEventId } from '../../../src/output/gdelt.js';
import type { PloverRecord } from '../../../src/output/polecat.js';
import type { ExtractionResult } from '../../../src/output/result.js';
import { openStore } from '../../../src/store/open.js';
import { simhash } from '../../../src/sources/simhash.js';
import { eventLayout, writeEvents } from '../../../src/cli/export.js';
import { runCli } from '../../helpers/cli.js';
import { extractArticle, HOSTILE, TALKS } from '../output/export-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'ng-export-'));
const db = `sqlite:${join(dir, 'news.db')}`;
let talks: ExtractionResult;
let hostile: ExtractionResult;

async function putAll(url: string, results: ExtractionResult[]): Promise<void> {
  const store = await openStore(url);
  try {
    for (const result of results) {
      const text = result.document.text;
      await store.put(result, {
        contentHash: createHash('sha256').update(text).digest('hex'),
        simhash: simhash(text),
        origin: `${result.id}.jsonl`,
        url: typeof result.document.metadata.url === 'string' ? result.document.metadata.url : null,
        duplicateOf: null,
      });
    }
  } finally {
    await store.close();
  }
}

before(async () => {
  talks = await extractArticle(TALKS);
  hostile = await extractArticle(HOSTILE);
  await putAll(db, [talks, hostile]);
});

function gdeltRows(text: string): Record<string, string>[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((line) => {
      const cells = line.split('\t');
      assert.equal(cells.length, 61, line);
      return Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, cells[i] ?? '']));
    });
}

test('gdelt: 61 columns a line, one line per stored event that GDELT can say', async () => {
  const ran = await runCli(['export', '--format', 'gdelt', '--db', db]);
  assert.equal(ran.code, 0, ran.stderr);
  const rows = gdeltRows(ran.stdout);
  const expressible = [...talks.events, ...hostile.events].filter((e) => !e.negated);
  assert.equal(rows.length, expressible.length);
  assert.match(ran.stderr, /left out 1 negated event/);
  // The refusal, read back by its stable id.
  const refusal = talks.events.find((e) => e.trigger.text === 'refused to meet');
  assert.ok(refusal);
  const row = rows.find((r) => r.GLOBALEVENTID === String(gdeltEventId(TALKS.id, refusal.id)));
  assert.ok(row);
  assert.equal(row.Actor1Code, 'RUSGOV');
  assert.equal(row.Actor1CountryCode, 'RUS');
  assert.equal(row.Actor1Type1Code, 'GOV');
  assert.equal(row.EventCode, '125');
  assert.equal(row.GoldsteinScale, '-5');
  assert.equal(row.IsRootEvent, '1'); // the store keeps the text: the lead is known
  assert.equal(row.NumArticles, '1');
  assert.equal(row.ActionGeo_CountryCode, 'TU');
  assert.equal(row.SOURCEURL, TALKS.url);
  // DATEADDED is the document's ingest time, in UTC, as YYYYMMDDHHMMSS.
  const store = await openStore(db, { mustExist: true, readonly: true });
  const [doc] = (await store.documents({ document: TALKS.id })).items;
  await store.close();
  assert.ok(doc);
  assert.equal(row.DATEADDED, doc.ingestedAt.replace(/[-:T]/g, '').slice(0, 14));
});

test('gdelt --header names the columns first; filters narrow the export', async () => {
  const ran = await runCli(['export', '--format', 'gdelt', '--header', '--db', db, '--type', '12']);
  assert.equal(ran.code, 0, ran.stderr);
  const [header, ...lines] = ran.stdout.split('\n').filter((l) => l !== '');
  assert.equal(header, GDELT_COLUMNS.join('\t'));
  const rows = gdeltRows(lines.join('\n'));
  assert.ok(rows.length >= 2);
  for (const row of rows) assert.equal(row.EventRootCode, '12');
  const kenya = await runCli(['export', '--format', 'gdelt', '--db', db, '--country', 'ken']);
  assert.equal(kenya.code, 0, kenya.stderr);
  assert.ok(gdeltRows(kenya.stdout).every((r) => r.Actor1CountryCode === 'KEN'));
  const later = await runCli(['export', '--format', 'gdelt', '--db', db, '--since', '2025-03-05']);
  assert.ok(gdeltRows(later.stdout).every((r) => (r.SQLDATE ?? '') >= '20250305'));
});

test('polecat: one JSON record per stored event, negated ones included and flagged', async () => {
  const ran = await runCli(['export', '--format', 'polecat', '--db', db]);
  assert.equal(ran.code, 0, ran.stderr);
  const records = ran.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as PloverRecord);
  assert.equal(records.length, talks.events.length + hostile.events.length);
  const ids = new Set(records.map((r) => r.id));
  for (const e of talks.events) assert.ok(ids.has(`${TALKS.id}/${e.id}`));
  assert.equal(records.filter((r) => r.negated).length, 1);
  const un = records.find((r) => r.actor[0]?.code === 'UNO');
  assert.ok(un, 'the UN appeal');
  assert.deepEqual(un.event, ['REQUEST']);
  assert.equal(un.cite_info.url, TALKS.url);
  assert.match(un.text ?? '', /^The United Nations urged Russia/);
  assert.match(un.cite_info.coder, /^newsgraph /);
});

test('csv to a file: hostile cells (quotes, commas, formula starts) round-trip', async () => {
  const file = join(dir, 'events.csv');
  const ran = await runCli(['export', '--format', 'csv', '--db', db, '--output', file]);
  assert.equal(ran.code, 0, ran.stderr);
  assert.equal(ran.stdout, '');
  assert.match(ran.stderr, /event\(s\) written to/);
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  assert.ok(header);
  assert.equal(rows.length, talks.events.length + hostile.events.length);
  const col = (name: string) => header.indexOf(name);
  for (const row of rows) assert.equal(row.length, header.length);
  const fromHostile = rows.filter((r) => r[col('document_id')] === HOSTILE.id);
  assert.ok(fromHostile.length >= 1);
  for (const row of fromHostile) assert.equal(row[col('url')], HOSTILE.url);
  const kenya = fromHostile.find((r) => r[col('source_text')]?.includes('Kenya'));
  assert.equal(kenya?.[col('source_text')], "'@Kenya");
  // No temporary file is left beside the output.
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.includes('partial')),
    [],
  );
});

test('bad input: unknown or missing format, stray arguments, bad dates and countries', async () => {
  const cases: [string[], RegExp][] = [
    [
      ['export', '--format', 'xml', '--db', db],
      /NG_USAGE: --format must be one of gdelt, polecat, csv/,
    ],
    [['export', '--db', db], /NG_USAGE: --format is required/],
    [['export', '--format', 'csv', '--db', db, 'extra'], /NG_USAGE: unexpected argument/],
    [['export', '--format', 'csv', '--db', db, '--since', '2025-13-01'], /NG_DATE_INVALID/],
    [['export', '--format', 'csv', '--db', db, '--country', 'Ukraine'], /NG_USAGE: --country/],
    [
      ['export', '--format', 'csv', '--db', db, '--since', '2025-03-05', '--until', '2025-03-01'],
      /NG_USAGE: --since 2025-03-05 is after --until/,
    ],
    [['export', '--format', 'polecat', '--header', '--db', db], /NG_USAGE: --header applies/],
    [['export', '--format', 'csv', '--bogus'], /NG_USAGE/],
  ];
  for (const [args, message] of cases) {
    const ran = await runCli(args);
    assert.equal(ran.code, 2, args.join(' '));
    assert.match(ran.stderr, message, args.join(' '));
    assert.equal(ran.stdout, '');
  }
});

test('bad input: a missing store is NG_STORE_NOT_FOUND and is not created', async () => {
  const missing = join(dir, 'absent.db');
  const ran = await runCli(['export', '--format', 'gdelt', '--db', `sqlite:${missing}`]);
  assert.equal(ran.code, 2);
  assert.match(ran.stderr, /NG_STORE_NOT_FOUND/);
  assert.equal(existsSync(missing), false);
});

test('bad input: an unwritable output path fails before reading, leaving nothing behind', async () => {
  const noDir = join(dir, 'no-such-dir', 'out.tsv');
  const ran = await runCli(['export', '--format', 'gdelt', '--db', db, '--output', noDir]);
  assert.equal(ran.code, 2);
  assert.match(ran.stderr, /NG_OUTPUT_UNWRITABLE: cannot write .*out\.tsv \(ENOENT\)/);
  // A directory is no file to write either (root ignores file modes, not this).
  const ranDir = await runCli(['export', '--format', 'gdelt', '--db', db, '--output', dir]);
  assert.equal(ranDir.code, 2);
  assert.match(ranDir.stderr, /NG_OUTPUT_UNWRITABLE/);
  assert.ok(existsSync(dir));
});

test('an empty store exports nothing (csv: the header) and says so', async () => {
  const empty = `sqlite:${join(dir, 'empty.db')}`;
  await putAll(empty, []);
  const ran = await runCli(['export', '--format', 'csv', '--db', empty]);
  assert.equal(ran.code, 0, ran.stderr);
  assert.equal(parseCsv(ran.stdout).length, 1);
  assert.match(ran.stderr, /no stored event in .*empty\.db matches; nothing to export/);
  const gdelt = await runCli(['export', '--format', 'gdelt', '--db', empty]);
  assert.equal(gdelt.stdout, '');
  // Nothing matching the filters reads the same.
  const none = await runCli(['export', '--format', 'polecat', '--db', db, '--actor', 'nobody']);
  assert.equal(none.code, 0);
  assert.equal(none.stdout, '');
  assert.match(none.stderr, /nothing to export/);
});

test('export --help and the command list name it', async () => {
  const help = await runCli(['export', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--format FORMAT +gdelt, polecat or csv/);
  const main = await runCli(['--help']);
  assert.match(main.stdout, /\n {2}export +write stored events/);
});

test('page by page: small pages give the same export as one page, in store order', async () => {
  const store = await openStore(db, { mustExist: true, readonly: true });
  try {
    const collect = async (pageSize: number) => {
      let text = '';
      const counts = await writeEvents(
        store,
        {},
        eventLayout('polecat', { coder: 'c' }),
        async (chunk) => {
          text += chunk;
        },
        pageSize,
      );
      return { text, counts };
    };
    const whole = await collect(1000);
    const paged = await collect(2);
    assert.equal(paged.text, whole.text);
    assert.deepEqual(paged.counts, whole.counts);
    assert.equal(whole.counts.written, talks.events.length + hostile.events.length);
    const gdelt = await writeEvents(store, {}, eventLayout('gdelt'), async () => undefined, 3);
    assert.deepEqual(gdelt, { written: whole.counts.written - 1, left: 1 });
  } finally {
    await store.close();
  }
});
