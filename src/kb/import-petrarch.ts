/**
 * PETRARCH2 / Phoenix actor dictionaries → our KB records (`newsgraph kb import petrarch`).
 *
 * The format (petrarch2/dictionaries.rst, TABARI 0.8): an entry is a primary phrase line with
 * words joined by `_` (optionally followed by `[CODE]` groups), then `+` synonym lines, then
 * tab-indented code lines `[CODE]`, `[CODE >YYMMDD]` (from), `[CODE <YYMMDD]` (until),
 * `[CODE YYMMDD-YYMMDD]` (between); dates may also be YYYYMMDD. `#` starts a comment,
 * `<!-- … -->` is one too, `[---]` is the null code.
 *
 * The dictionaries are old (mostly to 2011, a few dates into 2015) and partly hand-edited, so
 * the importer is strict where a silent guess would put a wrong fact in the KB: an entry with
 * a line it cannot read is skipped whole and counted, never imported with a role missing; a
 * date without a direction (`[USAGOV 19820101]`) is unreadable rather than guessed to be a
 * start. Every record written passes `validateActor`.
 */
import { basename } from 'node:path';
import countries from 'i18n-iso-countries';
import { aliasKey } from './normalize.js';
import { SECTORS, validateActor, type ActorType, type KbActor, type KbRole } from './schema.js';

export const PETRARCH_SOURCE = 'PETRARCH2/Phoenix dictionary (MIT)';

export interface PetrarchImportOptions {
  /** Type of entries without dated roles (default organization); dated entries are persons. */
  type?: ActorType;
  /** The import date, YYYY-MM-DD (default today): asOf of open roles when the file gives no date. */
  today?: string;
  /** The file name recorded in each record's note. */
  fileName?: string;
}

export interface SkippedEntry {
  /** 1-based line of the entry's phrase (or of the stray line). */
  line: number;
  /** The phrase as written, or the stray line. */
  text: string;
  /** Short category, for the summary: "unreadable line", "invalid record"… */
  reason: string;
  detail: string;
}

export interface PetrarchImport {
  records: KbActor[];
  skipped: SkippedEntry[];
  /** The asOf given to open-ended roles. */
  asOf: string;
  /** Where asOf comes from: the latest date the dictionary holds, or the import date. */
  asOfFrom: 'dictionary' | 'import-date';
}

/** CAMEO country prefixes: ISO alpha-3, plus KSV, the code our KB and CAMEO use for Kosovo. */
const COUNTRY_CODES = new Set([...Object.keys(countries.getAlpha3Codes()), 'KSV']);
const SECTOR_CODES = new Set<string>(SECTORS);

interface CodeRestriction {
  code: string | null;
  start: string | null;
  end: string | null;
  dated: boolean;
}

/**
 * A date as written in the dictionary → YYYY-MM-DD, or undefined when it is not a calendar
 * date. Two-digit years follow PETRARCH's own rule (`dstr_to_ordate`: 00–30 are 20YY, the
 * rest 19YY), which matters for 1931–1949: the dictionary has entries such as
 * `[AFGELI 320101-331108]` that a 50-year pivot would put in 2032.
 */
export function petrarchDate(text: string): string | undefined {
  let y: number;
  let rest: string;
  if (/^\d{8}$/.test(text)) {
    y = Number(text.slice(0, 4));
    rest = text.slice(4);
  } else if (/^\d{6}$/.test(text)) {
    const yy = Number(text.slice(0, 2));
    y = yy <= 30 ? 2000 + yy : 1900 + yy;
    rest = text.slice(2);
  } else return undefined;
  const m = Number(rest.slice(0, 2));
  const d = Number(rest.slice(2, 4));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return undefined;
  }
  return `${String(y).padStart(4, '0')}-${rest.slice(0, 2)}-${rest.slice(2, 4)}`;
}

const RESTRICTION = /^([A-Z]{3,}|---)(?:\s+(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+)))?$/;

/** The inside of one `[…]` group, or an error message. */
function parseRestriction(inner: string): CodeRestriction | string {
  const m = RESTRICTION.exec(inner.trim());
  if (!m) return `unreadable code "[${inner}]"`;
  const [, raw = '', direction, single, from, to] = m;
  const code = raw === '---' ? null : raw;
  if (direction !== undefined && single !== undefined) {
    const date = petrarchDate(single);
    if (!date) return `unreadable date "${single}" in "[${inner}]"`;
    return direction === '>'
      ? { code, start: date, end: null, dated: true }
      : { code, start: null, end: date, dated: true };
  }
  if (from !== undefined && to !== undefined) {
    const start = petrarchDate(from);
    const end = petrarchDate(to);
    if (!start || !end) return `unreadable date in "[${inner}]"`;
    return { code, start, end, dated: true };
  }
  return { code, start: null, end: null, dated: false };
}

/** Every `[…]` group of a line's code part; an error when anything else is left over. */
function parseCodeGroups(text: string): CodeRestriction[] | string {
  const out: CodeRestriction[] = [];
  let rest = text.trim();
  while (rest) {
    const m = /^\[([^[\]]*)\]\s*(?:;.*)?/.exec(rest);
    if (!m) return `unreadable code part "${rest}"`;
    const parsed = parseRestriction(m[1] ?? '');
    if (typeof parsed === 'string') return parsed;
    out.push(parsed);
    rest = rest.slice(m[0].length).trim();
  }
  return out;
}

/**
 * A phrase as people read it: underscores are spaces, and the dictionary's capitals become
 * title case — otherwise the KB would take "PUTIN" for an abbreviation, which matches in
 * capitals only. Kept as written: phrases with lower-case letters (someone chose the case),
 * words with dots ("U.N."), and a phrase of one word of up to three letters ("UN", "NATO"
 * is four and becomes "Nato", which the case-insensitive matcher still finds).
 */
export function displayPhrase(raw: string): string {
  const phrase = raw.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  if (/\p{Ll}/u.test(phrase)) return phrase;
  const words = phrase.split(' ');
  if (words.length === 1 && /^\p{L}{1,3}$/u.test(phrase)) return phrase;
  return words
    .map((word) =>
      word.includes('.')
        ? word
        : word
            .toLowerCase()
            .replace(/(^|[-'’])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase()),
    )
    .join(' ');
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function countryOf(code: string | null | undefined): string | null {
  const prefix = code?.slice(0, 3);
  return prefix && COUNTRY_CODES.has(prefix) ? prefix : null;
}

interface RawEntry {
  line: number;
  phrase: string;
  aliases: string[];
  codes: CodeRestriction[];
  /** The first line the entry could not read, with why. */
  error?: string;
}

/** Strips comments the way PETRARCH does: `#` anywhere, `<!-- … -->` (also over lines). */
function* contentLines(text: string): Generator<{ line: number; content: string }> {
  let inComment = false;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let content = lines[i] ?? '';
    if (inComment) {
      const close = content.indexOf('-->');
      if (close === -1) continue;
      content = content.slice(close + 3);
      inComment = false;
    }
    for (let open = content.indexOf('<!--'); open !== -1; open = content.indexOf('<!--')) {
      const close = content.indexOf('-->', open + 4);
      if (close === -1) {
        content = content.slice(0, open);
        inComment = true;
        break;
      }
      content = content.slice(0, open) + content.slice(close + 3);
    }
    const hash = content.indexOf('#');
    if (hash !== -1) content = content.slice(0, hash);
    if (content.trim()) yield { line: i + 1, content };
  }
}

/**
 * The latest date the dictionary shows: a "Generated at:" or "Last Update:" header, or the
 * latest date in its code lines (up to the import date; a later one is a typo). Whoever wrote
 * that date still saw the open-ended roles as held, so it is their honest `asOf`.
 */
function latestDictionaryDate(text: string, today: string): string | undefined {
  let latest: string | undefined;
  const consider = (date: string | undefined) => {
    if (date && date <= today && (!latest || date > latest)) latest = date;
  };
  const months = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
  const header =
    /(?:Generated at|Last Update):?\s+(?:\w{3}\s+)?(?:(\w{3})\w*\s+(\d{1,2})|(\d{1,2})\s+(\w{3})\w*)\s+(?:[\d:]+\s+)?(\d{4})/gi;
  for (const m of text.matchAll(header)) {
    const month = months.indexOf((m[1] ?? m[4] ?? '').toLowerCase()) + 1;
    const day = Number(m[2] ?? m[3]);
    if (month > 0) {
      consider(`${m[5]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    }
  }
  for (const m of text.matchAll(/\[[A-Z]{3,}\s+[<>]?\s*(\d{6,8})(?:\s*-\s*(\d{6,8}))?\s*\]/g)) {
    consider(petrarchDate(m[1] ?? ''));
    if (m[2]) consider(petrarchDate(m[2]));
  }
  return latest;
}

/** Reads a PETRARCH actor dictionary into KB records, counting what it had to skip. */
export function importPetrarch(text: string, options: PetrarchImportOptions = {}): PetrarchImport {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const fileName = options.fileName ?? 'dictionary';
  const inferred = latestDictionaryDate(text, today);
  const asOf = inferred ?? today;
  const roleSource = inferred
    ? PETRARCH_SOURCE
    : `${PETRARCH_SOURCE}; asOf is the import date, the dictionary gives no date`;
  const skipped: SkippedEntry[] = [];
  const entries: RawEntry[] = [];
  let current: RawEntry | undefined;

  for (const { line, content } of contentLines(text)) {
    const trimmed = content.trim();
    if (trimmed.startsWith('{')) continue; // TABARI plural and verb-form lists: not actors.
    if (trimmed.startsWith('+')) {
      if (!current) {
        skipped.push({
          line,
          text: trimmed,
          reason: 'alias outside an entry',
          detail: 'no phrase before it',
        });
      } else if (/[[\]]/.test(trimmed)) {
        current.error ??= `unreadable alias line ${line}: "${trimmed}"`;
      } else {
        const alias = trimmed.slice(1).replace(/;.*$/, '');
        if (alias.replace(/_/g, '').trim()) current.aliases.push(alias);
      }
      continue;
    }
    if (trimmed.startsWith('[')) {
      const groups = parseCodeGroups(trimmed);
      if (!current) {
        skipped.push({
          line,
          text: trimmed,
          reason: 'code outside an entry',
          detail: 'no phrase before it',
        });
      } else if (typeof groups === 'string') {
        current.error ??= `line ${line}: ${groups}`;
      } else current.codes.push(...groups);
      continue;
    }
    const bracket = trimmed.indexOf('[');
    const phrase = (bracket === -1 ? trimmed : trimmed.slice(0, bracket))
      .replace(/;.*$/, '')
      .trim();
    current = { line, phrase, aliases: [], codes: [] };
    entries.push(current);
    if (bracket !== -1) {
      const groups = parseCodeGroups(trimmed.slice(bracket));
      if (typeof groups === 'string') current.error = `line ${line}: ${groups}`;
      else current.codes.push(...groups);
    }
    if (/[\]]/.test(phrase)) current.error ??= `unreadable phrase line ${line}: "${trimmed}"`;
  }

  const ids = new Map<string, number>();
  const records: KbActor[] = [];
  for (const entry of entries) {
    const skip = (reason: string, detail: string) =>
      skipped.push({ line: entry.line, text: entry.phrase, reason, detail });
    if (entry.error) {
      skip('unreadable line', entry.error);
      continue;
    }
    const name = displayPhrase(entry.phrase);
    const base = slug(name);
    if (!base) {
      skip('no usable name', `phrase "${entry.phrase}" has no letters or digits`);
      continue;
    }
    const n = (ids.get(base) ?? 0) + 1;
    ids.set(base, n);
    // A phrase entered twice in the dictionary stays two entries; the id says which.
    const id = `petrarch-${base}${n > 1 ? `-${n}` : ''}`;
    const aliases: string[] = [];
    const keys = new Set<string>();
    for (const raw of [entry.phrase, ...entry.aliases]) {
      const alias = displayPhrase(raw);
      const key = aliasKey(alias);
      if (!key || keys.has(key)) continue;
      keys.add(key);
      aliases.push(alias);
    }
    const roles: KbRole[] = [];
    const undated: string[] = [];
    for (const c of entry.codes) {
      if (c.code === null) continue;
      if (!c.dated) {
        if (!undated.includes(c.code)) undated.push(c.code);
        continue;
      }
      if (roles.some((r) => r.code === c.code && r.start === c.start && r.end === c.end)) continue;
      const suffix = c.code.slice(-3);
      const role: KbRole = {
        title: c.code,
        code: c.code,
        country: countryOf(c.code),
        sector: c.code.length > 3 && SECTOR_CODES.has(suffix) ? suffix : 'GOV',
        start: c.start,
        end: c.end,
        ...(c.end === null ? { asOf } : {}),
        source: roleSource,
      };
      roles.push(role);
    }
    const code = undated[0] ?? null;
    const record: KbActor = {
      id,
      name,
      type: roles.length ? 'person' : (options.type ?? 'organization'),
      aliases,
      code,
      country: countryOf(code) ?? countryOf(roles[0]?.code),
    };
    if (roles.length) record.roles = roles;
    record.note =
      `Imported from ${fileName} line ${entry.line} (${PETRARCH_SOURCE}).` +
      (undated.length > 1 ? ` Other undated codes: ${undated.slice(1).join(', ')}.` : '');
    const problems = validateActor(record);
    if (problems.length) {
      skip('invalid record', problems.join('; '));
      continue;
    }
    records.push(record);
  }
  skipped.sort((a, b) => a.line - b.line);
  return { records, skipped, asOf, asOfFrom: inferred ? 'dictionary' : 'import-date' };
}

/** "3 records written, 2 skipped (unreadable line 1, alias outside an entry 1)". */
export function importSummary(result: PetrarchImport, file: string): string {
  const reasons = new Map<string, number>();
  for (const s of result.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  const why = [...reasons].map(([reason, n]) => `${reason} ${n}`).join(', ');
  return (
    `${basename(file)}: ${result.records.length} records written, ${result.skipped.length} skipped` +
    (why ? ` (${why})` : '') +
    `; open roles asOf ${result.asOf} (${result.asOfFrom === 'dictionary' ? 'latest date in the dictionary' : 'import date'})`
  );
}
