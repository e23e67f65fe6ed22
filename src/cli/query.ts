/**
 * `newsgraph query events|actors|quotes|documents [--db URL] [filters] [--limit N] [--format F]`
 *
 * Reads the store (opened read-only; it must exist) page by page and prints what matches:
 * a table for people (the default on a terminal), JSON lines for programs (the default
 * otherwise), a JSON array, or CSV. `--actor` takes a KB id or an actor's name.
 */
import { NewsgraphError } from '../core/errors.js';
import { csvRow, EVENT_CSV_COLUMNS, storedEventCsvCells, type CsvValue } from '../output/csv.js';
import { DEFAULT_STORE_URL, openStore } from '../store/open.js';
import { ACTOR_TYPES } from '../kb/schema.js';
import type {
  Page,
  QueryFilter,
  Store,
  StoredActor,
  StoredDocument,
  StoredEvent,
  StoredQuote,
} from '../store/store.js';
import { integerOption, parseCommandArgs, STORE_FILTER_OPTIONS, storeFilter } from './args.js';
import type { CliIO } from './io.js';
import { alignColumns } from './table.js';

export const HELP = `Usage: newsgraph query events|actors|quotes|documents [options]

Prints what the store holds: events, actors (with how many documents and mentions), quotes
or documents. Filters combine (all must hold).

Options:
  --db URL             the store (default ${DEFAULT_STORE_URL}); opened read-only, must exist
  --actor ID|NAME      an actor's KB id (kallas-kaja) or name, any case ("Kaja Kallas"):
                       events with it as source or target, its quotes, the documents that
                       mention it
  --type TYPE          events, documents: a PLOVER type (ACCUSE) or a CAMEO code prefix (12);
                       actors: an actor type (${ACTOR_TYPES.join(', ')})
  --country ISO3       an actor's country or code prefix, or an event's location (UKR)
  --since YYYY-MM-DD   events dated on or after it (their date, else the publication date);
                       others: published on or after it
  --until YYYY-MM-DD   likewise, on or before it
  --text WORDS         from documents whose title or text holds all these words
  --document ID        from this document
  --limit N            at most N items (default: all)
  --format FORMAT      table (default on a terminal), jsonl (default otherwise: one JSON
                       object a line), json (one array), csv (with a header row)
  -h, --help           this help

Exit status: 0 done (also when nothing matches: a note says so on standard error);
2 nothing could be done (usage, no such store, damaged store). Errors carry an NG_ code.
`;

const LISTINGS = ['events', 'actors', 'quotes', 'documents'] as const;
type Listing = (typeof LISTINGS)[number];
const FORMATS = ['table', 'jsonl', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

type Item = StoredEvent | StoredActor | StoredQuote | StoredDocument;

/** The most items asked for in one page. */
const PAGE_SIZE = 1000;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Each listing's columns: for tables (people) and CSV (spreadsheets). */
interface Columns<T> {
  table: string[];
  tableRow(item: T): string[];
  csv: readonly string[];
  csvRow(item: T): CsvValue[];
}

const EVENT_COLUMNS: Columns<StoredEvent> = {
  table: ['date', 'type', 'cameo', 'source', 'target', 'trigger', 'document'],
  tableRow: (e) => [
    e.date
      ? e.date.start === e.date.end
        ? e.date.start
        : `${e.date.start}…${e.date.end}`
      : (e.published ?? '—'),
    `${e.negated ? 'not ' : ''}${e.type}`,
    e.cameo,
    clip(e.sourceActor?.name ?? e.source.text, 30),
    clip(e.targetActor?.name ?? e.target?.text ?? '—', 30),
    clip(e.trigger.text, 30),
    e.documentId,
  ],
  csv: EVENT_CSV_COLUMNS,
  csvRow: storedEventCsvCells,
};

const QUOTE_COLUMNS: Columns<StoredQuote> = {
  table: ['published', 'speaker', 'kind', 'text', 'document'],
  tableRow: (q) => [
    q.published ?? '—',
    clip(q.speakerText ?? q.speaker ?? '?', 30),
    q.kind,
    clip(q.text, 70),
    q.documentId,
  ],
  csv: [
    'document_id',
    'quote_id',
    'published',
    'speaker',
    'speaker_text',
    'kind',
    'cue',
    'text',
    'start',
    'end',
  ],
  csvRow: (q) => [
    q.documentId,
    q.id,
    q.published,
    q.speaker,
    q.speakerText,
    q.kind,
    q.cue,
    q.text,
    q.start,
    q.end,
  ],
};

const ACTOR_COLUMNS: Columns<StoredActor> = {
  table: ['id', 'name', 'type', 'code', 'country', 'documents', 'mentions'],
  tableRow: (a) => [
    a.id,
    clip(a.name, 40),
    a.type,
    a.code ?? '—',
    a.country ?? '—',
    String(a.documents),
    String(a.mentions),
  ],
  csv: ['id', 'name', 'type', 'code', 'country', 'role', 'documents', 'mentions'],
  csvRow: (a) => [a.id, a.name, a.type, a.code, a.country, a.role, a.documents, a.mentions],
};

const DOCUMENT_COLUMNS: Columns<StoredDocument> = {
  table: ['id', 'published', 'title', 'actors', 'quotes', 'events', 'copy of'],
  tableRow: (d) => [
    d.id,
    d.published ?? '—',
    clip(d.title ?? '(no title)', 60),
    String(d.counts.actors),
    String(d.counts.quotes),
    String(d.counts.events),
    d.duplicateOf ?? '',
  ],
  csv: [
    'id',
    'published',
    'title',
    'language',
    'url',
    'origin',
    'content_hash',
    'simhash',
    'duplicate_of',
    'ingested_at',
    'actors',
    'quotes',
    'events',
  ],
  csvRow: (d) => [
    d.id,
    d.published,
    d.title,
    d.language,
    d.url,
    d.origin,
    d.contentHash,
    d.simhash,
    d.duplicateOf,
    d.ingestedAt,
    d.counts.actors,
    d.counts.quotes,
    d.counts.events,
  ],
};

const COLUMNS: Record<Listing, Columns<Item>> = {
  events: EVENT_COLUMNS,
  quotes: QUOTE_COLUMNS,
  actors: ACTOR_COLUMNS,
  documents: DOCUMENT_COLUMNS,
};

/** Prints items as they come (a table waits for all of them, to align its columns). */
interface Printer {
  add(items: Item[]): void;
  end(): void;
}

function createPrinter(io: CliIO, listing: Listing, format: Format): Printer {
  const columns = COLUMNS[listing];
  if (format === 'jsonl') {
    return {
      add: (items) => io.stdout.write(items.map((i) => `${JSON.stringify(i)}\n`).join('')),
      end() {},
    };
  }
  if (format === 'json') {
    let count = 0;
    return {
      add(items) {
        for (const item of items) {
          io.stdout.write(`${count++ === 0 ? '[\n' : ',\n'}${JSON.stringify(item, null, 2)}`);
        }
      },
      end: () => io.stdout.write(count === 0 ? '[]\n' : '\n]\n'),
    };
  }
  if (format === 'csv') {
    io.stdout.write(csvRow(columns.csv));
    return {
      add: (items) => io.stdout.write(items.map((i) => csvRow(columns.csvRow(i))).join('')),
      end() {},
    };
  }
  const color = Boolean(io.stdout.isTTY) && !process.env.NO_COLOR;
  const rows: string[][] = [];
  return {
    add: (items) => rows.push(...items.map((i) => columns.tableRow(i))),
    end() {
      if (rows.length === 0) return;
      const [header = '', ...lines] = alignColumns([columns.table, ...rows]);
      io.stdout.write(`${color ? `\u001b[1m${header}\u001b[0m` : header}\n`);
      io.stdout.write(lines.map((line) => `${line}\n`).join(''));
    },
  };
}

/**
 * The actor id `--actor` names: an exact stored id, else the one stored actor of that name
 * (any case). Several of that name: a usage error listing them. None: null.
 */
async function resolveActor(store: Store, given: string): Promise<string | null> {
  if ((await store.actors({ actor: given, limit: 1 })).items.length) return given;
  const named = (await store.actors({ name: given, limit: 20 })).items;
  if (named.length === 1) return named[0]?.id ?? null;
  if (named.length > 1) {
    const list = named.map((a) => `${a.id} (${a.type}${a.country ? `, ${a.country}` : ''})`);
    throw new NewsgraphError(
      'NG_USAGE',
      `--actor "${given}" names ${named.length} actors: ${list.join('; ')}; pass one id`,
    );
  }
  return null;
}

function list(store: Store, listing: Listing, filter: QueryFilter): Promise<Page<Item>> {
  return store[listing](filter) as Promise<Page<Item>>;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...STORE_FILTER_OPTIONS,
    document: { type: 'string' },
    limit: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const [listing, extra] = positionals as [Listing | undefined, string | undefined];
  if (listing === undefined || !LISTINGS.includes(listing)) {
    throw new NewsgraphError(
      'NG_USAGE',
      `${listing === undefined ? 'say what to list' : `cannot list "${listing}"`}: ` +
        `newsgraph query ${LISTINGS.join('|')} (--help for options)`,
    );
  }
  if (extra !== undefined) throw new NewsgraphError('NG_USAGE', `unexpected argument "${extra}"`);
  const format = (values.format ?? (io.stdout.isTTY ? 'table' : 'jsonl')) as Format;
  if (!FORMATS.includes(format)) {
    throw new NewsgraphError(
      'NG_USAGE',
      `--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`,
    );
  }
  const filter = storeFilter(values, ['type', 'country', 'text', 'document']);
  const limit = integerOption(values.limit, '--limit');

  const store = await openStore(values.db, { cwd: io.cwd, mustExist: true, readonly: true });
  let printer: Printer | undefined;
  let printed = 0;
  try {
    let actorKnown = true;
    if (values.actor !== undefined) {
      const actor = await resolveActor(store, values.actor);
      if (actor === null) actorKnown = false;
      else filter.actor = actor;
    }
    printer = createPrinter(io, listing, format);
    if (!actorKnown) {
      io.stderr.write(
        `newsgraph query: no stored actor has the id or name "${clip(values.actor ?? '', 80)}"` +
          ` (newsgraph query actors lists them)\n`,
      );
    } else {
      // Page by page, so that a large answer never sits in memory whole (tables excepted).
      let cursor: string | undefined;
      do {
        const want = limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, limit - printed);
        const page = await list(store, listing, {
          ...filter,
          limit: want,
          ...(cursor === undefined ? {} : { cursor }),
        });
        printer.add(page.items);
        printed += page.items.length;
        cursor = page.next ?? undefined;
      } while (cursor !== undefined && (limit === undefined || printed < limit));
      if (printed === 0) {
        io.stderr.write(`newsgraph query: no stored ${listing} match in ${store.location}\n`);
      }
    }
  } finally {
    await store.close();
  }
  printer.end();
  return 0;
}
