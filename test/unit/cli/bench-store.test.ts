/**
 * `newsgraph bench store` through the CLI, on a corpus the test writes itself: the report's
 * fields, counts checked against the store it leaves with `--db`, the choice of actor and
 * month recomputed from that store, temporary files removed; bad input. No timing is asserted:
 * only that times were taken.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreBenchReport } from '../../../src/bench/store-bench.js';
import { openStore } from '../../../src/store/open.js';
import type { StoredEvent } from '../../../src/store/store.js';
import { runCli } from '../../helpers/cli.js';
import { articlesJsonl, generateArticles } from '../ingest/articles.js';

/**
 * Generated articles of our own sentences (test/unit/ingest/articles.ts), none a
 * near-duplicate of another: enough that the full-text answer takes more than one page.
 */
const ARTICLES = generateArticles(260, 11);
const LIMIT = 250;

function corpus(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-test-bench-store-'));
  const file = join(dir, 'corpus.jsonl');
  writeFileSync(file, articlesJsonl(ARTICLES));
  return { dir, file };
}

/** The benchmark's own temporary directories. */
const benchTemps = () =>
  readdirSync(tmpdir()).filter((name) => name.startsWith('newsgraph-bench-store-'));

/** The store's default page size, which the benchmark's queries use. */
const PAGE = 100;

test('bench store reports ingest, size and query figures that match the store it fills', async () => {
  const { dir, file } = corpus();
  const kept = join(dir, 'kept.db');
  const before = benchTemps();
  const r = await runCli([
    'bench',
    'store',
    '--corpus',
    file,
    '--limit',
    String(LIMIT),
    '--workers',
    '2',
    '--runs',
    '2',
    '--db',
    `sqlite:${kept}`,
    '--json',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as StoreBenchReport;
  assert.equal(report.articles, LIMIT);
  assert.match(report.timed, /models|model loading/);

  const { oneCore, allCores } = report.ingest;
  assert.equal(oneCore.workers, 1);
  assert.equal(allCores.workers, 2);
  for (const run of [oneCore, allCores]) {
    // Both runs start from an empty store: every article is new, none lost.
    assert.deepEqual([run.new, run.duplicates, run.existing, run.failed], [LIMIT, 0, 0, 0]);
    assert.ok(run.seconds > 0 && run.articlesPerSecond > 0);
  }
  assert.ok(report.ingest.speedup > 0);

  const store = await openStore(`sqlite:${kept}`, { mustExist: true, readonly: true });
  try {
    const stats = await store.stats();
    assert.equal(stats.documents, LIMIT, 'documents = N');
    assert.deepEqual(
      {
        documents: report.store.documents,
        duplicates: report.store.duplicates,
        actors: report.store.actors,
        mentions: report.store.mentions,
        quotes: report.store.quotes,
        events: report.store.events,
      },
      stats,
    );
    assert.equal(report.store.location, `sqlite:${kept}`);
    assert.ok(report.store.bytes > report.store.emptyBytes && report.store.emptyBytes > 0);
    assert.equal(
      report.store.mbPer1000Articles,
      (report.store.bytes / 1e6 / LIMIT) * 1000,
      'the size scaled to 1,000 articles',
    );
    assert.ok(stats.events > 0, 'the articles give events to query');

    // The actor with the most events, recomputed from every stored event.
    const events: StoredEvent[] = (await store.events({ limit: 10_000 })).items;
    const count = (id: string) =>
      events.filter((e) => e.source.actor === id || e.target?.actor === id).length;
    const a = report.queries.actorMonth;
    assert.ok(a, 'an actor-month query was timed');
    const most = Math.max(
      ...events.flatMap((e) => [e.source.actor, e.target?.actor]).map((id) => (id ? count(id) : 0)),
    );
    assert.equal(count(a.actor), most);
    assert.equal(a.month, '2024-03', 'the month the articles were published in');
    assert.deepEqual([a.since, a.until], ['2024-03-01', '2024-03-31']);
    // Every page read: the rows are all of X's events whose dates meet the month.
    const inMonth = events.filter((e) => {
      if (e.source.actor !== a.actor && e.target?.actor !== a.actor) return false;
      const start = e.date?.start ?? e.published ?? '';
      const end = e.date?.end ?? e.published ?? '';
      return end >= a.since && start <= a.until;
    });
    assert.equal(a.rows, inMonth.length);
    assert.equal(a.pages, Math.max(1, Math.ceil(a.rows / PAGE)));
    assert.ok(a.rows > 0);
    assert.ok(a.medianMs > 0 && a.p95Ms >= a.medianMs);

    // Full text: the actor's name, matched in the articles stored (as whole words).
    const t = report.queries.fullText;
    assert.ok(t);
    assert.equal(t.terms, a.name);
    const words = t.terms.toLowerCase().split(/\s+/);
    const matching = ARTICLES.slice(0, LIMIT).filter(({ title, text }) => {
      const body = `${title} ${text}`.toLowerCase();
      return words.every((w) => new RegExp(`\\b${w}\\b`).test(body));
    });
    assert.equal(t.rows, matching.length);
    assert.ok(t.rows > PAGE, `${t.rows} documents: more than one page, every page read`);
    assert.equal(t.pages, Math.ceil(t.rows / PAGE));
    assert.ok(t.medianMs > 0 && t.p95Ms >= t.medianMs);
    assert.equal(report.queries.runs, 2);
  } finally {
    await store.close();
  }
  assert.deepEqual(benchTemps(), before, 'temporary files removed');

  // The store is no longer empty: a second run refuses it, before any work, and leaves it as is.
  const again = await runCli(['bench', 'store', '--corpus', file, '--db', `sqlite:${kept}`]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /NG_STORE_NOT_EMPTY: .*kept\.db already holds 250 documents/);
  const unchanged = await openStore(`sqlite:${kept}`, { mustExist: true, readonly: true });
  try {
    assert.equal((await unchanged.stats()).documents, LIMIT);
  } finally {
    await unchanged.close();
  }
});

test('bench store prints a table; bench --help points to it', async () => {
  const { file } = corpus();
  const r = await runCli([
    'bench',
    'store',
    '--corpus',
    file,
    '--limit',
    '3',
    '--workers',
    '1',
    '--runs',
    '1',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^articles +3 \(first of /m);
  assert.match(r.stdout, /^ingest, 1 worker +\d[\d,]*\.\d articles\/s \(.*3 new/m);
  assert.match(r.stdout, /^all cores \/ one +\d+\.\d\d$/m);
  assert.match(r.stdout, /^stored +3 documents/m);
  assert.match(r.stdout, /MB per 1,000 articles/);
  assert.match(r.stdout, /^actor in a month +median [\d.]+ ms, p95 [\d.]+ ms: \d+ events? of /m);
  assert.match(r.stdout, /^full-text search +median [\d.]+ ms, p95 [\d.]+ ms: \d+ documents? /m);
  assert.match(r.stderr, /bench store: ingesting 3 articles with 1 worker/);

  const help = await runCli(['bench', 'store', '--help']);
  assert.equal(help.code, 0);
  for (const option of ['--corpus', '--limit', '--workers', '--runs', '--db', '--json']) {
    assert.ok(help.stdout.includes(option), option);
  }
  assert.match((await runCli(['bench', '--help'])).stdout, /bench store --help/);
});

test('bench store: bad input fails with a code, before any model loads', async () => {
  const missing = await runCli(['bench', 'store', '--corpus', '/nonexistent/corpus.jsonl']);
  assert.equal(missing.code, 2);
  assert.match(
    missing.stderr,
    /NG_INPUT_NOT_FOUND: corpus not found: \/nonexistent\/corpus\.jsonl/,
  );

  const { dir, file } = corpus();
  const cases: [string[], RegExp][] = [
    [
      ['--db', 'postgres://u:secret@localhost/db'],
      /NG_USAGE: bench store measures a writable SQLite file; .*u:\*\*\*@/,
    ],
    [['--db', 'sqlite::memory:'], /NG_USAGE: bench store measures a writable SQLite file/],
    [
      ['--db', `sqlite:${join(dir, 'x.db')}?mode=ro`],
      /NG_USAGE: bench store measures a writable SQLite file/,
    ],
    [['--limit', '0'], /NG_USAGE: --limit must be a positive integer/],
    [['--workers', 'all'], /NG_USAGE: --workers must be a positive integer/],
    [['--frobnicate'], /NG_USAGE/],
  ];
  for (const [args, expected] of cases) {
    const r = await runCli(['bench', 'store', '--corpus', file, ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, expected, args.join(' '));
  }
  const empty = join(dir, 'empty.jsonl');
  writeFileSync(empty, '\n\n');
  const r = await runCli(['bench', 'store', '--corpus', empty]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /NG_INPUT_EMPTY/);
});
