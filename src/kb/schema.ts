/**
 * The knowledge-base record format (data/kb/*.jsonl, one actor a line) and its validation.
 *
 * An actor has a stable `id`, a canonical `name`, a `type`, `aliases` in the spellings news
 * uses (Latin and Cyrillic at least), and dated `roles`. A role's `code` is the CAMEO actor
 * code it gives (`RUSGOV`, `IGOWSTNAT`…); `source` says where the fact comes from and
 * `asOf` when it was last known true — an open-ended role is only as good as its `asOf`.
 *
 * Countries carry what metonymy needs: `demonyms` ("Russian"), `capitals` ("Moscow") and
 * `seats` of power ("the Kremlin") — the last two stand for the government (`<ISO>GOV`).
 */

export const ACTOR_TYPES = [
  'person',
  'organization',
  'country',
  'igo',
  'media',
  'armed_group',
  'party',
  'place',
  'other',
] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** CAMEO sector codes used in roles and agents. */
export const SECTORS = [
  'GOV',
  'MIL',
  'LEG',
  'JUD',
  'OPP',
  'REB',
  'COP',
  'SPY',
  'MED',
  'NGO',
  'BUS',
  'CVL',
  'PTY',
  'EDU',
  'REL',
  'LAB',
  'IGO',
  'ELI',
  'UAF',
  'INS',
  'REF',
  'HLH',
  'AGR',
  'ENV',
  'CRM',
  'IMG',
  'MNC',
  'SEP',
  'RAD',
  'MOD',
  'PPL',
  'SET',
] as const;

export interface KbRole {
  /** As the news writes it: "President of Russia", "NATO Secretary General". */
  title: string;
  /** CAMEO actor code the role gives: RUSGOV, IGOWSTNAT, USAMIL… */
  code: string;
  /** ISO 3166-1 alpha-3 of the country the role belongs to, or null (IGOs). */
  country: string | null;
  sector: string;
  /** YYYY-MM-DD (or YYYY-MM, YYYY); null when unknown (long before our data). */
  start: string | null;
  /** YYYY-MM-DD; null while the role is held. */
  end: string | null;
  /** Where the fact comes from: "Archigos 4.1", "official website", "news reports". */
  source: string;
  /** YYYY-MM-DD when an open-ended role was last known to be held. */
  asOf?: string;
  /** The office, for role descriptions: head-of-state, head-of-government, foreign-minister… */
  office?: string;
}

export interface KbActor {
  id: string;
  name: string;
  type: ActorType;
  /** Surface forms: names, short names, abbreviations, other scripts and spellings. */
  aliases: string[];
  /** The code when no role applies: a country's ISO code, an IGO's CAMEO code… */
  code?: string | null;
  /** ISO 3166-1 alpha-3 of the actor's own country, when it has one. */
  country?: string | null;
  roles?: KbRole[];
  /** Persons: "m" / "f", for pronoun coreference. */
  gender?: 'm' | 'f';
  /** Countries. */
  demonyms?: string[];
  capitals?: string[];
  seats?: string[];
  /** Why the entry exists or anything a reviewer should know. */
  note?: string;
}

export interface KbIssue {
  file: string;
  line: number;
  message: string;
}

const ISO3 = /^[A-Z]{3}$/;
const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const ID = /^[a-z0-9][a-z0-9.-]*$/;
const OFFICES = new Set([
  'head-of-state',
  'head-of-government',
  'foreign-minister',
  'defence-minister',
  'secretary-general',
  'president',
  'other',
]);

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '');
}

function checkRole(role: unknown, at: string, problems: string[]): void {
  if (typeof role !== 'object' || role === null) {
    problems.push(`${at} must be an object`);
    return;
  }
  const r = role as Record<string, unknown>;
  if (typeof r.title !== 'string' || !r.title) problems.push(`${at}.title must be a string`);
  if (typeof r.code !== 'string' || !/^[A-Z]{3,12}$/.test(r.code)) {
    problems.push(`${at}.code must be a CAMEO code (3–12 capitals), got ${JSON.stringify(r.code)}`);
  }
  if (r.country !== null && (typeof r.country !== 'string' || !ISO3.test(r.country))) {
    problems.push(`${at}.country must be ISO 3166-1 alpha-3 or null`);
  }
  if (typeof r.sector !== 'string' || !(SECTORS as readonly string[]).includes(r.sector)) {
    problems.push(`${at}.sector must be one of ${SECTORS.join(' ')}`);
  }
  for (const key of ['start', 'end'] as const) {
    const v = r[key];
    if (v !== null && (typeof v !== 'string' || !DATE.test(v))) {
      problems.push(`${at}.${key} must be YYYY[-MM[-DD]] or null`);
    }
  }
  if (typeof r.start === 'string' && typeof r.end === 'string' && r.end < r.start) {
    problems.push(`${at} ends (${r.end}) before it starts (${r.start})`);
  }
  if (typeof r.source !== 'string' || !r.source)
    problems.push(`${at}.source must say where the fact comes from`);
  if (r.asOf !== undefined && (typeof r.asOf !== 'string' || !DATE.test(r.asOf))) {
    problems.push(`${at}.asOf must be a date`);
  }
  if (r.end === null && r.asOf === undefined) problems.push(`${at} is open-ended without asOf`);
  if (r.office !== undefined && (typeof r.office !== 'string' || !OFFICES.has(r.office))) {
    problems.push(`${at}.office must be one of ${[...OFFICES].join(', ')}`);
  }
}

/** Validates one parsed record; returns the problems found (empty when valid). */
export function validateActor(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return ['a record must be a JSON object'];
  }
  const a = value as Record<string, unknown>;
  if (typeof a.id !== 'string' || !ID.test(a.id)) problems.push('id must be a lower-case slug');
  if (typeof a.name !== 'string' || !a.name.trim()) problems.push('name must be a string');
  if (typeof a.type !== 'string' || !(ACTOR_TYPES as readonly string[]).includes(a.type)) {
    problems.push(`type must be one of ${ACTOR_TYPES.join(', ')}`);
  }
  if (!isStringList(a.aliases)) problems.push('aliases must be a list of non-empty strings');
  if (
    a.code !== undefined &&
    a.code !== null &&
    (typeof a.code !== 'string' || !/^[A-Z]{3,12}$/.test(a.code))
  ) {
    problems.push('code must be a CAMEO code or null');
  }
  if (
    a.country !== undefined &&
    a.country !== null &&
    (typeof a.country !== 'string' || !ISO3.test(a.country))
  ) {
    problems.push('country must be ISO 3166-1 alpha-3 or null');
  }
  if (a.roles !== undefined) {
    if (!Array.isArray(a.roles)) problems.push('roles must be a list');
    else a.roles.forEach((role, i) => checkRole(role, `roles[${i}]`, problems));
  }
  if (a.gender !== undefined && a.gender !== 'm' && a.gender !== 'f')
    problems.push('gender must be "m" or "f"');
  for (const key of ['demonyms', 'capitals', 'seats'] as const) {
    if (a[key] !== undefined && !isStringList(a[key]))
      problems.push(`${key} must be a list of strings`);
  }
  const known = new Set([
    'id',
    'name',
    'type',
    'aliases',
    'code',
    'country',
    'roles',
    'gender',
    'demonyms',
    'capitals',
    'seats',
    'note',
  ]);
  for (const key of Object.keys(a)) if (!known.has(key)) problems.push(`unknown field "${key}"`);
  return problems;
}
