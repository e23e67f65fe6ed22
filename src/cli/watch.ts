/**
 * `newsgraph watch FEED... [--interval 15m] [--db URL] [--once | --polls N]`
 *
 * Polls feeds and stores their new items through the same code as `ingest`. Items already
 * stored are recognised by URL before they are downloaded, so a poll that finds nothing new
 * costs one request per feed. One line per stored article on standard output; failures and
 * a line per poll on standard error. SIGINT/SIGTERM stop after the document in hand.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { NewsgraphError } from '../core/errors.js';
import { ingest, type DocumentOutcome } from '../ingest/ingest.js';
import { isHttpUrl } from '../sources/http.js';
import { integerOption, parseCommandArgs } from './args.js';
import type { CliIO } from './io.js';
import {
  SESSION_HELP,
  SESSION_OPTIONS,
  openSession,
  reportTo,
  secondsOption,
  stopOnSignals,
  summaryLine,
} from './ingest.js';

export const DEFAULT_INTERVAL = '15m';

export const HELP = `Usage: newsgraph watch FEED... [options]

Polls RSS 2.0, RSS 1.0 and Atom feeds (http or https URLs) and stores the articles their
items link to, as 'newsgraph ingest' does. Items already stored are not downloaded again.
Prints one line per stored article: time, "added" or "copy-of <id>", its id, its URL and
its title. SIGINT or SIGTERM (Ctrl-C) stops after the documents in hand are stored.

Options:
  --interval DURATION  time between the starts of two polls (default ${DEFAULT_INTERVAL}; 90s, 1h…)
  --once               poll once and exit
  --polls N            poll N times and exit
${SESSION_HELP}

Exit status: 0 no document failed; 1 some failed (each reported as "origin: NG_CODE:
message"); 2 nothing could be done. See docs/ingest.md.
`;

/** Waits `seconds`; false when the signal cut the wait short. */
async function pause(seconds: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleep(seconds * 1000, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

function timeOfDay(date = new Date()): string {
  return date.toISOString().slice(0, 19).replace('T', ' ') + 'Z';
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const label = 'newsgraph watch';
  const { values, positionals } = parseCommandArgs(args, {
    ...SESSION_OPTIONS,
    interval: { type: 'string' },
    once: { type: 'boolean' },
    polls: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length === 0) {
    throw new NewsgraphError(
      'NG_USAGE',
      "name at least one feed URL (see 'newsgraph watch --help')",
    );
  }
  const notUrl = positionals.find((p) => !isHttpUrl(p));
  if (notUrl !== undefined) {
    throw new NewsgraphError(
      'NG_USAGE',
      `watch polls feeds over http(s); "${notUrl}" is not an http or https URL (use 'newsgraph ingest' for files)`,
    );
  }
  if (values.once && values.polls !== undefined) {
    throw new NewsgraphError('NG_USAGE', '--once and --polls do not go together');
  }
  const interval = secondsOption(values.interval ?? DEFAULT_INTERVAL, '--interval')!;
  const polls = values.once ? 1 : (integerOption(values.polls, '--polls') ?? Infinity);

  const session = await openSession(values, io);
  const stop = stopOnSignals(io, label);
  let failed = 0;
  const added = (outcome: DocumentOutcome) => {
    if (outcome.status === 'new' || outcome.status === 'duplicate') {
      const what = outcome.status === 'new' ? 'added' : `copy-of ${outcome.of}`;
      const title = outcome.title === null ? '' : `\t${outcome.title}`;
      io.stdout.write(`${timeOfDay()}\t${what}\t${outcome.id}\t${outcome.origin}${title}\n`);
    }
  };
  const hooks = reportTo((line) => io.stderr.write(`${line}\n`), label, added);
  try {
    for (let poll = 1; poll <= polls && !stop.signal.aborted; poll++) {
      const started = performance.now();
      const summary = await ingest(positionals, { ...session, ...hooks, signal: stop.signal });
      failed += summary.failed;
      const seconds = (performance.now() - started) / 1000;
      const last = poll === polls || summary.stopped;
      const wait = Math.max(0, interval - seconds);
      const next = last ? '' : `; next poll in ${wait.toFixed(0)} s`;
      io.stderr.write(
        `${label}: poll ${poll}: ${summaryLine(summary, seconds, session.store.location)}${next}\n`,
      );
      if (last) break;
      // The interval runs from the start of one poll to the start of the next.
      if (!(await pause(wait, stop.signal))) break;
    }
  } finally {
    stop.remove();
    await session.close();
  }
  return failed > 0 ? 1 : 0;
}
