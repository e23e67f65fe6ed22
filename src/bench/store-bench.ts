/**
 * `newsgraph bench store`: what the SQLite store costs and gives back, measured through the
 * real ingest engine (src/ingest/ingest.ts and its worker pool) and the real Store — no
 * second ingest loop, no SQL of its own.
 *
 * 1. The first N corpus articles are ingested into a fresh SQLite file with one extraction
 *    worker, then into another fresh file with one worker per core. The clock runs around
 *    `ingest()` only: the workers have loaded their models and the store is open and migrated
 *    before it starts (a long-running ingest pays those once).
 * 2. The second store is closed (SQLite checkpoints the WAL into the file on the last close)
 *    and its size is scaled to 1,000 articles.
 * 3. It is reopened read-only, as `newsgraph query` opens it, and two queries are timed:
 *    "events of actor X in a month" (X the actor with the most events, the month with most
 *    of X's events) and a full-text search for X's name, each paging through all results.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NewsgraphError } from '../core/errors.js';
import { percentile, readCorpus } from './measure.js';
import { ingest, type IngestSummary } from '../ingest/ingest.js';
import { defaultWorkers, startExtractionPool } from '../ingest/pool.js';
import { createFetcher } from '../sources/http.js';
import { openStore, parseStoreUrl } from '../store/open.js';
import type { Page, QueryFilter, Store, StoredEvent, StoreStats } from '../store/store.js';
import { integerOption, parseCommandArgs } from '../cli/args.js';
import { reportTo } from '../cli/ingest.js';
import type { CliIO } from '../cli/io.js';
import { alignColumns } from '../cli/table.js';

export const DEFAULT_CORPUS = '../shared/corpus/wikinews-politics.jsonl';
export const DEFAULT_LIMIT = 1000;
export const DEFAULT_QUERY_RUNS = 20;

const plural = (n: number, noun: string) =>
  `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** What the ingest timings include, stated in every report. */
export const INGEST_TIMED =
  'wall time of ingest(): reading the JSONL, extraction on the workers, near-duplicate ' +
  'lookups and SQLite writes by the main thread; worker start-up (model loading) and ' +
  'opening the store come before the clock starts';

export interface StoreBenchOptions {
  corpusPath: string;
  /** First N articles (non-blank corpus lines); default 1,000. */
  limit?: number;
  /** Workers of the all-cores run; default os.availableParallelism(). */
  workers?: number;
  /** Measured runs of each query; the median and p95 are reported (default 20). */
  queryRuns?: number;
  /**
   * A SQLite store for the all-cores run, kept afterwards; it must be empty (or missing).
   * Without it both stores are temporary files.
   */
  db?: string;
  /** Directory relative paths are resolved against. */
  cwd?: string;
  /** Progress and failed documents, one line each (standard error in the CLI). */
  log?: (line: string) => void;
}

export interface IngestRun {
  workers: number;
  seconds: number;
  articlesPerSecond: number;
  /**
   * CPU time of the whole process (workers and main thread) ÷ wall time: the cores the run
   * really kept busy. The one-worker run uses more than one: the main thread writes.
   */
  coresUsed: number;
  /** Share of the wall time the main thread (the store's single writer) was busy. */
  mainThreadBusy: number;
  new: number;
  duplicates: number;
  existing: number;
  failed: number;
}

export interface QueryTiming {
  medianMs: number;
  p95Ms: number;
  /** Rows the query gave in all, and the pages it took (the store's default page size). */
  rows: number;
  pages: number;
}

export interface StoreBenchReport {
  corpus: string;
  /** Articles given to each ingest run. */
  articles: number;
  timed: string;
  ingest: { oneCore: IngestRun; allCores: IngestRun; speedup: number };
  /** The store's counts (StoreStats) and size. */
  store: StoreStats & {
    /** The kept store (`--db`), else null: the files were temporary. */
    location: string | null;
    bytes: number;
    /** A new store's size (schema only): the part that does not grow with articles. */
    emptyBytes: number;
    mbPer1000Articles: number;
  };
  queries: {
    runs: number;
    /** Null when no stored event has an actor (nothing to ask for). */
    actorMonth:
      | (QueryTiming & {
          actor: string;
          name: string;
          month: string;
          since: string;
          until: string;
        })
      | null;
    fullText: (QueryTiming & { terms: string }) | null;
  };
  node: string;
}

/** The first `limit` non-blank lines of the corpus, as they are (ingest reads and checks them). */
function corpusSlice(path: string, limit: number): string[] {
  const lines: string[] = [];
  for (const line of readCorpus(path).split('\n')) {
    if (lines.length >= limit) break;
    if (line.trim()) lines.push(line);
  }
  if (lines.length === 0) throw new NewsgraphError('NG_INPUT_EMPTY', `no article in ${path}`);
  return lines;
}

/**
 * A `--db` the benchmark may fill: a SQLite file (the benchmark measures its size), writable,
 * holding no document yet — mixing the benchmark's articles into a store in use would spoil
 * both the figures and the store. Checked before any model loads.
 */
async function checkTarget(db: string, cwd: string): Promise<void> {
  const target = parseStoreUrl(db, cwd);
  if (target.kind !== 'sqlite' || target.path === ':memory:' || target.readonly) {
    throw new NewsgraphError(
      'NG_USAGE',
      `bench store measures a writable SQLite file; --db must be sqlite:PATH or PATH.db, got ${target.location}`,
    );
  }
  const store = await openStore(db, { cwd });
  try {
    const { documents } = await store.stats();
    if (documents > 0) {
      throw new NewsgraphError(
        'NG_STORE_NOT_EMPTY',
        `${store.location} already holds ${documents} document${documents === 1 ? '' : 's'}; ` +
          'bench store needs an empty or new store (omit --db to use a temporary file)',
      );
    }
  } finally {
    await store.close();
  }
}

/** One timed ingest run into the store at `db`, through the real engine. */
async function ingestRun(
  db: string,
  input: string,
  workers: number,
  cwd: string,
  log: (line: string) => void,
): Promise<IngestRun> {
  const store = await openStore(db, { cwd });
  let summary: IngestSummary;
  let seconds: number;
  let coresUsed: number;
  let mainThreadBusy: number;
  try {
    const pool = await startExtractionPool({ workers });
    try {
      const hooks = reportTo(log, 'bench store');
      const cpu = process.cpuUsage();
      const busy = performance.eventLoopUtilization();
      const start = performance.now();
      summary = await ingest([input], {
        store,
        pool,
        // Local files only: the fetcher is never called.
        fetcher: createFetcher(),
        sources: { cwd, readStdin: () => Promise.resolve(Buffer.alloc(0)) },
        ...hooks,
      });
      seconds = (performance.now() - start) / 1000;
      const used = process.cpuUsage(cpu);
      coresUsed = seconds > 0 ? (used.user + used.system) / 1e6 / seconds : 0;
      mainThreadBusy = performance.eventLoopUtilization(busy).utilization;
    } finally {
      await pool.close();
    }
  } finally {
    // The last connection's close checkpoints the WAL into the file: the size is then final.
    await store.close();
  }
  const handled = summary.new + summary.duplicates + summary.existing + summary.failed;
  return {
    workers,
    seconds,
    articlesPerSecond: seconds > 0 ? handled / seconds : 0,
    coresUsed,
    mainThreadBusy,
    new: summary.new,
    duplicates: summary.duplicates,
    existing: summary.existing,
    failed: summary.failed,
  };
}

/** A SQLite store's bytes on disk: the file plus a WAL, if one is left. */
function storeBytes(db: string, cwd: string): number {
  const target = parseStoreUrl(db, cwd);
  if (target.kind !== 'sqlite') return 0;
  const { path } = target;
  const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);
  return size(path) + size(`${path}-wal`);
}

/** Pages through a listing to its end, as a client of the store or the API would. */
async function pageThrough<T>(
  list: (filter: QueryFilter) => Promise<Page<T>>,
  filter: QueryFilter,
  each?: (item: T) => void,
): Promise<{ rows: number; pages: number }> {
  let rows = 0;
  let pages = 0;
  let cursor: string | null = null;
  do {
    const page: Page<T> = await list(cursor === null ? filter : { ...filter, cursor });
    pages++;
    rows += page.items.length;
    if (each) page.items.forEach(each);
    cursor = page.next;
  } while (cursor !== null);
  return { rows, pages };
}

/** Median and p95 of `runs` timed calls, after one untimed warm-up (statement cache, pages). */
async function timeQuery(
  runs: number,
  query: () => Promise<{ rows: number; pages: number }>,
): Promise<QueryTiming> {
  const answer = await query();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await query();
    times.push(performance.now() - start);
  }
  return { medianMs: percentile(times, 50), p95Ms: percentile(times, 95), ...answer };
}

/** The key with the highest count; ties go to the smallest key, so the choice is stable. */
function mostFrequent(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [key, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && key < best)) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

const increment = (counts: Map<string, number>, key: string): Map<string, number> =>
  counts.set(key, (counts.get(key) ?? 0) + 1);

/** The last day of a YYYY-MM month, as YYYY-MM-DD. */
function monthEnd(month: string): string {
  const [year, mon] = month.split('-').map(Number);
  const day = new Date(Date.UTC(year ?? 1970, mon ?? 1, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** X (most events), X's busiest month (by event date, else publication date, as the filter). */
async function pickActorMonth(
  store: Store,
): Promise<{ actor: string; name: string; month: string } | null> {
  const events = new Map<string, number>();
  const months = new Map<string, Map<string, number>>();
  const names = new Map<string, string>();
  await pageThrough(
    (f) => store.events(f),
    { limit: 10_000 },
    (event: StoredEvent) => {
      const day = event.date?.start ?? event.published;
      // An actor that is both source and target counts once for the event.
      for (const id of new Set([event.source.actor, event.target?.actor])) {
        if (!id) continue;
        increment(events, id);
        if (!day) continue;
        const byMonth = months.get(id) ?? new Map<string, number>();
        months.set(id, increment(byMonth, day.slice(0, 7)));
      }
      for (const actor of [event.sourceActor, event.targetActor]) {
        if (actor) names.set(actor.id, actor.name);
      }
    },
  );
  const actor = mostFrequent(events);
  const month = actor === null ? null : mostFrequent(months.get(actor) ?? new Map());
  if (actor === null || month === null) return null;
  return { actor, name: names.get(actor) ?? actor, month };
}

/** The counts, then the two queries, on the store opened read-only as `newsgraph query` does. */
async function readStore(
  db: string,
  cwd: string,
  runs: number,
): Promise<{ stats: StoreStats; queries: StoreBenchReport['queries'] }> {
  const store = await openStore(db, { cwd, mustExist: true, readonly: true });
  try {
    const stats = await store.stats();
    const picked = await pickActorMonth(store);
    if (picked === null) return { stats, queries: { runs, actorMonth: null, fullText: null } };
    const since = `${picked.month}-01`;
    const until = monthEnd(picked.month);
    // No page size given: the store's default (100), what an API client gets without asking.
    const actorMonth = await timeQuery(runs, () =>
      pageThrough((f) => store.events(f), { actor: picked.actor, since, until }),
    );
    // The actor's name as plain words (all must match): a term the corpus surely holds.
    const terms = picked.name;
    const fullText = await timeQuery(runs, () =>
      pageThrough((f) => store.documents(f), { text: terms }),
    );
    return {
      stats,
      queries: {
        runs,
        actorMonth: { ...picked, since, until, ...actorMonth },
        fullText: { terms, ...fullText },
      },
    };
  } finally {
    await store.close();
  }
}

export async function runStoreBench(options: StoreBenchOptions): Promise<StoreBenchReport> {
  const cwd = options.cwd ?? process.cwd();
  const log = options.log ?? (() => undefined);
  const lines = corpusSlice(options.corpusPath, options.limit ?? DEFAULT_LIMIT);
  const workers = options.workers ?? defaultWorkers();
  const runs = options.queryRuns ?? DEFAULT_QUERY_RUNS;
  if (options.db !== undefined) await checkTarget(options.db, cwd);

  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-store-'));
  try {
    // The slice as a file of its own: ingest reads paths, and reads this one as it would any.
    const input = join(dir, 'articles.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const emptyDb = `sqlite:${join(dir, 'empty.db')}`;
    await (await openStore(emptyDb, { cwd })).close();
    const emptyBytes = storeBytes(emptyDb, cwd);
    const oneCoreDb = `sqlite:${join(dir, 'one-core.db')}`;
    const allCoresDb = options.db ?? `sqlite:${join(dir, 'all-cores.db')}`;

    log(`bench store: ingesting ${lines.length} articles with ${plural(1, 'worker')}`);
    const oneCore = await ingestRun(oneCoreDb, input, 1, cwd, log);
    log(`bench store: ingesting them again with ${plural(workers, 'worker')}`);
    const allCores = await ingestRun(allCoresDb, input, workers, cwd, log);

    const bytes = storeBytes(allCoresDb, cwd);
    log(`bench store: timing queries (${runs} runs each)`);
    const { stats, queries } = await readStore(allCoresDb, cwd, runs);
    return {
      corpus: options.corpusPath,
      articles: lines.length,
      timed: INGEST_TIMED,
      ingest: {
        oneCore,
        allCores,
        speedup: oneCore.articlesPerSecond
          ? allCores.articlesPerSecond / oneCore.articlesPerSecond
          : 0,
      },
      store: {
        location: options.db === undefined ? null : parseStoreUrl(options.db, cwd).location,
        bytes,
        emptyBytes,
        // Per stored document: an article ingest did not store takes no room.
        mbPer1000Articles: stats.documents ? (bytes / 1e6 / stats.documents) * 1000 : 0,
        ...stats,
      },
      queries,
      node: process.version,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fixed = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const latency = (q: QueryTiming) =>
  `median ${fixed(q.medianMs, 2)} ms, p95 ${fixed(q.p95Ms, 2)} ms`;

/** The report as a table for people (README figures are pasted from it). */
export function formatStoreBench(report: StoreBenchReport): string {
  const { oneCore, allCores } = report.ingest;
  const { store, queries } = report;
  const run = (r: IngestRun) =>
    `${fixed(r.articlesPerSecond, 1)} articles/s (${fixed(r.seconds, 1)} s: ${r.new} new, ` +
    `${r.duplicates} near-duplicates, ${r.existing} already stored, ${r.failed} failed; ` +
    `${fixed(r.coresUsed, 2)} cores busy, main thread ${fixed(r.mainThreadBusy * 100)} %)`;
  const rows: [string, string][] = [
    ['articles', `${fixed(report.articles)} (first of ${report.corpus})`],
    [`ingest, ${plural(oneCore.workers, 'worker')}`, run(oneCore)],
    [`ingest, ${plural(allCores.workers, 'worker')}`, run(allCores)],
    ['all cores / one', report.ingest.speedup.toFixed(2)],
    ['timed', report.timed],
    [
      'stored',
      `${fixed(store.documents)} documents (${fixed(store.duplicates)} near-duplicates), ` +
        [
          plural(store.events, 'event'),
          plural(store.actors, 'actor'),
          plural(store.quotes, 'quote'),
          plural(store.mentions, 'mention'),
        ].join(', '),
    ],
    [
      'database size',
      `${fixed(store.bytes / 1e6, 1)} MB, ${fixed(store.mbPer1000Articles, 1)} MB per 1,000 ` +
        `articles (file after a WAL checkpoint; ${fixed(store.emptyBytes / 1e3)} kB of it is the ` +
        `empty schema)${store.location ? `: ${store.location}` : ''}`,
    ],
  ];
  const a = queries.actorMonth;
  rows.push([
    'actor in a month',
    a
      ? `${latency(a)}: ${a.rows} events of ${a.name} (${a.actor}) in ${a.month}, ${a.pages} page(s)`
      : 'no stored event has an actor',
  ]);
  const t = queries.fullText;
  if (t) {
    rows.push([
      'full-text search',
      `${latency(t)}: ${t.rows} documents matching "${t.terms}", ${t.pages} page(s)`,
    ]);
  }
  rows.push(['query runs', `${queries.runs} each, after a warm-up; every page read`]);
  return `${alignColumns(rows).join('\n')}\n`;
}

export const HELP = `Usage: newsgraph bench store [options]

Ingests the first N corpus articles into a fresh SQLite file through the ingest engine with
one extraction worker, then into another with one worker per core, and reports articles/s
for each (models loaded before the clock starts), the database size per 1,000 articles,
the counts stored, and the latency (median and p95) of two queries paging through all their
results: the events of the actor with the most events in its busiest month, and a full-text
search for that actor's name. Temporary files are deleted afterwards.

Options:
  --corpus FILE   JSONL corpus (default ${DEFAULT_CORPUS})
  --limit N       first N articles (default ${DEFAULT_LIMIT})
  --workers N     workers of the all-cores run (default: one per core, here ${defaultWorkers()})
  --runs K        timed runs of each query (default ${DEFAULT_QUERY_RUNS})
  --db URL        a new or empty SQLite store for the all-cores run, kept afterwards
  --json          one JSON object
  -h, --help      this help
`;

/** `newsgraph bench store …` (dispatched from src/cli/bench.ts). */
export async function runStoreBenchCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, {
    corpus: { type: 'string' },
    limit: { type: 'string' },
    workers: { type: 'string' },
    runs: { type: 'string' },
    db: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const limit = integerOption(values.limit, '--limit');
  const workers = integerOption(values.workers, '--workers');
  const queryRuns = integerOption(values.runs, '--runs');
  const report = await runStoreBench({
    corpusPath: resolve(io.cwd, values.corpus ?? DEFAULT_CORPUS),
    cwd: io.cwd,
    log: (line) => io.stderr.write(`${line}\n`),
    ...(limit === undefined ? {} : { limit }),
    ...(workers === undefined ? {} : { workers }),
    ...(queryRuns === undefined ? {} : { queryRuns }),
    ...(values.db === undefined ? {} : { db: values.db }),
  });
  io.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatStoreBench(report));
  return 0;
}
