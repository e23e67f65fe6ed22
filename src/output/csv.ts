/**
 * CSV as RFC 4180 describes it (https://www.rfc-editor.org/rfc/rfc4180): records end with
 * CRLF; a field holding a comma, a double quote, CR or LF is enclosed in double quotes, and a
 * double quote inside it is doubled. Every other field is written bare.
 *
 * Formula injection. Spreadsheets (Excel, LibreOffice, Google Sheets) run a cell that begins
 * with `=`, `+`, `-` or `@` as a formula, and some also treat a leading tab or CR that way.
 * Our cells carry text taken from news articles, which anyone can write, so a quote such as
 * `=HYPERLINK("http://…")` must not become a live formula when an analyst opens the export.
 * Following OWASP's advice (https://owasp.org/www-community/attacks/CSV_Injection), a *text*
 * cell that begins with one of those characters gets a leading apostrophe, which spreadsheets
 * read as "this is text" and do not display, and is then quoted. Numbers are written as
 * numbers and never prefixed: a Goldstein value of -10 stays -10. The guard changes the cell's
 * text (it is not reversed when the CSV is read back by a program), so it can be turned off
 * with `guardFormulas: false` for pipelines that never open the file in a spreadsheet; the
 * JSON layouts carry the exact text either way.
 */

import { NewsgraphError } from '../core/errors.js';
import type { StoredEvent } from '../store/store.js';
import { splitActorCode } from './actor-code.js';
import { exportEventOfStored, type ExportArgument, type ExportEvent } from './export-event.js';
import { goldsteinScale } from './goldstein.js';

/** What a cell may hold; null and undefined are written as an empty field. */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Prefix text cells that a spreadsheet would run as a formula (default true). */
  guardFormulas?: boolean;
}

/** The characters that make a spreadsheet read a cell as a formula (see the module comment). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, quoted and guarded as needed. */
export function csvCell(value: CsvValue, options: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // NaN and Infinity have no meaning in a spreadsheet column of numbers: leave the cell empty.
    return Number.isFinite(value) ? String(value) : '';
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value;
  const guarded = options.guardFormulas !== false && FORMULA_START.test(text);
  if (guarded) text = `'${text}`;
  // A guarded cell is quoted too, so that the apostrophe and what follows stay one field in
  // tools that strip unquoted whitespace.
  if (guarded || NEEDS_QUOTES.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** One record, with its CRLF line end. */
export function csvRow(values: readonly CsvValue[], options: CsvOptions = {}): string {
  return `${values.map((v) => csvCell(v, options)).join(',')}\r\n`;
}

/**
 * Reads CSV text back into rows of fields (RFC 4180, also accepting bare LF line ends). Does
 * not undo the formula guard. A final line end does not make an empty last record. Malformed
 * text (an unclosed quote, text after a closing quote) is NG_CSV_INVALID.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        const next = text[i + 1];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          throw new NewsgraphError('NG_CSV_INVALID', `text after a closing quote at offset ${i}`);
        }
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (quoted) throw new NewsgraphError('NG_CSV_INVALID', 'the text ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The events as a flat table for spreadsheets: one row per event, one column per fact. The
 * same columns serve `extract --format csv`, `export --format csv` and `query events
 * --format csv`; docs/exports.md describes each.
 */
export const EVENT_CSV_COLUMNS: readonly string[] = [
  'document_id',
  'url',
  'published',
  'event_id',
  'type',
  'mode',
  'cameo',
  'quad_class',
  'goldstein',
  'source_actor',
  'source_name',
  'source_code',
  'source_country',
  'source_text',
  'target_actor',
  'target_name',
  'target_code',
  'target_country',
  'target_text',
  'trigger',
  'negated',
  'modality',
  'date_start',
  'date_end',
  'date_text',
  'location_name',
  'location_country',
  'location_lat',
  'location_lon',
  'attribution',
  'rule',
  'confidence',
  'mentions',
  'num_articles',
];

function argumentCells(arg: ExportArgument | null): CsvValue[] {
  if (!arg) return [null, null, null, null, null];
  // The actor's own country, else the country its code names (`RUSGOV` → RUS).
  const country = arg.country ?? splitActorCode(arg.code).country;
  return [arg.actor, arg.name, arg.code, country, arg.text];
}

/** The cells of one event, in EVENT_CSV_COLUMNS order. */
export function eventCsvCells(e: ExportEvent): CsvValue[] {
  const event = e.event;
  return [
    e.documentId,
    e.url,
    e.published,
    event.id,
    event.type,
    event.mode,
    event.cameo,
    event.quadClass,
    goldsteinScale().get(event.cameo),
    ...argumentCells(e.source),
    ...argumentCells(e.target),
    event.trigger.text,
    event.negated,
    event.modality,
    event.date?.start,
    event.date?.end,
    event.date?.text || null,
    event.location?.name,
    event.location?.country,
    event.location?.lat,
    event.location?.lon,
    event.attribution,
    event.rule,
    event.confidence,
    Math.max(1, event.mentions.length),
    e.numArticles,
  ];
}

/** The cells of a stored event (for `query events --format csv`). */
export function storedEventCsvCells(stored: StoredEvent): CsvValue[] {
  return eventCsvCells(exportEventOfStored(stored, { result: null, addedAt: '' }));
}
