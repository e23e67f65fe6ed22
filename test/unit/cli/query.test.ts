/**
 * `newsgraph query` through the real CLI against a real SQLite store holding real extraction
 * results; what the CLI prints is checked against what the store answers to the same filter.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_CSV_COLUMNS, parseCsv } from '../../../src/output/csv.js';
import { openStore } from '../../../src/store/open.js';
import type { QueryFilter, Store } from '../../../src/store/store.js';
import { runCli } from '../../helpers/cli.js';
import { articles, putAll, variant } from '../store/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-query-'));
const db = join(dir, 'news.db');
const DB = ['--db', `sqlite:${db}`];
let store: Store;

before(async () => {
  const docs = await articles();
  const [first] = docs;
  assert.ok(first);
  // Another "Friedrich Merz": an unlinked namesake, so that the name is ambiguous.
  const namesake = variant(first, 'namesake', (r) => {
    const merz = r.actors.find((a) => a.id === 'merz-friedrich');
    assert.ok(merz);
    merz.id = 'unlinked:friedrich merz';
    for (const q of r.quotes) if (q.speaker === 'merz-friedrich') q.speaker = merz.id;
  });
  store = await openStore(`sqlite:${db}`);
  await putAll(store, [...docs, namesake]);
});
after(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const query = (...args: string[]) => runCli(['query', ...args, ...DB]);
const jsonl = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

async function uidsOf(filter: QueryFilter): Promise<string[]> {
  return (await store.events({ ...filter, limit: 10_000 })).items.map((e) => e.uid);
}

test('query --help names the listings, filters and formats', async () => {
  const r = await runCli(['query', '--help']);
  assert.equal(r.code, 0);
  for (const word of ['events|actors|quotes|documents', '--actor', '--text', '--limit', 'csv']) {
    assert.ok(r.stdout.includes(word), word);
  }
  assert.match((await runCli(['--help'])).stdout, /query\s+list stored/);
});

test('events as JSON lines (the default off a terminal): every stored event once', async () => {
  const r = await query('events');
  assert.equal(r.code, 0, r.stderr);
  const events = jsonl(r.stdout);
  assert.deepEqual(
    events.map((e) => e.uid),
    await uidsOf({}),
  );
  assert.ok(events.length >= 8);
  assert.ok(events.every((e) => typeof e.type === 'string' && typeof e.numArticles === 'number'));
});

test('each filter reaches the store: the CLI prints what the store answers', async () => {
  const cases: [string[], QueryFilter][] = [
    [['--type', 'REJECT'], { type: 'REJECT' }],
    [['--type', '12'], { type: '12' }],
    [['--country', 'sau'], { country: 'SAU' }],
    [
      ['--since', '2025-03-05', '--until', '2025-04-30'],
      { since: '2025-03-05', until: '2025-04-30' },
    ],
    [['--text', 'sanctions'], { text: 'sanctions' }],
    [['--actor', 'country-rus', '--type', 'SANCTION'], { actor: 'country-rus', type: 'SANCTION' }],
  ];
  for (const [args, filter] of cases) {
    const expected = await uidsOf(filter);
    assert.ok(expected.length > 0, args.join(' '));
    const r = await query('events', ...args);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      jsonl(r.stdout).map((e) => e.uid),
      expected,
      args.join(' '),
    );
  }
  const [doc] = await articles();
  const r = await query('quotes', '--document', doc?.result.id ?? '');
  assert.deepEqual(
    jsonl(r.stdout).map((q) => q.id),
    doc?.result.quotes.map((q) => q.id),
  );
});

test('--actor takes a name in any case; an ambiguous name lists the candidates', async () => {
  const byName = await query('events', '--actor', 'ukraine');
  assert.equal(byName.code, 0, byName.stderr);
  assert.deepEqual(
    jsonl(byName.stdout).map((e) => e.uid),
    await uidsOf({ actor: 'country-ukr' }),
  );
  const ambiguous = await query('quotes', '--actor', 'Friedrich MERZ');
  assert.equal(ambiguous.code, 2);
  assert.match(ambiguous.stderr, /NG_USAGE: --actor "Friedrich MERZ" names 2 actors/);
  assert.match(ambiguous.stderr, /merz-friedrich \(person, DEU\)/);
  assert.match(ambiguous.stderr, /unlinked:friedrich merz/);
  assert.equal(ambiguous.stdout, '');
  // A text the actor was mentioned by also names it: "the Kremlin" is Russia here.
  const byMention = await query('events', '--actor', 'THE KREMLIN');
  assert.equal(byMention.code, 0, byMention.stderr);
  assert.deepEqual(
    jsonl(byMention.stdout).map((e) => e.uid),
    await uidsOf({ actor: 'country-rus' }),
  );
  const byId = await query('quotes', '--actor', 'unlinked:friedrich merz');
  assert.deepEqual(
    jsonl(byId.stdout).map((q) => q.uid),
    ['namesake/q1'],
  );
});

test('an unknown actor gives an empty answer and a note, not an error', async () => {
  for (const format of ['jsonl', 'json', 'csv', 'table']) {
    const r = await query('events', '--actor', 'Nobody Atall', '--format', format);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /no stored actor has the id or name "Nobody Atall"/);
    const empty = { jsonl: '', json: '[]\n', csv: `${EVENT_CSV_COLUMNS.join(',')}\r\n`, table: '' };
    assert.equal(r.stdout, empty[format as keyof typeof empty], format);
  }
});

test('formats: json array, csv with header, table with aligned columns', async () => {
  const expected = await uidsOf({ type: 'ACCUSE' });
  const json = await query('events', '--type', 'ACCUSE', '--format', 'json');
  assert.deepEqual(
    (JSON.parse(json.stdout) as { uid: string }[]).map((e) => e.uid),
    expected,
  );
  const csv = parseCsv((await query('events', '--type', 'ACCUSE', '--format', 'csv')).stdout);
  assert.deepEqual(csv[0], [...EVENT_CSV_COLUMNS]);
  assert.equal(csv.length, expected.length + 1);
  assert.ok(
    csv.slice(1).every((row) => row[4] === 'ACCUSE' && row.length === EVENT_CSV_COLUMNS.length),
  );
  const table = await query('events', '--type', 'ACCUSE', '--format', 'table');
  const lines = table.stdout.trimEnd().split('\n');
  assert.match(lines[0] ?? '', /^date\s+type\s+cameo\s+source\s+target\s+trigger\s+document$/);
  assert.equal(lines.length, expected.length + 1);
  assert.ok(
    lines.slice(1).every((l) => /^2025-\d\d-\d\d\S*\s+ACCUSE\s+11\d/.test(l)),
    table.stdout,
  );
  for (const listing of ['actors', 'quotes', 'documents']) {
    for (const format of ['table', 'json', 'jsonl', 'csv']) {
      const r = await query(listing, '--format', format);
      assert.equal(r.code, 0, `${listing} ${format}: ${r.stderr}`);
      assert.ok(r.stdout.length > 0, `${listing} ${format}`);
    }
  }
  const actors = parseCsv((await query('actors', '--country', 'RUS', '--format', 'csv')).stdout);
  assert.deepEqual(
    actors.slice(1).map((row) => row[0]),
    ['country-rus'],
  );
  const documents = jsonl((await query('documents', '--text', 'reef')).stdout);
  assert.equal(documents.length, 1);
  assert.match(String(documents[0]?.title), /reef/);
});

test('--limit caps the answer across pages', async () => {
  const all = await uidsOf({});
  for (const limit of [1, 3, all.length, all.length + 5]) {
    const r = await query('events', '--limit', String(limit));
    assert.deepEqual(
      jsonl(r.stdout).map((e) => e.uid),
      all.slice(0, limit),
    );
  }
});

test('the default store is ./newsgraph.db in the working directory', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'newsgraph-query-cwd-'));
  try {
    const missing = await runCli(['query', 'documents'], { cwd });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /NG_STORE_NOT_FOUND: sqlite:\.\/newsgraph\.db does not exist/);
    assert.ok(!existsSync(join(cwd, 'newsgraph.db')), 'no empty store is made');
    // The test's own connection is still open: committed pages may sit in the WAL file.
    copyFileSync(db, join(cwd, 'newsgraph.db'));
    if (existsSync(`${db}-wal`)) copyFileSync(`${db}-wal`, join(cwd, 'newsgraph.db-wal'));
    const r = await runCli(['query', 'documents'], { cwd });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(jsonl(r.stdout).length, (await store.stats()).documents);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

test('a store that is no database, or a bad --db, is an error with its code', async () => {
  const notes = join(dir, 'notes.db');
  writeFileSync(notes, 'not a database at all\n'.repeat(20));
  const corrupt = await runCli(['query', 'events', '--db', notes]);
  assert.equal(corrupt.code, 2);
  assert.match(corrupt.stderr, /NG_STORE_CORRUPT/);
  const unknown = await runCli(['query', 'events', '--db', 'mysql://root:pw@localhost/news']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /NG_USAGE/);
  assert.doesNotMatch(unknown.stderr, /:pw@/);
});

test('bad command lines are usage errors before the store is read', async () => {
  const bad: [string[], RegExp][] = [
    [[], /NG_USAGE: say what to list/],
    [['events', 'extra'], /NG_USAGE: unexpected argument "extra"/],
    [['tweets'], /NG_USAGE: cannot list "tweets"/],
    [['events', '--format', 'xml'], /NG_USAGE: --format/],
    [['events', '--limit', '0'], /NG_USAGE: --limit/],
    [['events', '--limit', 'lots'], /NG_USAGE: --limit/],
    [['events', '--since', '2025-02-30'], /NG_DATE_INVALID/],
    [['events', '--since', '2025-05-01', '--until', '2025-04-01'], /NG_USAGE: --since/],
    [['events', '--country', 'Russia'], /NG_USAGE: country/],
    [['events', '--type', '12;DROP'], /NG_USAGE: type/],
    [['events', '--text', '"()'], /NG_USAGE: the text search needs at least one word/],
    [['quotes', '--type', 'ACCUSE'], /NG_USAGE: type does not apply to quotes/],
    [['actors', '--type', 'ACCUSE'], /NG_USAGE: an actor type is one of/],
    [['events', '--actor', 'x'.repeat(100_000)], /NG_USAGE: actor must be 1 to 512 characters/],
    [['events', '--bogus'], /NG_USAGE/],
  ];
  for (const [args, message] of bad) {
    const r = await query(...args);
    assert.equal(r.code, 2, args.join(' ').slice(0, 80));
    assert.match(r.stderr, message, args.join(' ').slice(0, 80));
  }
});

test('hostile text and names are searched as words', async () => {
  for (const text of [
    'NEAR(Riyadh',
    '"unbalanced',
    "Riyadh'; DROP TABLE events; --",
    'Riyadh\u0000',
  ]) {
    const r = await query('events', '--text', text);
    assert.equal(r.code, 0, `${text}: ${r.stderr}`);
  }
  const r = await query('events', '--actor', "'; DROP TABLE actors; --");
  assert.equal(r.code, 0);
  assert.equal((await store.stats()).actors > 0, true);
});
