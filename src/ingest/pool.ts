/**
 * Extraction on all cores: a pool of worker threads (src/ingest/worker), each with its own
 * extractor whose models are loaded once. Documents go to whichever worker is idle, one at a
 * time, so a slow document does not hold others back and a worker that dies takes only the
 * document it held (reported as NG_WORKER_FAILED; a fresh worker takes its place).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { NewsgraphError, type ErrorCode } from '../core/errors.js';
import type { ExtractorOptions } from '../extract.js';
import type { ExtractionResult } from '../output/result.js';
import type { ArticleInput } from '../stages/ingest/input.js';

/** What a worker's extractor is built with: the serialisable part of ExtractorOptions. */
export type WorkerSettings = Pick<
  ExtractorOptions,
  'fallbackDate' | 'maxBytes' | 'kbOverlays' | 'explain'
>;

export interface PoolRequest {
  seq: number;
  input: ArticleInput;
}

export type PoolReply =
  | { type: 'ready' }
  | { type: 'init-error'; error: { code: ErrorCode; message: string } }
  | { type: 'result'; seq: number; result: ExtractionResult }
  | { type: 'error'; seq: number; error: { code: ErrorCode; message: string } };

export interface ExtractionPool {
  readonly size: number;
  /** Extracts one document on the next idle worker. Rejects with a NewsgraphError. */
  extract(input: ArticleInput): Promise<ExtractionResult>;
  /** Stops the workers; documents queued or in hand are rejected. */
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Worker threads; default os.availableParallelism(). */
  workers?: number;
  settings?: WorkerSettings;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Where the worker's code is, and how to start it. From dist/ it is plain worker.js beside
 * this file. Under tsx (tests, scripts) this module is pool.ts and the worker is worker.ts,
 * which a thread can only load once tsx's hooks are registered in it: Node 20 does not pass
 * the parent's `--import tsx` on to worker threads, so a two-line bootstrap registers them
 * (tsx named by absolute URL, so it resolves from any working directory) and then imports
 * the worker.
 */
function workerEntry(): { entry: URL | string; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) {
    return { entry: new URL('./worker.js', import.meta.url), eval: false };
  }
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const worker = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  return {
    entry: `import(${api}).then((tsx) => { tsx.register(); return import(${worker}); });`,
    eval: true,
  };
}

interface Task {
  seq: number;
  input: ArticleInput;
  resolve(result: ExtractionResult): void;
  reject(error: NewsgraphError): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
}

const fromReply = (error: { code: ErrorCode; message: string }) =>
  new NewsgraphError(error.code, error.message);

/** Starts the workers and resolves once every one has loaded its models. */
export async function startExtractionPool(options: PoolOptions = {}): Promise<ExtractionPool> {
  const size = options.workers ?? defaultWorkers();
  const settings = options.settings ?? {};
  const entry = workerEntry();
  const queue: Task[] = [];
  /** Workers that are ready; `threads` also holds those still loading their models. */
  const slots = new Set<Slot>();
  const threads = new Set<Worker>();
  let seq = 0;
  let closing = false;
  /** Set when a worker cannot start: every later task fails with it. */
  let broken: NewsgraphError | null = null;

  function dispatch(): void {
    for (const slot of slots) {
      if (slot.task || queue.length === 0) continue;
      const task = queue.shift()!;
      slot.task = task;
      slot.worker.postMessage({ seq: task.seq, input: task.input } satisfies PoolRequest);
    }
  }

  function failAll(error: NewsgraphError): void {
    broken = error;
    for (const task of queue.splice(0)) task.reject(error);
  }

  /** One worker; resolves when it is ready, rejects if it cannot start. */
  function spawn(): Promise<void> {
    return new Promise((ready, cannot) => {
      const worker = new Worker(entry.entry, { workerData: settings, eval: entry.eval });
      threads.add(worker);
      const slot: Slot = { worker, task: null };
      let started = false;
      worker.on('message', (reply: PoolReply) => {
        if (reply.type === 'ready') {
          started = true;
          slots.add(slot);
          ready();
          dispatch();
          return;
        }
        if (reply.type === 'init-error') {
          cannot(fromReply(reply.error));
          void worker.terminate();
          return;
        }
        const task = slot.task;
        if (!task || task.seq !== reply.seq) return;
        slot.task = null;
        if (reply.type === 'result') task.resolve(reply.result);
        else task.reject(fromReply(reply.error));
        dispatch();
      });
      worker.on('error', (error) => {
        if (!started) cannot(new NewsgraphError('NG_WORKER_FAILED', error.message));
        else slot.task?.reject(new NewsgraphError('NG_WORKER_FAILED', error.message));
        slot.task = null;
      });
      worker.on('exit', (code) => {
        threads.delete(worker);
        const held = slot.task;
        slot.task = null;
        slots.delete(slot);
        if (!started) {
          cannot(new NewsgraphError('NG_WORKER_FAILED', `a worker exited (${code}) on start`));
          return;
        }
        if (closing) return;
        held?.reject(
          new NewsgraphError('NG_WORKER_FAILED', `the worker extracting it exited (${code})`),
        );
        // A replacement, so the pool keeps its size; if it cannot start, nothing can.
        spawn().then(dispatch, (error: NewsgraphError) => failAll(error));
      });
    });
  }

  try {
    await Promise.all(Array.from({ length: size }, spawn));
  } catch (error) {
    closing = true;
    await Promise.all([...threads].map((w) => w.terminate()));
    throw error;
  }

  return {
    size,
    extract(input) {
      return new Promise((resolve, reject) => {
        if (closing) {
          reject(new NewsgraphError('NG_INTERNAL', 'the extraction pool is closed'));
          return;
        }
        if (broken) {
          reject(broken);
          return;
        }
        queue.push({ seq: ++seq, input, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closing = true;
      const closed = new NewsgraphError('NG_INTERNAL', 'the extraction pool closed');
      for (const task of queue.splice(0)) task.reject(closed);
      for (const slot of slots) slot.task?.reject(closed);
      await Promise.all([...threads].map((w) => w.terminate()));
    },
  };
}
