/**
 * `newsgraph extract [INPUT...] [--date YYYY-MM-DD] [--format json|jsonl|table|gdelt|polecat|csv] …`
 *
 * One document → one JSON object; several → one JSON object per line (or, with
 * `--format json`, one array). `gdelt`, `polecat` and `csv` print the events of all documents
 * in the layouts of `newsgraph export`, without a store. Bad documents are reported on
 * standard error with their file and line, and the others are still processed. Exit 0: all
 * processed; 1: some failed; 2: nothing could be done.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { NewsgraphError } from '../core/errors.js';
import { createExtractor } from '../extract.js';
import { exportEventsOf } from '../output/export-event.js';
import type { ExtractionResult } from '../output/result.js';
import { DEFAULT_MAX_BYTES } from '../stages/ingest/decode.js';
import { checkPaths, readSources } from '../stages/ingest/sources.js';
import { dateOption, integerOption, parseCommandArgs } from './args.js';
import { EVENT_FORMATS, eventLayout, type EventFormat } from './export.js';
import type { CliIO } from './io.js';
import { readConfig } from './config.js';
import { formatTable } from './table.js';

export const HELP = `Usage: newsgraph extract [INPUT...] [options]

INPUT is a .txt file (its first non-boilerplate line is the title), an .html page, a .jsonl
file (one article a line: {"id"?, "title"?, "text"? | "html"?, "date"?, "url"?}), a
directory (every such file in it, recursively), or - / nothing for standard input.

Options:
  --date YYYY-MM-DD    publication date when the input carries none
  --format FORMAT      json (default for one document), jsonl (default for several), table;
                       or the events of all documents as in 'newsgraph export' (docs/exports.md):
                       gdelt (GDELT 2.0 event rows, 61 tab-separated columns; negated events
                       left out), polecat (PLOVER JSON records, one a line), csv (with header)
  --header             with --format gdelt, a first line naming the columns
  --encoding NAME      character encoding of the input files (default: detected)
  --max-bytes N        maximum size of one document (default ${DEFAULT_MAX_BYTES})
  --kb FILE            your own actors (JSONL, docs/kb.md), over the built-in KB; repeatable
  --config FILE        settings file (default ./newsgraph.config.json when present):
                       {"kb": ["my-actors.jsonl"]}
  --explain            each event also carries "explanation": the sentence with its source,
                       target and trigger marked, the rule and why each argument was chosen
                       (printed under each event with --format table)
  -h, --help           this help

Exit status: 0 all documents processed; 1 some failed (reported on standard error, the
others printed); 2 nothing could be done. Every error line carries a stable NG_ code.
`;

const FORMATS = ['json', 'jsonl', 'table', ...EVENT_FORMATS] as const;
type Format = (typeof FORMATS)[number];

/** Indented JSON, with the offset map's four-number rows kept on one line each. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /\[\s+(\d+),\s+(\d+),\s+(\d+),\s+(\d+)\s+\]/g,
    '[$1, $2, $3, $4]',
  );
}

/** Writes results as they come, in the chosen layout. */
interface Printer {
  add(result: ExtractionResult): void;
  end(): void;
}

/**
 * Whether the inputs name several documents before any is read: several paths, a directory or
 * a JSONL file. Then the default layout is jsonl even if only one document comes out.
 */
async function namesSeveral(paths: readonly string[], cwd: string): Promise<boolean> {
  if (paths.length > 1) return true;
  const [path] = paths;
  if (path === undefined || path === '-') return false;
  if (/\.(?:jsonl|ndjson)$/i.test(path)) return true;
  return (await stat(resolve(cwd, path))).isDirectory();
}

/**
 * The event layouts: every document's events, as they come. Without a store, each event is
 * counted in one article and its DATEADDED / coded time is the moment the run started.
 */
function eventPrinter(io: CliIO, format: EventFormat, header: boolean): Printer {
  const layout = eventLayout(format, { header });
  const startedAt = new Date();
  io.stdout.write(layout.head);
  return {
    add(result) {
      io.stdout.write(exportEventsOf(result, startedAt).map(layout.line).join(''));
    },
    end() {},
  };
}

function createPrinter(io: CliIO, format: Format | undefined, header: boolean): Printer {
  if (format !== undefined && (EVENT_FORMATS as readonly string[]).includes(format)) {
    return eventPrinter(io, format as EventFormat, header);
  }
  const color = Boolean(io.stdout.isTTY) && !process.env.NO_COLOR;
  if (format === 'table') {
    let first = true;
    return {
      add(result) {
        io.stdout.write((first ? '' : '\n') + formatTable(result, { color }));
        first = false;
      },
      end() {},
    };
  }
  if (format === 'jsonl') {
    return {
      add: (result) => io.stdout.write(`${JSON.stringify(result)}\n`),
      end() {},
    };
  }
  if (format === 'json') {
    // One document: one object. Several: one array, streamed.
    let held: ExtractionResult | undefined;
    let count = 0;
    return {
      add(result) {
        count++;
        if (count === 1) held = result;
        else {
          if (count === 2) io.stdout.write(`[\n${prettyJson(held)}`);
          io.stdout.write(`,\n${prettyJson(result)}`);
          held = undefined;
        }
      },
      end() {
        if (count === 1) io.stdout.write(`${prettyJson(held)}\n`);
        else if (count > 1) io.stdout.write('\n]\n');
        else io.stdout.write('[]\n');
      },
    };
  }
  // Default: json for one document, jsonl for several; decided once a second one arrives.
  let held: ExtractionResult | undefined;
  let count = 0;
  return {
    add(result) {
      count++;
      if (count === 1) {
        held = result;
        return;
      }
      if (count === 2) io.stdout.write(`${JSON.stringify(held)}\n`);
      io.stdout.write(`${JSON.stringify(result)}\n`);
      held = undefined;
    },
    end() {
      if (count === 1) io.stdout.write(`${prettyJson(held)}\n`);
    },
  };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    date: { type: 'string' },
    format: { type: 'string' },
    encoding: { type: 'string' },
    'max-bytes': { type: 'string' },
    kb: { type: 'string', multiple: true },
    config: { type: 'string' },
    explain: { type: 'boolean' },
    header: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const format = values.format as Format | undefined;
  if (format !== undefined && !FORMATS.includes(format)) {
    throw new NewsgraphError('NG_USAGE', `--format must be one of ${FORMATS.join(', ')}`);
  }
  if (values.header && format !== 'gdelt') {
    throw new NewsgraphError('NG_USAGE', '--header applies to --format gdelt (csv always has one)');
  }
  const fallbackDate = dateOption(values.date, '--date');
  const maxBytes = integerOption(values['max-bytes'], '--max-bytes') ?? DEFAULT_MAX_BYTES;
  await checkPaths(positionals, io.cwd);

  const kbOverlays = [...readConfig(io.cwd, values.config).kb, ...(values.kb ?? [])].map((f) =>
    resolve(io.cwd, f),
  );
  await checkPaths(kbOverlays, io.cwd);
  const extractor = createExtractor({
    fallbackDate,
    maxBytes,
    kbOverlays,
    explain: values.explain === true,
  });
  await extractor.init();
  const several = await namesSeveral(positionals, io.cwd);
  const printer = createPrinter(
    io,
    format ?? (several ? 'jsonl' : undefined),
    values.header === true,
  );
  let failed = 0;
  let done = 0;
  const sourceOptions = {
    maxBytes,
    cwd: io.cwd,
    readStdin: () => io.readStdin(),
    ...(values.encoding === undefined ? {} : { encoding: values.encoding }),
  };
  const skipped: string[] = [];
  for await (const item of readSources(positionals, sourceOptions, (p) => skipped.push(p))) {
    if (!item.ok) {
      failed++;
      io.stderr.write(`newsgraph extract: ${item.error.toLine()}\n`);
      continue;
    }
    const origin = item.input.origin;
    try {
      const result = extractor.extract(item.input);
      for (const w of result.warnings) {
        const where = origin.line === undefined ? origin.file : `${origin.file}:${origin.line}`;
        io.stderr.write(`newsgraph extract: ${where}: warning ${w.code}: ${w.message}\n`);
      }
      printer.add(result);
      done++;
    } catch (error) {
      failed++;
      const e = error instanceof NewsgraphError ? error : null;
      const line = e
        ? e.withContext(origin).toLine()
        : new NewsgraphError('NG_INTERNAL', String(error), origin).toLine();
      io.stderr.write(`newsgraph extract: ${line}\n`);
    }
  }
  printer.end();
  if (skipped.length) {
    io.stderr.write(
      `newsgraph extract: skipped ${skipped.length} file(s) that are not .txt, .html or .jsonl` +
        ` (first: ${skipped[0]})\n`,
    );
  }
  if (failed > 0) return 1;
  if (done === 0) {
    io.stderr.write('newsgraph extract: NG_INPUT_EMPTY: no document found in the input\n');
    return 2;
  }
  return 0;
}
