/**
 * Ingest: inputs (files, directories, JSONL, standard input, pages and feeds over HTTP) →
 * extraction on the worker pool → the store. `newsgraph ingest` and `newsgraph watch` both
 * run through `ingest()`.
 *
 * Order of work for one document:
 * 1. Skip it before any work when the store already has its id or URL (a rerun after a
 *    crash or a repeated poll costs a lookup, not an extraction — and, for a feed item, not
 *    even a download).
 * 2. Extract it on a worker. Up to `window` documents are in flight at once.
 * 3. Write it from this thread, the store's single writer, in input order (so the first copy
 *    of an article is the one that came first): near-duplicate lookup, then one `put`, one
 *    transaction. `put` is idempotent on id, content hash and URL, so a document written
 *    just before a `kill -9` is found again, never doubled, and one that was not is redone.
 */
import { createHash } from 'node:crypto';
import { NewsgraphError, asNewsgraphError } from '../core/errors.js';
import type { ExtractionResult } from '../output/result.js';
import { parseFeed } from '../sources/feed.js';
import { isHttpUrl, type Fetched, type Fetcher } from '../sources/http.js';
import {
  NEAR_DUPLICATE_DISTANCE,
  NEAR_DUPLICATE_JACCARD,
  shingleJaccard,
  simhash,
} from '../sources/simhash.js';
import { decodeBytes, DEFAULT_MAX_BYTES } from '../stages/ingest/decode.js';
import { contentHash } from '../stages/ingest/ingest.js';
import type { ArticleInput } from '../stages/ingest/input.js';
import { readSources, type SourceOptions } from '../stages/ingest/sources.js';
import type { PutOutcome, Store } from '../store/store.js';
import type { ExtractionPool } from './pool.js';

/** What happened to one document. */
export type DocumentOutcome =
  | { status: 'new'; id: string; origin: string; title: string | null }
  | { status: 'duplicate'; id: string; of: string; origin: string; title: string | null }
  | { status: 'existing'; id: string; origin: string }
  | { status: 'failed'; origin: string; error: NewsgraphError };

export interface IngestSummary {
  new: number;
  existing: number;
  duplicates: number;
  failed: number;
  /** True when a stop signal ended the run before its inputs did. */
  stopped: boolean;
}

export interface IngestHooks {
  /** Each document's outcome, in input order. */
  onDocument?(outcome: DocumentOutcome): void;
  /** A feed's items became known (for a progress total). */
  onMoreDocuments?(count: number): void;
  /** Something worth a line that is no document's outcome (a feed item without a link). */
  onNote?(line: string): void;
  /** A local file skipped for its extension. */
  onSkippedFile?(path: string): void;
}

export interface IngestOptions extends IngestHooks {
  store: Store;
  pool: ExtractionPool;
  fetcher: Fetcher;
  /** Reading local inputs (cwd, --max-bytes, --encoding, standard input). */
  sources: SourceOptions;
  /** Documents extracted at once; default twice the pool size (no worker waits for work). */
  window?: number;
  nearDuplicateDistance?: number;
  /** When aborted, no new document is started; those in flight are finished and written. */
  signal?: AbortSignal;
}

/** One unit of work as the inputs yield it. */
type Job =
  | { kind: 'input'; input: ArticleInput; origin: string; url: string | null }
  | { kind: 'known'; id: string; origin: string }
  | { kind: 'failed'; origin: string; error: NewsgraphError };

/** A job after extraction, waiting for its turn to be written. */
type Extracted =
  | { kind: 'extracted'; result: ExtractionResult; origin: string; url: string | null }
  | { kind: 'done'; outcome: DocumentOutcome };

function originOf(input: ArticleInput): string {
  const { file, line } = input.origin;
  return line === undefined ? file : `${file}:${line}`;
}

/**
 * The id extraction will give a document, without extracting it: the input's id, else the
 * content hash of its raw text as ingest defines the raw text (src/stages/ingest/ingest.ts:
 * the page source, the file text, or a JSONL record's `title + "\n\n" + text`). A test checks
 * this against the extractor's own ids for every input format.
 */
export function expectedId(input: ArticleInput): string {
  if (input.id !== undefined) return input.id;
  if (input.format === 'html') return contentHash(input.html ?? '');
  if (input.format === 'jsonl') {
    const body = input.text ?? '';
    return contentHash(input.title?.trim() ? `${input.title}\n\n${body}` : body);
  }
  return contentHash(input.text ?? '');
}

/** SHA-256 of the clean text, 64 hex digits: the store's content hash. */
export function textHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex');
}

function failed(origin: string, error: unknown): Job {
  return { kind: 'failed', origin, error: asNewsgraphError(error, { file: origin }) };
}

/** A fetched page (or plain text) as an ArticleInput, or the reason it cannot be one. */
function pageInput(
  page: Fetched,
  origin: string,
  maxBytes: number,
  date: string | null,
): ArticleInput {
  if (page.kind === 'feed') {
    throw new NewsgraphError('NG_INPUT_UNSUPPORTED', `${page.url} is a feed, not an article page`);
  }
  if (page.kind === 'other') {
    throw new NewsgraphError(
      'NG_INPUT_UNSUPPORTED',
      `${page.url} is ${page.contentType || 'of no declared type'}, not a page or a feed`,
    );
  }
  const html = page.kind === 'html';
  const decoded = decodeBytes(page.bytes, {
    html,
    maxBytes,
    ...(page.charset ? { declaredCharset: page.charset } : {}),
  });
  const input: ArticleInput = {
    format: html ? 'html' : 'txt',
    url: page.url,
    origin: { file: origin },
    encoding: decoded.encoding,
    warnings: decoded.warnings,
    ...(date ? { date } : {}),
  };
  if (html) input.html = decoded.text;
  else input.text = decoded.text;
  return input;
}

export async function ingest(
  inputs: readonly string[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const { store, pool, fetcher, signal } = options;
  const maxBytes = options.sources.maxBytes ?? DEFAULT_MAX_BYTES;
  const distance = options.nearDuplicateDistance ?? NEAR_DUPLICATE_DISTANCE;
  const window = Math.max(1, options.window ?? pool.size * 2);
  const summary: IngestSummary = { new: 0, existing: 0, duplicates: 0, failed: 0, stopped: false };
  /** URLs this run has already taken on: a page in two feeds is fetched once. */
  const taken = new Set<string>();

  /** A URL the store or this run already has, as a finished job; else null. */
  async function known(url: string, origin: string): Promise<Job | null> {
    if (taken.has(url)) return { kind: 'known', id: url, origin };
    const id = await store.findExisting({ url });
    if (id !== null) return { kind: 'known', id, origin };
    taken.add(url);
    return null;
  }

  async function* urlJobs(url: string): AsyncGenerator<Job> {
    const seen = await known(url, url);
    if (seen) return yield seen;
    let fetched: Fetched;
    try {
      fetched = await fetcher.fetch(url);
    } catch (error) {
      return yield failed(url, error);
    }
    if (fetched.kind !== 'feed') {
      try {
        return yield {
          kind: 'input',
          input: pageInput(fetched, url, maxBytes, null),
          origin: url,
          url,
        };
      } catch (error) {
        return yield failed(url, error);
      }
    }
    let items;
    try {
      const xml = decodeBytes(fetched.bytes, {
        maxBytes,
        ...(fetched.charset ? { declaredCharset: fetched.charset } : {}),
      }).text;
      items = parseFeed(xml, fetched.url).items;
    } catch (error) {
      return yield failed(url, error);
    }
    // The feed counted as one document until now; its items replace it.
    const linked = items.filter((item) => item.link !== null);
    options.onMoreDocuments?.(linked.length - 1);
    items.forEach((item, k) => {
      if (item.link === null) {
        const title = item.title ? ` ("${item.title.slice(0, 60)}")` : '';
        options.onNote?.(`${url}: item ${k + 1}${title} has no link; skipped`);
      }
    });
    for (const item of linked) {
      if (signal?.aborted) return;
      const link = item.link!;
      const seenItem = await known(link, link);
      if (seenItem) {
        yield seenItem;
        continue;
      }
      try {
        const page = await fetcher.fetch(link);
        yield {
          kind: 'input',
          input: pageInput(page, link, maxBytes, item.published),
          origin: link,
          url: link,
        };
      } catch (error) {
        yield failed(link, error);
      }
    }
  }

  async function* allJobs(): AsyncGenerator<Job> {
    for (const input of inputs) {
      if (isHttpUrl(input)) {
        yield* urlJobs(input);
        continue;
      }
      for await (const item of readSources([input], options.sources, options.onSkippedFile)) {
        if (!item.ok) {
          const { file, line } = item.error.context;
          yield {
            kind: 'failed',
            origin: line === undefined ? (file ?? input) : `${file}:${line}`,
            error: item.error,
          };
        } else {
          yield {
            kind: 'input',
            input: item.input,
            origin: originOf(item.input),
            url: item.input.url ?? null,
          };
        }
      }
    }
  }

  /** Skips what is stored, extracts the rest; never throws (store errors aside). */
  async function extract(job: Job): Promise<Extracted> {
    if (job.kind === 'failed') {
      return { kind: 'done', outcome: { status: 'failed', origin: job.origin, error: job.error } };
    }
    if (job.kind === 'known') {
      return { kind: 'done', outcome: { status: 'existing', id: job.id, origin: job.origin } };
    }
    const id = await store.findExisting({ id: expectedId(job.input), url: job.url });
    if (id !== null)
      return { kind: 'done', outcome: { status: 'existing', id, origin: job.origin } };
    try {
      const result = await pool.extract(job.input);
      return { kind: 'extracted', result, origin: job.origin, url: job.url };
    } catch (error) {
      const e = asNewsgraphError(error).withContext(job.input.origin);
      return { kind: 'done', outcome: { status: 'failed', origin: job.origin, error: e } };
    }
  }

  /** SimHash candidate, confirmed by shared shingles (see src/sources/simhash.ts). */
  async function nearDuplicate(text: string, hash: string): Promise<string | null> {
    const candidate = await store.findNearDuplicate(hash, distance);
    if (candidate === null) return null;
    const stored = await store.result(candidate);
    if (!stored) return null;
    return shingleJaccard(stored.document.text, text) >= NEAR_DUPLICATE_JACCARD ? candidate : null;
  }

  async function write(extracted: Extracted): Promise<DocumentOutcome> {
    if (extracted.kind === 'done') return extracted.outcome;
    const { result, origin } = extracted;
    const text = result.document.text;
    const hash = simhash(text);
    const metadataUrl = result.document.metadata.url;
    // The URL asked for is the key: a rerun or the next poll looks it up before fetching.
    const url = extracted.url ?? (typeof metadataUrl === 'string' ? metadataUrl : null);
    let put: PutOutcome;
    try {
      put = await store.put(result, {
        contentHash: textHash(text),
        simhash: hash,
        origin,
        url,
        duplicateOf: await nearDuplicate(text, hash),
      });
    } catch (error) {
      // A result the store refuses fails that document; any other store error (read-only,
      // full disk, gone, busy past its timeout) ends the run: the next document would fail too.
      const e = asNewsgraphError(error);
      if (e.code !== 'NG_STORE_INVALID') throw e;
      return { status: 'failed', origin, error: e.withContext({ file: origin }) };
    }
    const title = result.document.title;
    if (put.stored === 'new') return { status: 'new', id: put.id, origin, title };
    if (put.stored === 'duplicate') {
      return { status: 'duplicate', id: put.id, of: put.of, origin, title };
    }
    return { status: 'existing', id: put.id, origin };
  }

  function count(outcome: DocumentOutcome): void {
    if (outcome.status === 'new') summary.new++;
    else if (outcome.status === 'duplicate') summary.duplicates++;
    else if (outcome.status === 'existing') summary.existing++;
    else summary.failed++;
    options.onDocument?.(outcome);
  }

  // In flight, in input order: extraction runs ahead, writing follows the order.
  const inFlight: Promise<Extracted>[] = [];
  const jobs = allJobs();
  try {
    for (;;) {
      if (signal?.aborted) {
        summary.stopped = true;
        break;
      }
      const next = await jobs.next();
      if (next.done) break;
      inFlight.push(extract(next.value));
      if (inFlight.length >= window) count(await write(await inFlight.shift()!));
    }
    while (inFlight.length > 0) count(await write(await inFlight.shift()!));
  } finally {
    // After a fatal store error, the documents still in flight are dropped unwritten (a rerun
    // redoes them); their own failures must not surface as unhandled rejections.
    for (const pending of inFlight) pending.catch(() => undefined);
    await jobs.return(undefined);
  }
  return summary;
}
