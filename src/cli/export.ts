/**
 * `newsgraph export --format gdelt|polecat|csv [--db URL] [filters] [--output FILE] [--header]`
 *
 * Writes the stored events, page by page, in a layout other tools read: the GDELT 2.0 Event
 * table, PLOVER/POLECAT JSON lines, or CSV for spreadsheets (docs/exports.md). The store is
 * opened read-only and must exist. With --output the file appears only when complete: the
 * export goes to a temporary file beside it, renamed at the end.
 */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { NewsgraphError } from '../core/errors.js';
import { csvRow, EVENT_CSV_COLUMNS, eventCsvCells } from '../output/csv.js';
import { exportEventOfStored, type ExportEvent } from '../output/export-event.js';
import { gdeltHeader, gdeltLine } from '../output/gdelt.js';
import { defaultCoder, ploverLine } from '../output/polecat.js';
import type { ExtractionResult } from '../output/result.js';
import { DEFAULT_STORE_URL, openStore } from '../store/open.js';
import type { Page, QueryFilter, Store, StoredEvent } from '../store/store.js';
import { parseCommandArgs, STORE_FILTER_OPTIONS, storeFilter } from './args.js';
import type { CliIO } from './io.js';

export const HELP = `Usage: newsgraph export --format FORMAT [options]

Writes the stored events in a layout other tools read (see docs/exports.md):
  gdelt     the GDELT 2.0 Event table: 61 tab-separated columns, no header; negated events
            are left out (GDELT cannot say that an event did not happen)
  polecat   PLOVER/POLECAT-style JSON records, one a line
  csv       one row per event with a header row, for spreadsheets (RFC 4180; text cells that
            a spreadsheet would run as a formula start with an apostrophe)

Options:
  --format FORMAT      gdelt, polecat or csv (required)
  --db URL             the store (default ${DEFAULT_STORE_URL}); opened read-only
  --actor ID           events with this actor (KB id) as source or target
  --type TYPE          a PLOVER type (ACCUSE) or a CAMEO code prefix (12, 125)
  --country ISO3       an argument's or the location's country (UKR)
  --since YYYY-MM-DD   events on or after this date (the event's date, else publication)
  --until YYYY-MM-DD   events on or before this date
  --text WORDS         events of articles whose text matches (full-text search)
  --output FILE        write to FILE (it appears only when complete) instead of standard output
  --header             with --format gdelt, a first line naming the columns
  -h, --help           this help

Exit status: 0 done (also when no event matches: a note says so on standard error);
2 nothing could be done (usage, no such store, unwritable output). Errors carry an NG_ code.
`;

export const EVENT_FORMATS = ['gdelt', 'polecat', 'csv'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** One event layout: what goes first, and the text of each event ('' for one it leaves out). */
export interface EventLayout {
  head: string;
  line(event: ExportEvent): string;
}

export function eventLayout(
  format: EventFormat,
  options: { header?: boolean; coder?: string } = {},
): EventLayout {
  if (format === 'gdelt') {
    return { head: options.header ? gdeltHeader() : '', line: gdeltLine };
  }
  if (format === 'polecat') {
    const coder = options.coder ?? defaultCoder();
    return { head: '', line: (e) => ploverLine(e, coder) };
  }
  return { head: csvRow(EVENT_CSV_COLUMNS), line: (e) => csvRow(eventCsvCells(e)) };
}

/** Where the export goes: standard output, or a temporary file renamed into place at the end. */
interface Sink {
  write(text: string): Promise<void>;
  finish(): Promise<void>;
  abandon(): Promise<void>;
}

function unwritable(file: string, error: unknown): NewsgraphError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new NewsgraphError('NG_OUTPUT_UNWRITABLE', `cannot write ${file} (${reason})`, {
    file,
  });
}

async function fileSink(file: string): Promise<Sink> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  let handle: FileHandle;
  try {
    handle = await open(temp, 'w');
  } catch (error) {
    throw unwritable(file, error);
  }
  return {
    async write(text) {
      try {
        await handle.write(text);
      } catch (error) {
        throw unwritable(file, error);
      }
    },
    async finish() {
      try {
        await handle.close();
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw unwritable(file, error);
      }
    },
    async abandon() {
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
    },
  };
}

function stdoutSink(io: CliIO): Sink {
  return {
    write: async (text) => {
      io.stdout.write(text);
    },
    finish: async () => undefined,
    abandon: async () => undefined,
  };
}

/**
 * What an exported event needs from its document besides the event row: the whole result (for
 * the sentence text and the lead) and the ingest time. Events come in store order, document
 * by document, so a few documents are kept.
 */
function documentContexts(store: Store) {
  const kept = new Map<string, { result: ExtractionResult | null; addedAt: string }>();
  return async (documentId: string) => {
    let context = kept.get(documentId);
    if (!context) {
      const [result, documents] = await Promise.all([
        store.result(documentId),
        store.documents({ document: documentId, limit: 1 }),
      ]);
      const ingested = documents.items[0]?.ingestedAt;
      context = { result, addedAt: ingested ?? new Date().toISOString() };
      if (kept.size >= 16) kept.delete(kept.keys().next().value as string);
      kept.set(documentId, context);
    }
    return context;
  };
}

/**
 * Writes the events a filter selects, one page (of `pageSize`) at a time, through `write`.
 * Returns how many were written and how many the layout left out.
 */
export async function writeEvents(
  store: Store,
  filter: QueryFilter,
  layout: EventLayout,
  write: (text: string) => Promise<void>,
  pageSize = 1000,
): Promise<{ written: number; left: number }> {
  const contextOf = documentContexts(store);
  let written = 0;
  let left = 0;
  let cursor: string | null = null;
  do {
    const page: Page<StoredEvent> = await store.events({
      ...filter,
      limit: pageSize,
      ...(cursor === null ? {} : { cursor }),
    });
    let chunk = '';
    for (const stored of page.items) {
      const line = layout.line(exportEventOfStored(stored, await contextOf(stored.documentId)));
      if (line === '') left++;
      else written++;
      chunk += line;
    }
    await write(chunk);
    cursor = page.next;
  } while (cursor !== null);
  return { written, left };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    ...STORE_FILTER_OPTIONS,
    output: { type: 'string', short: 'o' },
    header: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length > 0) {
    throw new NewsgraphError('NG_USAGE', `unexpected argument "${positionals[0]}"`);
  }
  const format = values.format as EventFormat | undefined;
  if (format === undefined || !EVENT_FORMATS.includes(format)) {
    throw new NewsgraphError(
      'NG_USAGE',
      format === undefined
        ? `--format is required: ${EVENT_FORMATS.join(', ')}`
        : `--format must be one of ${EVENT_FORMATS.join(', ')}, got "${format}"`,
    );
  }
  if (values.header && format === 'polecat') {
    throw new NewsgraphError('NG_USAGE', '--header applies to --format gdelt (csv always has one)');
  }
  const country = values.country?.toUpperCase();
  if (country !== undefined && !/^[A-Z]{3}$/.test(country)) {
    throw new NewsgraphError(
      'NG_USAGE',
      `--country must be an ISO 3166-1 alpha-3 code (UKR), got "${values.country}"`,
    );
  }
  const filter = storeFilter(values, ['actor', 'type', 'text']);
  if (country !== undefined) filter.country = country;

  const layout = eventLayout(format, { header: values.header === true });
  // The output is checked before the store is read: a wrong path fails at once.
  const output = values.output === undefined ? null : resolve(io.cwd, values.output);
  const sink = output ? await fileSink(output) : stdoutSink(io);
  let store: Store | undefined;
  let written = 0;
  let left = 0;
  try {
    store = await openStore(values.db, { cwd: io.cwd, mustExist: true, readonly: true });
    await sink.write(layout.head);
    ({ written, left } = await writeEvents(store, filter, layout, (text) => sink.write(text)));
    await sink.finish();
  } catch (error) {
    await sink.abandon();
    throw error;
  } finally {
    await store?.close();
  }
  const where = store?.location ?? values.db ?? DEFAULT_STORE_URL;
  if (written === 0 && left === 0) {
    io.stderr.write(`newsgraph export: no stored event in ${where} matches; nothing to export\n`);
  }
  if (left > 0) {
    io.stderr.write(
      `newsgraph export: left out ${left} negated event(s): GDELT cannot say an event did not happen\n`,
    );
  }
  if (output) io.stderr.write(`newsgraph export: ${written} event(s) written to ${output}\n`);
  return 0;
}
