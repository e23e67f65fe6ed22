/**
 * `newsgraph kb check`: everything that can be wrong with the knowledge base, reported at
 * once, each with its file and line.
 *
 * `loadKnowledgeBase` stops at the first bad record because the pipeline must not run on a
 * broken KB; an editor fixing the KB wants the whole list instead. So this module reads the
 * raw records itself and never stops: invalid JSON and schema errors are reported and the
 * record left out, and the checks that follow (duplicate ids, alias clashes, overlapping
 * roles, stale `asOf`, disagreement with Archigos) run on the records that remain, with the
 * same override rule as the loader (a later record of an id wins).
 *
 * Severity: a *problem* makes the linker wrong or the KB unloadable (exit 1); a *warning* is
 * something a reviewer should look at but that the linker copes with; *info* only says what
 * happened (an overlay replacing an actor).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { asNewsgraphError, NewsgraphError, type Warning } from '../core/errors.js';
import { decodeBytes } from '../stages/ingest/decode.js';
import { aliasKey, transliterations } from './normalize.js';
import { validateActor, type KbActor, type KbRole } from './schema.js';

export type IssueKind =
  | 'file'
  | 'json'
  | 'schema'
  | 'duplicate-id'
  | 'overlay'
  | 'alias-clash'
  | 'role-overlap'
  | 'stale'
  | 'archigos';

export interface CheckIssue {
  file: string;
  /** 1-based line; 0 when the issue concerns the whole file. */
  line: number;
  kind: IssueKind;
  message: string;
}

/** A valid record and where it was read. */
export interface LoadedActor {
  actor: KbActor;
  file: string;
  line: number;
  /** Read from a user's `--kb` file, which may replace base actors. */
  overlay: boolean;
}

export interface RawKnowledgeBase {
  /** Valid actors by id, in load order; a later record of an id replaces the earlier one. */
  actors: Map<string, LoadedActor>;
  /** Non-blank lines read. */
  records: number;
  /** Lines left out (invalid JSON or schema errors). */
  invalid: number;
  problems: CheckIssue[];
  warnings: CheckIssue[];
  info: CheckIssue[];
}

/** KB files are reviewed text, but people-world may grow large; only refuse absurd sizes. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * A text file as a string, refusing binary data and undecodable bytes (`decodeBytes`), with
 * a missing path as NG_INPUT_NOT_FOUND. `what` names the file in messages ("KB file").
 */
export function readTextFile(
  file: string,
  what: string,
): { text: string; encoding: string; warnings: Warning[] } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'EISDIR' ? `${what} is a directory: ${file}` : `${what} not found: ${file}`;
    // The message names the file already; a context would print it twice.
    throw new NewsgraphError('NG_INPUT_NOT_FOUND', message);
  }
  try {
    const decoded = decodeBytes(bytes, { maxBytes: MAX_FILE_BYTES });
    return { text: decoded.text, encoding: decoded.encoding, warnings: decoded.warnings };
  } catch (error) {
    throw asNewsgraphError(error, { file });
  }
}

/** The KB files of a directory as the loader takes them: every `*.jsonl` but agents. */
export function kbDirFiles(dir: string): string[] {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new NewsgraphError('NG_INPUT_NOT_FOUND', `KB directory not found: ${dir}`);
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl') && f !== 'agents.jsonl')
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Reads every record of `files` then `overlays`, reporting instead of throwing: unreadable
 * files, invalid JSON, schema errors and duplicate ids. Only a missing file throws
 * (NG_INPUT_NOT_FOUND): a path given by mistake is a usage error, not a KB defect.
 */
export function readKbRecords(
  files: string[],
  overlays: string[] = [],
  label: (path: string) => string = (path) => path,
): RawKnowledgeBase {
  const kb: RawKnowledgeBase = {
    actors: new Map(),
    records: 0,
    invalid: 0,
    problems: [],
    warnings: [],
    info: [],
  };
  const seen = new Map<string, { file: string; line: number }>();
  const all = [
    ...files.map((file) => ({ file, overlay: false })),
    ...overlays.map((file) => ({ file, overlay: true })),
  ];
  for (const { file: path, overlay } of all) {
    const file = label(path);
    let text: string;
    try {
      const decoded = readTextFile(path, 'KB file');
      text = decoded.text;
      if (decoded.encoding !== 'utf-8') {
        kb.problems.push({
          file,
          line: 0,
          kind: 'file',
          message: `not UTF-8 (the bytes look like ${decoded.encoding}); save the file as UTF-8`,
        });
      }
    } catch (error) {
      const e = asNewsgraphError(error);
      if (e.code === 'NG_INPUT_NOT_FOUND') throw e;
      if (e.code === 'NG_INPUT_EMPTY') {
        kb.warnings.push({
          file,
          line: 0,
          kind: 'file',
          message: 'empty: the file holds no records',
        });
      } else {
        kb.problems.push({ file, line: 0, kind: 'file', message: `${e.code}: ${e.message}` });
      }
      continue;
    }
    let records = 0;
    text.split('\n').forEach((raw, i) => {
      const line = i + 1;
      if (!raw.trim()) return;
      records++;
      kb.records++;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        kb.invalid++;
        kb.problems.push({
          file,
          line,
          kind: 'json',
          message: `invalid JSON: ${(error as Error).message}`,
        });
        return;
      }
      const id =
        typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string'
          ? value.id
          : undefined;
      if (id !== undefined) {
        const before = seen.get(id);
        if (before && overlay && before.file !== file) {
          kb.info.push({
            file,
            line,
            kind: 'overlay',
            message: `overlay: replaces "${id}" from ${before.file}:${before.line}`,
          });
        } else if (before) {
          const where =
            before.file === file ? `line ${before.line}` : `${before.file}:${before.line}`;
          kb.problems.push({
            file,
            line,
            kind: 'duplicate-id',
            message: `duplicate id "${id}" (also ${where})`,
          });
        }
        seen.set(id, { file, line });
      }
      const problems = validateActor(value);
      if (problems.length) {
        kb.invalid++;
        for (const message of problems) {
          kb.problems.push({ file, line, kind: 'schema', message: `schema: ${message}` });
        }
        return;
      }
      const actor = value as KbActor;
      // Delete first so that the replacing record takes the later place in load order.
      kb.actors.delete(actor.id);
      kb.actors.set(actor.id, { actor, file, line, overlay });
    });
    if (records === 0) {
      kb.warnings.push({
        file,
        line: 0,
        kind: 'file',
        message: 'empty: the file holds no records',
      });
    }
  }
  return kb;
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

/**
 * A KB date (YYYY, YYYY-MM or YYYY-MM-DD) as a day number. A partial date covers a period;
 * `edge` picks its first or last day, so that callers can ask for what is *certain* (an
 * overlap counted from the latest possible start to the earliest possible end).
 */
export function dayNumber(date: string, edge: 'first' | 'last'): number {
  const [y = 0, m, d] = date.split('-').map(Number);
  if (m === undefined)
    return Date.UTC(y, edge === 'first' ? 0 : 11, edge === 'first' ? 1 : 31) / DAY_MS;
  if (d === undefined)
    return Date.UTC(y, edge === 'first' ? m - 1 : m, edge === 'first' ? 1 : 0) / DAY_MS;
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `today` minus `months` calendar months, clamped to the month's last day (Aug 31 − 18 → Feb 28). */
export function monthsBefore(today: string, months: number): string {
  const [y = 0, m = 1, d = 1] = today.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return isoDay(Date.UTC(year, month, Math.min(d, last)) / DAY_MS);
}

/** A role's certain span: from the latest day it may have started to the earliest it may have ended. */
function certainSpan(role: KbRole): [number, number] {
  return [
    role.start === null ? -Infinity : dayNumber(role.start, 'last'),
    role.end === null ? Infinity : dayNumber(role.end, 'first'),
  ];
}

/** Days two roles certainly share; negative when they certainly do not. */
function overlapDays(a: KbRole, b: KbRole): number {
  const [aStart, aEnd] = certainSpan(a);
  const [bStart, bEnd] = certainSpan(b);
  return Math.min(aEnd, bEnd) - Math.max(aStart, bStart);
}

/** A hand-over often has both people in office for a day or two (inauguration, swearing-in). */
export const HANDOVER_DAYS = 3;

/** An open-ended role unconfirmed for longer than this is likely to have ended unnoticed. */
export const STALE_MONTHS = 18;

function formatSpan(role: KbRole): string {
  const end = role.end ?? `open (as of ${role.asOf ?? '?'})`;
  return `${role.start ?? '—'} – ${end}`;
}

// ---------------------------------------------------------------------------------------------
// Checks on the loaded actors
// ---------------------------------------------------------------------------------------------

/** Offices a country has one holder of at a time. */
const SINGLE_HOLDER_OFFICES = new Set([
  'head-of-state',
  'head-of-government',
  'foreign-minister',
  'defence-minister',
]);

function where(entry: LoadedActor): string {
  return `${entry.file}:${entry.line}`;
}

/**
 * The same office and country held by two people at once (beyond a hand-over), and one person
 * holding the same title twice over the same days (a record entered twice).
 */
function checkRoleOverlaps(actors: LoadedActor[], problems: CheckIssue[]): void {
  const byOffice = new Map<string, { entry: LoadedActor; role: KbRole }[]>();
  for (const entry of actors) {
    const roles = entry.actor.roles ?? [];
    roles.forEach((role, i) => {
      if (role.office && SINGLE_HOLDER_OFFICES.has(role.office) && role.country !== null) {
        const key = `${role.office}|${role.country}`;
        const list = byOffice.get(key) ?? [];
        list.push({ entry, role });
        byOffice.set(key, list);
      }
      for (const other of roles.slice(i + 1)) {
        if (other.title.toLowerCase() !== role.title.toLowerCase()) continue;
        const days = overlapDays(role, other);
        if (days > HANDOVER_DAYS) {
          problems.push({
            file: entry.file,
            line: entry.line,
            kind: 'role-overlap',
            message:
              `overlapping roles: ${entry.actor.id} holds "${role.title}" twice at once: ` +
              `${formatSpan(role)} and ${formatSpan(other)}`,
          });
        }
      }
    });
  }
  for (const [key, holders] of byOffice) {
    const [office, country] = key.split('|');
    for (let i = 0; i < holders.length; i++) {
      for (let j = i + 1; j < holders.length; j++) {
        const a = holders[i]!;
        const b = holders[j]!;
        if (a.entry.actor.id === b.entry.actor.id) continue;
        const days = overlapDays(a.role, b.role);
        if (days <= HANDOVER_DAYS) continue;
        const shared = Number.isFinite(days) ? `${days} days` : 'an open-ended period';
        problems.push({
          file: b.entry.file,
          line: b.entry.line,
          kind: 'role-overlap',
          message:
            `overlapping roles: ${office} of ${country}: ${b.entry.actor.id} (${formatSpan(b.role)}) and ` +
            `${a.entry.actor.id} (${formatSpan(a.role)}, ${where(a.entry)}) overlap by ${shared}`,
        });
      }
    }
  }
}

/** Whether two persons ever hold roles at the same time (beyond a hand-over). */
function rolesEverOverlap(a: KbActor, b: KbActor): boolean {
  return (a.roles ?? []).some((ra) =>
    (b.roles ?? []).some((rb) => overlapDays(ra, rb) > HANDOVER_DAYS),
  );
}

/**
 * The same normalised alias on two actors. Only a clash the linker cannot settle is a
 * problem: different types are told apart by context (a surname vs a country), and two
 * persons whose roles never overlap are told apart by the document's date. One issue per
 * pair of actors, listing every form they share (a surname clashes in each script at once).
 */
function checkAliasClashes(
  actors: LoadedActor[],
  problems: CheckIssue[],
  warnings: CheckIssue[],
): void {
  const byKey = new Map<string, { entry: LoadedActor; alias: string }[]>();
  const add = (entry: LoadedActor, alias: string, shown: string) => {
    const key = aliasKey(alias);
    if (!key) return;
    const list = byKey.get(key) ?? [];
    if (list.some((e) => e.entry.actor.id === entry.actor.id)) return;
    list.push({ entry, alias: shown });
    byKey.set(key, list);
  };
  for (const entry of actors) {
    const { actor } = entry;
    // What the linker's trie holds: name, aliases, capitals, seats, Latin readings of Cyrillic.
    for (const alias of [actor.name, ...actor.aliases, ...(actor.capitals ?? [])]) {
      add(entry, alias, JSON.stringify(alias));
    }
    for (const seat of actor.seats ?? []) add(entry, seat, JSON.stringify(seat));
    for (const alias of actor.aliases) {
      for (const latin of transliterations(alias)) {
        add(entry, latin, `${JSON.stringify(latin)} (read from ${JSON.stringify(alias)})`);
      }
    }
  }
  const pairs = new Map<string, { a: LoadedActor; b: LoadedActor; shared: string[] }>();
  for (const list of byKey.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!.entry;
        const b = list[j]!;
        const id = `${a.actor.id}\u0000${b.entry.actor.id}`;
        const pair = pairs.get(id) ?? { a, b: b.entry, shared: [] };
        pair.shared.push(b.alias);
        pairs.set(id, pair);
      }
    }
  }
  const SHOWN = 3;
  for (const { a, b, shared } of pairs.values()) {
    const forms =
      shared.slice(0, SHOWN).join(', ') +
      (shared.length > SHOWN ? ` and ${shared.length - SHOWN} more` : '');
    const base = `alias clash: ${b.actor.id} and ${a.actor.id} (${where(a)}) share ${forms}`;
    const issue = { file: b.file, line: b.line, kind: 'alias-clash' as const };
    const [ta, tb] = [a.actor.type, b.actor.type];
    const aRoles = (a.actor.roles ?? []).length > 0;
    const bRoles = (b.actor.roles ?? []).length > 0;
    if (ta !== tb) {
      warnings.push({ ...issue, message: `${base}; different types (${tb}, ${ta})` });
    } else if (ta !== 'person' && a.actor.note && b.actor.note) {
      // Both records say why ("Congo" names two countries): a known, documented ambiguity.
      warnings.push({
        ...issue,
        message: `${base}; both of type ${ta}, ambiguity noted in both records`,
      });
    } else if (ta !== 'person') {
      problems.push({ ...issue, message: `${base}; both of type ${ta}` });
    } else if (!aRoles || !bRoles) {
      problems.push({ ...issue, message: `${base}; both persons, not both with dated roles` });
    } else if (rolesEverOverlap(a.actor, b.actor)) {
      // Relatives in office together (the Castros, the Kaczyński twins): a bare surname is
      // ambiguous, and the linker needs the full name in the document to choose.
      warnings.push({
        ...issue,
        message: `${base}; both persons, with roles at the same time: a bare surname needs the full name in the document`,
      });
    } else {
      warnings.push({ ...issue, message: `${base}; their roles never overlap, dates settle it` });
    }
  }
}

function checkStale(actors: LoadedActor[], today: string, warnings: CheckIssue[]): void {
  const limit = dayNumber(monthsBefore(today, STALE_MONTHS), 'first');
  for (const entry of actors) {
    for (const role of entry.actor.roles ?? []) {
      if (role.end !== null || role.asOf === undefined) continue;
      if (dayNumber(role.asOf, 'last') < limit) {
        warnings.push({
          file: entry.file,
          line: entry.line,
          kind: 'stale',
          message:
            `stale: last confirmed ${role.asOf} (more than ${STALE_MONTHS} months before ` +
            `${today}): ${entry.actor.id} "${role.title}" is open-ended`,
        });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Archigos
// ---------------------------------------------------------------------------------------------

/**
 * Archigos `idacr` (Correlates of War state abbreviations) → ISO 3166-1 alpha-3, for every
 * country with a leader spell ending in 2000 or later in Archigos 4.1. Spelled out in full,
 * not only where they differ, because identical-looking codes can name different countries:
 * COW `AUS` is Austria (Australia is `AUL`), `SWZ` Switzerland, `SLO` Slovakia, `MAD` the
 * Maldives. Kosovo maps to KSV, the code our KB uses for it (it has no ISO code); Yugoslavia
 * (Serbia and Montenegro, 2000–2006) to its successor Serbia.
 */
// prettier-ignore
export const ARCHIGOS_ISO: Readonly<Record<string, string>> = {
  AFG: 'AFG', ALB: 'ALB', ALG: 'DZA', ANG: 'AGO', ARG: 'ARG', ARM: 'ARM', AUL: 'AUS',
  AUS: 'AUT', AZE: 'AZE', BAH: 'BHR', BAR: 'BRB', BEL: 'BEL', BEN: 'BEN', BFO: 'BFA',
  BHM: 'BHS', BHU: 'BTN', BLR: 'BLR', BLZ: 'BLZ', BNG: 'BGD', BOL: 'BOL', BOS: 'BIH',
  BOT: 'BWA', BRA: 'BRA', BRU: 'BRN', BUI: 'BDI', BUL: 'BGR', CAM: 'KHM', CAN: 'CAN',
  CAO: 'CMR', CAP: 'CPV', CDI: 'CIV', CEN: 'CAF', CHA: 'TCD', CHL: 'CHL', CHN: 'CHN',
  COL: 'COL', COM: 'COM', CON: 'COG', COS: 'CRI', CRO: 'HRV', CUB: 'CUB', CYP: 'CYP',
  CZR: 'CZE', DEN: 'DNK', DJI: 'DJI', DOM: 'DOM', DRC: 'COD', DRV: 'VNM', ECU: 'ECU',
  EGY: 'EGY', EQG: 'GNQ', ERI: 'ERI', EST: 'EST', ETH: 'ETH', ETM: 'TLS', FIN: 'FIN',
  FJI: 'FJI', FRN: 'FRA', GAB: 'GAB', GAM: 'GMB', GFR: 'DEU', GHA: 'GHA', GNB: 'GNB',
  GRC: 'GRC', GRG: 'GEO', GUA: 'GTM', GUI: 'GIN', GUY: 'GUY', HAI: 'HTI', HON: 'HND',
  HUN: 'HUN', ICE: 'ISL', IND: 'IND', INS: 'IDN', IRE: 'IRL', IRN: 'IRN', IRQ: 'IRQ',
  ISR: 'ISR', ITA: 'ITA', JAM: 'JAM', JOR: 'JOR', JPN: 'JPN', KEN: 'KEN', KOS: 'KSV',
  KUW: 'KWT', KYR: 'KGZ', KZK: 'KAZ', LAO: 'LAO', LAT: 'LVA', LBR: 'LBR', LEB: 'LBN',
  LES: 'LSO', LIB: 'LBY', LIT: 'LTU', LUX: 'LUX', MAA: 'MRT', MAC: 'MKD', MAD: 'MDV',
  MAG: 'MDG', MAL: 'MYS', MAS: 'MUS', MAW: 'MWI', MEX: 'MEX', MLD: 'MDA', MLI: 'MLI',
  MLT: 'MLT', MON: 'MNG', MOR: 'MAR', MYA: 'MMR', MZM: 'MOZ', NAM: 'NAM', NEP: 'NPL',
  NEW: 'NZL', NIC: 'NIC', NIG: 'NGA', NIR: 'NER', NOR: 'NOR', NTH: 'NLD', OMA: 'OMN',
  PAK: 'PAK', PAN: 'PAN', PAR: 'PRY', PER: 'PER', PHI: 'PHL', PNG: 'PNG', POL: 'POL',
  POR: 'PRT', PRK: 'PRK', QAT: 'QAT', ROK: 'KOR', RUM: 'ROU', RUS: 'RUS', RWA: 'RWA',
  SAF: 'ZAF', SAL: 'SLV', SAU: 'SAU', SEN: 'SEN', SER: 'SRB', SIE: 'SLE', SIN: 'SGP',
  SLO: 'SVK', SLV: 'SVN', SOL: 'SLB', SOM: 'SOM', SPN: 'ESP', SRI: 'LKA', SSD: 'SSD',
  SUD: 'SDN', SUR: 'SUR', SWA: 'SWZ', SWD: 'SWE', SWZ: 'CHE', SYR: 'SYR', TAJ: 'TJK',
  TAW: 'TWN', TAZ: 'TZA', THI: 'THA', TKM: 'TKM', TOG: 'TGO', TRI: 'TTO', TUN: 'TUN',
  TUR: 'TUR', UAE: 'ARE', UGA: 'UGA', UKG: 'GBR', UKR: 'UKR', URU: 'URY', USA: 'USA',
  UZB: 'UZB', VEN: 'VEN', YEM: 'YEM', YUG: 'SRB', ZAM: 'ZMB', ZIM: 'ZWE',
};

export interface ArchigosSpell {
  /** Archigos `obsid`, e.g. "RUS-2000". */
  obsid: string;
  idacr: string;
  /** ISO alpha-3 (KSV for Kosovo); null when `idacr` is not in ARCHIGOS_ISO. */
  country: string | null;
  leader: string;
  start: string;
  end: string;
  /** Exit "Still in Office": `end` is only the end of the data, not of the spell. */
  stillInOffice: boolean;
  line: number;
}

/** RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): { fields: string[]; line: number }[] {
  const rows: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') rows.push({ fields, line: rowLine });
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (field !== '' || fields.length) {
    fields.push(field);
    rows.push({ fields, line: rowLine });
  }
  return rows;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The leader spells of an Archigos CSV; rows without usable dates are counted, not kept. */
export function readArchigos(file: string): { spells: ArchigosSpell[]; badRows: number } {
  const rows = parseCsv(readTextFile(file, 'Archigos file').text);
  const header = rows.shift()?.fields ?? [];
  const column = (name: string) => header.indexOf(name);
  const needed = ['obsid', 'idacr', 'leader', 'startdate', 'enddate', 'exit'];
  const missing = needed.filter((name) => column(name) === -1);
  if (missing.length) {
    throw new NewsgraphError(
      'NG_KB_INVALID',
      `not an Archigos file: no column ${missing.join(', ')}`,
      { file, line: 1 },
    );
  }
  const spells: ArchigosSpell[] = [];
  let badRows = 0;
  for (const { fields, line } of rows) {
    const get = (name: string) => (fields[column(name)] ?? '').trim();
    const start = get('startdate');
    const end = get('enddate');
    if (!ISO_DATE.test(start) || !ISO_DATE.test(end)) {
      badRows++;
      continue;
    }
    const idacr = get('idacr');
    spells.push({
      obsid: get('obsid'),
      idacr,
      country: ARCHIGOS_ISO[idacr] ?? null,
      leader: get('leader'),
      start,
      end,
      stillInOffice: get('exit') === 'Still in Office',
      line,
    });
  }
  return { spells, badRows };
}

/** Archigos 4.1 covers leaders to the end of 2015; our check compares the 2000–2015 spells. */
const ARCHIGOS_FROM = dayNumber('2000-01-01', 'first');
const ARCHIGOS_TO = dayNumber('2015-12-31', 'first');
const ARCHIGOS_TOLERANCE_DAYS = 31;
const HEAD_OFFICES = new Set(['head-of-state', 'head-of-government']);

/**
 * Words that do not identify a person: particles of Arabic, Romance, Dutch and German names,
 * and honorifics that aliases such as "President Putin" or "Sheikh Sabah" carry.
 */
// prettier-ignore
const NOT_A_NAME = new Set([
  'al', 'el', 'bin', 'ibn', 'bint', 'abu', 'de', 'da', 'do', 'dos', 'das', 'del', 'della',
  'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'the', 'of', 'and',
  'president', 'prime', 'minister', 'premier', 'chancellor', 'king', 'queen', 'prince',
  'emir', 'sultan', 'sheikh', 'general', 'mr', 'mrs', 'ms', 'dr', 'sir', 'lord',
]);

function nameWords(text: string): string[] {
  return aliasKey(text)
    .split(' ')
    .filter((w) => w.length >= 3 && !NOT_A_NAME.has(w));
}

/** One stretch in office: contiguous head-of-state/government roles of one person in one country. */
interface Tenure {
  entry: LoadedActor;
  country: string;
  start: string | null;
  /** null while held. */
  end: string | null;
}

/**
 * Archigos codes the *effective* leader across changes of title (Putin 2000–2015 without a
 * break for 2008–2012 as prime minister), so to decide *who* a spell is, a person's
 * head-of-state and head-of-government roles in one country are merged where they touch
 * (gap ≤ HANDOVER_DAYS). The dates are then compared role by role (`checkArchigos`).
 */
function tenuresOf(entry: LoadedActor): Tenure[] {
  const byCountry = new Map<string, KbRole[]>();
  for (const role of entry.actor.roles ?? []) {
    if (!role.office || !HEAD_OFFICES.has(role.office) || role.country === null) continue;
    const list = byCountry.get(role.country) ?? [];
    list.push(role);
    byCountry.set(role.country, list);
  }
  const tenures: Tenure[] = [];
  for (const [country, roles] of byCountry) {
    const startOf = (r: KbRole) => (r.start === null ? -Infinity : dayNumber(r.start, 'first'));
    roles.sort((a, b) => startOf(a) - startOf(b));
    let current: Tenure | undefined;
    for (const role of roles) {
      const touches =
        current !== undefined &&
        (current.end === null || startOf(role) <= dayNumber(current.end, 'last') + HANDOVER_DAYS);
      if (current && touches) {
        if (
          current.end !== null &&
          (role.end === null || dayNumber(role.end, 'last') > dayNumber(current.end, 'last'))
        ) {
          current.end = role.end;
        }
      } else {
        current = { entry, country, start: role.start, end: role.end };
        tenures.push(current);
      }
    }
  }
  return tenures.filter((t) => {
    const start = t.start === null ? -Infinity : dayNumber(t.start, 'first');
    const end = t.end === null ? Infinity : dayNumber(t.end, 'last');
    return start <= ARCHIGOS_TO && end >= ARCHIGOS_FROM;
  });
}

/** Consecutive spells of one leader, as one stretch in power. */
interface SpellGroup {
  country: string;
  leader: string;
  obsids: string[];
  start: string;
  end: string;
  /** Still in power when the data ends: the end says nothing. */
  open: boolean;
}

/**
 * Archigos splits a leader's time in power where someone else acted for a while (Băsescu's
 * two suspensions, Ramos-Horta after the 2008 shooting); our KB holds one role. Spells of the
 * same leader and country less than SPELL_GAP_DAYS apart are joined.
 */
const SPELL_GAP_DAYS = 183;
/** The last day Archigos 4.1 covers: a spell ending then is open, whatever its exit says. */
const ARCHIGOS_LAST_DAY = '2015-12-31';

function groupSpells(spells: ArchigosSpell[]): SpellGroup[] {
  const byLeader = new Map<string, ArchigosSpell[]>();
  for (const spell of spells) {
    if (spell.country === null) continue;
    const key = `${spell.country}|${aliasKey(spell.leader)}`;
    const list = byLeader.get(key) ?? [];
    list.push(spell);
    byLeader.set(key, list);
  }
  const groups: SpellGroup[] = [];
  for (const list of byLeader.values()) {
    list.sort((a, b) => a.start.localeCompare(b.start));
    let current: SpellGroup | undefined;
    for (const spell of list) {
      // "Still in Office" marks the data's end; so does 2015-12-31 (King Salman's spell ends
      // then with "Natural Death", a coding slip).
      const open = spell.stillInOffice || spell.end === ARCHIGOS_LAST_DAY;
      const gap = current
        ? dayNumber(spell.start, 'first') - dayNumber(current.end, 'first')
        : Infinity;
      if (current && gap <= SPELL_GAP_DAYS) {
        current.obsids.push(spell.obsid);
        current.end = spell.end;
        current.open = open;
      } else {
        current = {
          country: spell.country ?? '',
          leader: spell.leader,
          obsids: [spell.obsid],
          start: spell.start,
          end: spell.end,
          open,
        };
        groups.push(current);
      }
    }
  }
  return groups;
}

/** The role whose date (by `pick`) is closest to `day`, with the distance in days. */
function closestRole(
  roles: KbRole[],
  day: number,
  pick: (role: KbRole) => string | null,
  edge: 'first' | 'last',
): { role: KbRole; date: string; days: number } | undefined {
  let best: { role: KbRole; date: string; days: number } | undefined;
  for (const role of roles) {
    const date = pick(role);
    if (date === null) continue;
    const days = Math.abs(dayNumber(date, edge) - day);
    if (!best || days < best.days) best = { role, date, days };
  }
  return best;
}

/**
 * Compares head-of-state/government dates with Archigos.
 *
 * Who: a spell (or group of spells) goes to a person of the same country who shares a name
 * word with the Archigos `leader` (our name's last word or any alias word) and whose tenure
 * covers at least half of the shorter of the two — so Kim Jong-il's spell is never compared
 * with Kim Jong-un, whose tenure starts as it ends. When several people qualify (the
 * Kaczyński twins), the one whose dates are closest wins.
 *
 * What: the spell's start with the closest start among that person's head-of-state and
 * head-of-government roles in the country, and its end with the closest end — "the role
 * closest in time". Archigos codes the effective leader, so a spell our roles do not explain
 * (Putin from 1999-12-31 as acting president) is worth a look, but only as a warning.
 */
function checkArchigos(
  actors: LoadedActor[],
  spells: ArchigosSpell[],
  today: string,
  warnings: CheckIssue[],
): { compared: number } {
  const todayDay = dayNumber(today, 'first');
  const tenures = new Map<string, { tenure: Tenure; words: Set<string> }[]>();
  for (const entry of actors) {
    if (entry.actor.type !== 'person') continue;
    const found = tenuresOf(entry);
    if (!found.length) continue;
    const words = new Set(nameWords(entry.actor.name).slice(-1));
    for (const alias of entry.actor.aliases) for (const w of nameWords(alias)) words.add(w);
    for (const tenure of found) {
      const list = tenures.get(tenure.country) ?? [];
      list.push({ tenure, words });
      tenures.set(tenure.country, list);
    }
  }
  let compared = 0;
  for (const group of groupSpells(spells)) {
    const gStart = dayNumber(group.start, 'first');
    const gEnd = group.open ? todayDay : dayNumber(group.end, 'first');
    if (gStart > ARCHIGOS_TO || gEnd < ARCHIGOS_FROM) continue;
    const leaderWords = nameWords(group.leader);
    let best: { tenure: Tenure; distance: number } | undefined;
    for (const { tenure, words } of tenures.get(group.country) ?? []) {
      if (!leaderWords.some((w) => words.has(w))) continue;
      const tStart = tenure.start === null ? -Infinity : dayNumber(tenure.start, 'first');
      const tEnd = tenure.end === null ? todayDay : dayNumber(tenure.end, 'last');
      const overlap = Math.min(gEnd, tEnd) - Math.max(gStart, tStart);
      const shorter = Math.min(gEnd - gStart, tEnd - tStart);
      if (overlap <= 0 || overlap < shorter / 2) continue;
      const distance =
        Math.abs((Number.isFinite(tStart) ? tStart : gStart) - gStart) +
        (group.open ? 0 : Math.abs(tEnd - gEnd));
      if (!best || distance < best.distance) best = { tenure, distance };
    }
    if (!best) continue;
    compared++;
    const { entry } = best.tenure;
    const roles = (entry.actor.roles ?? []).filter(
      (r) => r.office && HEAD_OFFICES.has(r.office) && r.country === group.country,
    );
    const label =
      `archigos: ${entry.actor.id} ${group.country} vs Archigos "${group.leader}" ` +
      `(${group.obsids.join(', ')})`;
    const push = (message: string) =>
      warnings.push({ file: entry.file, line: entry.line, kind: 'archigos', message });
    const start = closestRole(roles, gStart, (r) => r.start, 'first');
    if (start && start.days > ARCHIGOS_TOLERANCE_DAYS) {
      push(
        `${label}: start ${start.date} here (${start.role.title}), ${group.start} in Archigos ` +
          `(${start.days} days apart)`,
      );
    }
    if (group.open) continue;
    const end = closestRole(roles, gEnd, (r) => r.end, 'last');
    if (end && end.days <= ARCHIGOS_TOLERANCE_DAYS) continue;
    const held = roles.find(
      (r) => r.end === null && (r.start === null || dayNumber(r.start, 'first') <= gEnd),
    );
    if (held) {
      push(`${label}: open-ended here (${held.title}), ended ${group.end} in Archigos`);
    } else if (end) {
      push(
        `${label}: end ${end.date} here (${end.role.title}), ${group.end} in Archigos ` +
          `(${end.days} days apart)`,
      );
    }
  }
  return { compared };
}

// ---------------------------------------------------------------------------------------------
// The whole check
// ---------------------------------------------------------------------------------------------

export interface CheckOptions {
  /** Base KB files (the loader's default: data/kb/*.jsonl but agents). */
  files: string[];
  /** Users' files, loaded after and allowed to replace base actors. */
  overlays?: string[];
  /** An Archigos 4.1 CSV to compare head-of-state/government dates with. */
  archigos?: string;
  /** YYYY-MM-DD the staleness of `asOf` is judged against; default the current UTC date. */
  today?: string;
  /** How a path is shown in issues (the CLI: relative to the working directory). */
  label?: (path: string) => string;
}

export interface CheckReport {
  files: string[];
  /** Valid actors after overlays replaced theirs. */
  actors: number;
  byType: Record<string, number>;
  roles: number;
  aliases: number;
  problems: CheckIssue[];
  warnings: CheckIssue[];
  info: CheckIssue[];
}

export function checkKnowledgeBase(options: CheckOptions): CheckReport {
  const overlays = options.overlays ?? [];
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const label = options.label ?? ((path: string) => path);
  const kb = readKbRecords(options.files, overlays, label);
  const { problems, warnings, info } = kb;
  const actors = [...kb.actors.values()];
  checkAliasClashes(actors, problems, warnings);
  checkRoleOverlaps(actors, problems);
  checkStale(actors, today, warnings);
  if (options.archigos !== undefined) {
    const { spells, badRows } = readArchigos(options.archigos);
    const { compared } = checkArchigos(actors, spells, today, warnings);
    const unmapped = new Set(
      spells.filter((s) => s.country === null && s.end >= '2000').map((s) => s.idacr),
    );
    info.push({
      file: label(options.archigos),
      line: 0,
      kind: 'archigos',
      message:
        `compared ${compared} leaders' spells of 2000–2015 with our head-of-state/government roles` +
        (badRows ? `; ${badRows} ${badRows === 1 ? 'row' : 'rows'} without dates skipped` : '') +
        (unmapped.size ? `; no ISO code for ${[...unmapped].sort().join(', ')}` : ''),
    });
  }
  const files = [...options.files, ...overlays].map(label);
  const order = (issue: CheckIssue) => {
    const i = files.indexOf(issue.file);
    return i === -1 ? files.length : i;
  };
  for (const list of [problems, warnings, info]) {
    list.sort((a, b) => order(a) - order(b) || a.line - b.line);
  }
  const byType: Record<string, number> = {};
  let roles = 0;
  let aliases = 0;
  for (const { actor } of actors) {
    byType[actor.type] = (byType[actor.type] ?? 0) + 1;
    roles += actor.roles?.length ?? 0;
    aliases += actor.aliases.length;
  }
  return { files, actors: actors.length, byType, roles, aliases, problems, warnings, info };
}
