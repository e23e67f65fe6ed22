/**
 * `newsgraph ingest PATH|URL... [--db URL] [--workers N] [--date D] [--kb FILE] …`
 *
 * Extracts articles on all cores and stores them (src/ingest/ingest.ts). Progress and errors
 * go to standard error; each failed document is one line `origin: NG_CODE: message` and the
 * run goes on. Exit 0: every document stored or already there; 1: some failed; 2: nothing
 * could be done. The setup here (options, store, worker pool, fetcher) is shared with
 * `newsgraph watch`.
 */
import { resolve } from 'node:path';
import { NewsgraphError, asNewsgraphError } from '../core/errors.js';
import {
  ingest,
  type DocumentOutcome,
  type IngestHooks,
  type IngestSummary,
} from '../ingest/ingest.js';
import { defaultWorkers, startExtractionPool, type ExtractionPool } from '../ingest/pool.js';
import { createProgress, rate, type Progress } from '../ingest/progress.js';
import {
  DEFAULT_HOST_INTERVAL_MS,
  DEFAULT_TOTAL_TIMEOUT_MS,
  createFetcher,
  isHttpUrl,
  type Fetcher,
} from '../sources/http.js';
import { DEFAULT_MAX_BYTES } from '../stages/ingest/decode.js';
import { checkPaths, readSources, type SourceOptions } from '../stages/ingest/sources.js';
import { DEFAULT_STORE_URL, openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { dateOption, integerOption, parseCommandArgs, type ParsedArgs } from './args.js';
import { readConfig } from './config.js';
import type { CliIO } from './io.js';

/** Options of both `ingest` and `watch`. */
export const SESSION_OPTIONS = {
  db: { type: 'string' },
  workers: { type: 'string' },
  date: { type: 'string' },
  kb: { type: 'string', multiple: true },
  config: { type: 'string' },
  encoding: { type: 'string' },
  'max-bytes': { type: 'string' },
  rate: { type: 'string' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const SESSION_HELP = `  --db URL             the store: sqlite:PATH or a path ending in .db (default
                       ${DEFAULT_STORE_URL}), or postgres://USER:PASSWORD@HOST/DB
  --workers N          extraction threads (default: one per core, here ${defaultWorkers()})
  --date YYYY-MM-DD    publication date for articles that carry none
  --kb FILE            your own actors (JSONL, docs/kb.md), over the built-in KB; repeatable
  --config FILE        settings file (default ./newsgraph.config.json when present)
  --encoding NAME      character encoding of local files (default: detected)
  --max-bytes N        largest article, file or download (default ${DEFAULT_MAX_BYTES})
  --rate SECONDS       least time between two requests to one web host (default ${
    DEFAULT_HOST_INTERVAL_MS / 1000
  }; 0.5, 500ms, 2s…)
  --timeout SECONDS    time allowed for one download, redirects included (default ${
    DEFAULT_TOTAL_TIMEOUT_MS / 1000
  })
  -h, --help           this help`;

export const HELP = `Usage: newsgraph ingest PATH|URL... [options]

Extracts actors, quotes and events from articles and stores them. PATH is a .txt or .html
file, a .jsonl file (one article a line, as for extract), a directory, or - for standard
input. URL is a web page or an RSS 2.0, RSS 1.0 or Atom feed (its items' pages are fetched).

Articles already stored (the same id, URL or text) are skipped, so a second run, or a run
after a crash, adds only what is missing. Near-duplicates (syndicated copies, lightly
edited reposts) are stored as copies of the first: their events are not counted twice.

Options:
${SESSION_HELP}

Progress goes to standard error: a bar on a terminal, plain lines otherwise. Ctrl-C stops
after the documents in hand are stored (twice: at once; a rerun finishes the job).
Exit status: 0 all documents stored (or already there); 1 some failed (each reported as
"origin: NG_CODE: message"); 2 nothing could be done. See docs/ingest.md.
`;

type SessionValues = ParsedArgs<typeof SESSION_OPTIONS>['values'];

const UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/** A duration: `1.5` (seconds), `500ms`, `30s`, `15m`, `1h`. Zero only when `allowZero`. */
export function secondsOption(
  value: string | undefined,
  name: string,
  allowZero = false,
): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  const seconds = m ? Number(m[1]) * (UNITS[m[2] ?? 's'] ?? 1) : NaN;
  if (!Number.isFinite(seconds) || seconds < 0 || (seconds === 0 && !allowZero)) {
    throw new NewsgraphError(
      'NG_USAGE',
      `${name} must be a ${allowZero ? 'non-negative' : 'positive'} duration such as 1.5, 500ms, 30s, 15m or 1h, got "${value}"`,
    );
  }
  return seconds;
}

/** What ingest and watch run with; `close` releases all of it. */
export interface Session {
  store: Store;
  pool: ExtractionPool;
  fetcher: Fetcher;
  sources: SourceOptions;
  close(): Promise<void>;
}

/**
 * Checks every option before anything is loaded, then opens the store (a bad --db fails
 * before the models load) and starts the workers.
 */
export async function openSession(values: SessionValues, io: CliIO): Promise<Session> {
  const fallbackDate = dateOption(values.date, '--date');
  const maxBytes = integerOption(values['max-bytes'], '--max-bytes') ?? DEFAULT_MAX_BYTES;
  const workers = integerOption(values.workers, '--workers') ?? defaultWorkers();
  const hostInterval = secondsOption(values.rate, '--rate', true);
  const timeout = secondsOption(values.timeout, '--timeout');
  const kbOverlays = [...readConfig(io.cwd, values.config).kb, ...(values.kb ?? [])].map((f) =>
    resolve(io.cwd, f),
  );
  await checkPaths(kbOverlays, io.cwd);
  let stdin: Promise<Buffer> | undefined;
  const sources: SourceOptions = {
    maxBytes,
    cwd: io.cwd,
    // Read once: counting the documents and ingesting them both read standard input.
    readStdin: () => (stdin ??= io.readStdin()),
    ...(values.encoding === undefined ? {} : { encoding: values.encoding }),
  };
  const fetcher = createFetcher({
    maxBytes,
    ...(hostInterval === undefined ? {} : { hostIntervalMs: hostInterval * 1000 }),
    ...(timeout === undefined ? {} : { totalTimeoutMs: timeout * 1000 }),
  });
  const store = await openStore(values.db ?? DEFAULT_STORE_URL, { cwd: io.cwd });
  let pool: ExtractionPool;
  try {
    pool = await startExtractionPool({ workers, settings: { fallbackDate, maxBytes, kbOverlays } });
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    store,
    pool,
    fetcher,
    sources,
    async close() {
      await pool.close();
      await store.close();
    },
  };
}

/**
 * Ctrl-C / SIGTERM: the first stops the run after the documents in hand; a second exits at
 * once (nothing is lost: each stored document is one finished transaction). Returns the
 * signal to pass to ingest() and a function that removes the handlers.
 */
export function stopOnSignals(io: CliIO, label: string): { signal: AbortSignal; remove(): void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      io.stderr.write(`\n${label}: ${name} again: stopping now\n`);
      process.exit(130);
    }
    io.stderr.write(`\n${label}: ${name}: stopping after the documents in hand\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    remove() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** Failed documents, notes and skipped files as lines on standard error. */
export function reportTo(
  write: (line: string) => void,
  label: string,
  onDocument?: (outcome: DocumentOutcome) => void,
): IngestHooks & { skipped: string[] } {
  const skipped: string[] = [];
  return {
    skipped,
    onDocument(outcome) {
      if (outcome.status === 'failed') write(`${label}: ${outcome.error.toLine()}`);
      onDocument?.(outcome);
    },
    onNote: (line) => write(`${label}: ${line}`),
    onSkippedFile: (path) => skipped.push(path),
  };
}

export function summaryLine(summary: IngestSummary, seconds: number, location: string): string {
  const handled = summary.new + summary.existing + summary.duplicates + summary.failed;
  return (
    `${handled} document${handled === 1 ? '' : 's'} in ${seconds.toFixed(1)} s ` +
    `(${rate(handled, seconds)} docs/s): ${summary.new} new, ${summary.duplicates} ` +
    `near-duplicate${summary.duplicates === 1 ? '' : 's'}, ${summary.existing} already stored, ` +
    `${summary.failed} failed → ${location}${summary.stopped ? ' (stopped early)' : ''}`
  );
}

/** How many documents the inputs hold, for the progress total: local inputs are read once
 *  ahead (cheap next to extracting them); each URL counts one until its feed is read. */
async function countDocuments(inputs: readonly string[], sources: SourceOptions): Promise<number> {
  let count = 0;
  const local = inputs.filter((i) => !isHttpUrl(i));
  count += inputs.length - local.length;
  if (local.length > 0) for await (const _ of readSources(local, sources)) count++;
  return count;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const label = 'newsgraph ingest';
  const { values, positionals } = parseCommandArgs(args, SESSION_OPTIONS);
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length === 0) {
    throw new NewsgraphError(
      'NG_USAGE',
      "nothing to ingest: name files, directories, URLs or - for standard input (see 'newsgraph ingest --help')",
    );
  }
  await checkPaths(
    positionals.filter((p) => !isHttpUrl(p)),
    io.cwd,
  );
  const session = await openSession(values, io);
  const stop = stopOnSignals(io, label);
  let progress: Progress | undefined;
  let summary: IngestSummary | undefined;
  let fatal: NewsgraphError | undefined;
  const hooks = reportTo(
    (line) => (progress ? progress.log(line) : io.stderr.write(`${line}\n`)),
    label,
    () => progress?.tick(),
  );
  try {
    progress = createProgress(io.stderr, await countDocuments(positionals, session.sources), {
      label,
    });
    summary = await ingest(positionals, {
      ...session,
      ...hooks,
      signal: stop.signal,
      onMoreDocuments: (n) => progress?.addTotal(n),
    });
  } catch (error) {
    fatal = asNewsgraphError(error);
  } finally {
    stop.remove();
    progress?.end();
    await session.close();
  }
  const seconds = progress?.elapsed() ?? 0;
  if (hooks.skipped.length) {
    io.stderr.write(
      `${label}: skipped ${hooks.skipped.length} file(s) that are not .txt, .html or .jsonl` +
        ` (first: ${hooks.skipped[0]})\n`,
    );
  }
  if (fatal) {
    io.stderr.write(`${label}: ${fatal.toLine()}\n`);
    // Whatever was stored before the error stays stored; a rerun goes on from there.
    return (progress?.done ?? 0) > 0 ? 1 : 2;
  }
  const s = summary!;
  io.stderr.write(`${label}: ${summaryLine(s, seconds, session.store.location)}\n`);
  if (s.failed > 0) return 1;
  if (s.new + s.duplicates + s.existing === 0 && !s.stopped) {
    io.stderr.write(`${label}: NG_INPUT_EMPTY: no document found in the input\n`);
    return 2;
  }
  return 0;
}
