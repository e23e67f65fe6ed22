/**
 * Progress of an ingest run on standard error. On a terminal: one line redrawn in place, with
 * a bar, the count, the rate (documents per second) and the time left. Otherwise (a log file,
 * a pipe, CI): a plain line every `every` documents or `everyMs` milliseconds, whichever comes
 * first, so logs stay short and still show a long run is alive.
 *
 * Other lines (a failed document, a note) go through `log`, which clears and redraws the bar.
 */

export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  /** Plain mode: a line every this many documents (default 100)… */
  every?: number;
  /** …or this many milliseconds (default 10 s). */
  everyMs?: number;
  /** The clock, ms (default performance.now; tests pass their own). */
  now?: () => number;
  /** Prefix of every line (default `newsgraph ingest`). */
  label?: string;
}

export interface Progress {
  /** More documents are known to come (a feed's items). */
  addTotal(n: number): void;
  /** One document handled, whatever its outcome. */
  tick(): void;
  /** A line of its own (an error, a note), above the bar. */
  log(line: string): void;
  /** Removes the bar; the caller prints the summary. */
  end(): void;
  readonly done: number;
  readonly total: number;
  /** Seconds since the reporter started. */
  elapsed(): number;
}

/** `1:05`, `1:02:03`. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const [h, m, r] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(r).padStart(2, '0')}`;
}

/** Documents per second, with one decimal under 100. */
export function rate(docs: number, seconds: number): string {
  const r = seconds > 0 ? docs / seconds : 0;
  return r >= 100 ? r.toFixed(0) : r.toFixed(1);
}

const BAR_WIDTH = 24;
/** Terminal redraws at most this often, ms: drawing is not free on a fast run. */
const REDRAW_MS = 100;

export function createProgress(
  stream: ProgressStream,
  total: number,
  options: ProgressOptions = {},
): Progress {
  const now = options.now ?? (() => performance.now());
  const label = options.label ?? 'newsgraph ingest';
  const every = options.every ?? 100;
  const everyMs = options.everyMs ?? 10_000;
  const tty = stream.isTTY === true;
  const started = now();
  let done = 0;
  let lastDraw = -Infinity;
  let lastLine = started;
  let lastLineCount = 0;
  let drawn = false;

  const elapsed = () => (now() - started) / 1000;

  /** `120/300 (40%), 12.3 docs/s, ETA 0:15` — parts that cannot be known yet are left out. */
  function status(): string {
    const seconds = elapsed();
    const parts = [total > 0 ? `${done}/${total}` : `${done}`];
    if (total > 0) parts[0] += ` (${Math.floor((100 * Math.min(done, total)) / total)}%)`;
    if (done > 0 && seconds > 0) {
      parts.push(`${rate(done, seconds)} docs/s`);
      if (total > done) parts.push(`ETA ${clock(((total - done) * seconds) / done)}`);
    }
    return parts.join(', ');
  }

  function draw(force = false): void {
    const t = now();
    if (!force && t - lastDraw < REDRAW_MS) return;
    lastDraw = t;
    const share = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(share * BAR_WIDTH);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
    stream.write(`\r\x1b[K${label} ${bar} ${status()}`);
    drawn = true;
  }

  function clear(): void {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  }

  return {
    addTotal(n) {
      total += n;
      if (tty) draw();
    },
    tick() {
      done++;
      if (tty) {
        draw(done === total);
        return;
      }
      const t = now();
      // The last document needs no line of its own: the summary follows.
      if (done === total) return;
      if (done - lastLineCount >= every || t - lastLine >= everyMs) {
        stream.write(`${label}: ${status()}\n`);
        lastLine = t;
        lastLineCount = done;
      }
    },
    log(line) {
      clear();
      stream.write(`${line}\n`);
      if (tty) draw(true);
    },
    end() {
      clear();
    },
    get done() {
      return done;
    },
    get total() {
      return total;
    },
    elapsed,
  };
}
