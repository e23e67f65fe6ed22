/**
 * The GDELT 2.0 Event table layout: 61 tab-separated columns per event, in the order of the
 * GDELT Event Codebook V2.0 (http://data.gdeltproject.org/documentation/GDELT-Event_Codebook-V2.0.pdf),
 * one event a line, no header (GDELT's files have none). We fill what our extraction knows and
 * leave the rest empty; docs/exports.md goes through every column.
 *
 * GDELT has no column saying that an event did not happen, so negated events are not written
 * (a row would assert what the text denies); the CSV and PLOVER layouts keep them, flagged.
 */
import { createHash } from 'node:crypto';
import { splitActorCode } from './actor-code.js';
import { countries } from './countries.js';
import type { ExportArgument, ExportEvent } from './export-event.js';
import { goldsteinScale } from './goldstein.js';

const ACTOR_COLUMNS = [
  'Code',
  'Name',
  'CountryCode',
  'KnownGroupCode',
  'EthnicCode',
  'Religion1Code',
  'Religion2Code',
  'Type1Code',
  'Type2Code',
  'Type3Code',
];
const GEO_COLUMNS = [
  'Type',
  'FullName',
  'CountryCode',
  'ADM1Code',
  'ADM2Code',
  'Lat',
  'Long',
  'FeatureID',
];

/** The 61 column names, in codebook order. */
export const GDELT_COLUMNS: readonly string[] = [
  'GLOBALEVENTID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  ...ACTOR_COLUMNS.map((c) => `Actor1${c}`),
  ...ACTOR_COLUMNS.map((c) => `Actor2${c}`),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...GEO_COLUMNS.map((c) => `Actor1Geo_${c}`),
  ...GEO_COLUMNS.map((c) => `Actor2Geo_${c}`),
  ...GEO_COLUMNS.map((c) => `ActionGeo_${c}`),
  'DATEADDED',
  'SOURCEURL',
];

type Cell = string | number | null;

/**
 * A stable positive integer for an event: the first 13 hex digits (52 bits) of the SHA-256 of
 * `<documentId>/<event id>`. It fits a signed 64-bit column and a JavaScript number exactly,
 * and the same stored event gets the same id in every export. (GDELT's own ids are a
 * sequence; ours cannot be one without a central counter.)
 */
export function gdeltEventId(documentId: string, eventId: string): number {
  const hex = createHash('sha256').update(`${documentId}/${eventId}`, 'utf8').digest('hex');
  return Number.parseInt(hex.slice(0, 13), 16);
}

/**
 * GDELT's FractionDate. The codebook gives (MONTH * 30 + DAY) / 365, but GDELT's files count
 * the month from zero (20190125 is written 2019.0685 = 2019 + 25/365), so we do the same.
 */
function fractionDate(year: number, month: number, day: number): string {
  return (year + ((month - 1) * 30 + day) / 365).toFixed(4);
}

function dateCells(date: string | null): Cell[] {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!m) return [null, null, null, null];
  const [, y = '', mo = '', d = ''] = m;
  return [`${y}${mo}${d}`, `${y}${mo}`, y, fractionDate(Number(y), Number(mo), Number(d))];
}

function actorCells(arg: ExportArgument | null): Cell[] {
  // Words that name no known actor and carry no code ("both sides") are no GDELT actor.
  if (!arg || (arg.actor === null && arg.code === null)) return ACTOR_COLUMNS.map(() => null);
  const parts = splitActorCode(arg.code);
  // GDELT writes names in capitals (UNITED NATIONS); ours is the KB name, else the text's words.
  const name = (arg.name ?? arg.text).toUpperCase() || null;
  return [
    arg.code,
    name,
    parts.country ?? (arg.code === null ? arg.country : null),
    parts.knownGroup,
    null, // ethnic codes: see actor-code.ts
    parts.religions[0] ?? null,
    parts.religions[1] ?? null,
    parts.types[0] ?? null,
    parts.types[1] ?? null,
    parts.types[2] ?? null,
  ];
}

/**
 * GDELT geography: a gazetteer city (it has coordinates) is a city match, type 4 (3 in the
 * United States); a place that names a whole country is a country match, type 1, with the
 * FIPS code also as ADM1Code and FeatureID as GDELT writes them; any other place without
 * coordinates (a KB region such as Crimea) is taken as a first-order division, type 5 (2 in
 * the United States). No place, or one in no single country: type 0 and empty fields, as in
 * GDELT's files.
 */
function geoCells(
  location: ExportEvent['event']['location'],
  isCountry: boolean | null = null,
): Cell[] {
  const country = location?.country ? countries().get(location.country) : undefined;
  // A place in no one country ("the Middle East") has no GDELT geography: GDELT's places
  // are all within a country.
  if (!location || !country) return [0, null, null, null, null, null, null, null];
  // FIPS splits Palestine in two: the West Bank (WE, the table's code) and Gaza (GZ).
  const fips = country.iso3 === 'PSE' && /\bgaza\b/i.test(location.name) ? 'GZ' : country.fips;
  const us = country.iso3 === 'USA';
  const hasPoint = location.lat !== null && location.lon !== null;
  // Without the document's actors to tell, a country's own short name still tells.
  const wholeCountry =
    !hasPoint && (isCountry ?? countries().byName(location.name)?.iso3 === country.iso3);
  if (wholeCountry) return [1, country.name, fips, fips, null, null, null, fips];
  const fullName = `${location.name}, ${country.name}`;
  const type = hasPoint ? (us ? 3 : 4) : us ? 2 : 5;
  return [type, fullName, fips, null, null, location.lat, location.lon, null];
}

/** YYYYMMDDHHMMSS in UTC, as GDELT's DATEADDED. */
function dateAdded(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** The 61 cells of one event, or null for an event GDELT cannot express (negated). */
export function gdeltCells(e: ExportEvent): Cell[] | null {
  const event = e.event;
  if (event.negated) return null;
  const cameo = event.cameo;
  const cells: Cell[] = [
    gdeltEventId(e.documentId, event.id),
    ...dateCells(event.date?.start ?? e.published),
    ...actorCells(e.source),
    ...actorCells(e.target),
    e.lead === null ? null : e.lead ? 1 : 0,
    cameo,
    cameo.length > 3 ? cameo.slice(0, 3) : cameo,
    cameo.slice(0, 2),
    event.quadClass,
    goldsteinScale().get(cameo) ?? null,
    Math.max(1, event.mentions.length),
    1,
    e.numArticles,
    null, // AvgTone: we measure no tone
    ...geoCells(null), // Actor1Geo: we do not locate actors, only events
    ...geoCells(null),
    ...geoCells(event.location, e.locationIsCountry),
    dateAdded(e.addedAt),
    e.url,
  ];
  return cells;
}

/** A cell as text: tabs and line breaks would break the layout, so they become spaces. */
function tsvCell(cell: Cell): string {
  if (cell === null) return '';
  return String(cell).replace(/[\t\r\n]+/g, ' ');
}

/** One line (with its `\n`) for an event, or '' for an event GDELT cannot express. */
export function gdeltLine(e: ExportEvent): string {
  const cells = gdeltCells(e);
  return cells ? `${cells.map(tsvCell).join('\t')}\n` : '';
}

/** The optional header line (`--header`). */
export function gdeltHeader(): string {
  return `${GDELT_COLUMNS.join('\t')}\n`;
}
