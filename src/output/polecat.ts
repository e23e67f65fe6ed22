/**
 * PLOVER/POLECAT-style event records: one JSON object per event, one a line, with the field
 * names of the PLOVER manual's "Data Fields" chapter (draft 0.8, 2021; tables "PLOVER JSON",
 * "Information object for entities", "… for text", "… for citations", "Location object").
 * The manual asks providers to use its names where they carry the same information and allows
 * further fields, so our own facts (CAMEO code, negation, modality, rule, confidence…) follow
 * under names of our own. docs/exports.md lists every field.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NewsgraphError } from '../core/errors.js';
import { INTERNATIONAL, splitActorCode, type ActorCodeParts } from './actor-code.js';
import { countries } from './countries.js';
import type { ExportArgument, ExportEvent } from './export-event.js';

const PLOVER_FILE = resolve(import.meta.dirname, '../../data/events/plover.json');
const CAMEO_FILE = resolve(import.meta.dirname, '../../data/events/cameo.json');

/** Which codebook the records follow, for `cite_info.codebook`. */
export const PLOVER_CODEBOOK = 'PLOVER manual draft 0.8 (2021)';

export interface PloverEntity {
  /** Top-level entity: ISO alpha-3 country, or UNO, EUR (the EU), IGO, NGO, ISM, IMG, MNC. */
  code: string | null;
  /** The first PLOVER sector (GOV, MIL, JRN…). */
  sector: string | null;
  /** Further sectors (the manual's "secondary field"). */
  other_sectors: string[];
  entity_text: string;
  /** Our KB id (the manual suggests a Wikidata id; the KB keys actors by its own ids). */
  identifier_id: string | null;
  identifier_text: string | null;
  religion: string | null;
  office: string | null;
  /** Ours: the CAMEO actor code and, when the text did not name it, how it was inferred. */
  cameo_code: string | null;
  inferred: string | null;
}

export interface PloverLocation {
  extracted_place: string;
  resolved_place: string;
  lat: number | null;
  lon: number | null;
  city: string | null;
  country: string | null;
  country_code: string | null;
  /** 4 city, 2 province (a region without coordinates), 1 country, as the manual numbers them. */
  resolution: number;
}

export interface PloverRecord {
  id: string;
  date: string | null;
  enddate?: string;
  actor: PloverEntity[];
  recipient: PloverEntity[];
  event: string[];
  event_loc: PloverLocation | null;
  event_text: string[];
  quad_code: number;
  event_scale: number | null;
  mode: string[];
  context: string[];
  text?: string;
  text_info: { sequence: number | null; start: number; end: number };
  cite_info: {
    url: string | null;
    title: string | null;
    language: string | null;
    coder: string;
    codebook: string;
  };
  coded_date: string;
  coded_time: string;
  // Ours, beyond the manual's fields.
  document_id: string;
  event_id: string;
  cameo: string;
  negated: boolean;
  modality: string;
  attribution: string | null;
  date_text: string | null;
  rule: string;
  confidence: number;
  num_articles: number;
}

interface PloverTables {
  /** PLOVER type → its score, and `TYPE/mode` → the mode's score where it has one. */
  scores: Map<string, number>;
  /** CAMEO code → PLOVER contexts. */
  contexts: Map<string, string[]>;
}

let tables: PloverTables | undefined;

function loadTables(): PloverTables {
  try {
    const plover = JSON.parse(readFileSync(PLOVER_FILE, 'utf8')) as {
      types: {
        type: string;
        score: number | null;
        modes: { mode: string; score: number | null }[];
      }[];
    };
    const cameo = JSON.parse(readFileSync(CAMEO_FILE, 'utf8')) as {
      codes: { code: string; plover: { context: string | null } }[];
    };
    const scores = new Map<string, number>();
    for (const t of plover.types) {
      if (typeof t.score === 'number') scores.set(t.type, t.score);
      for (const m of t.modes)
        if (typeof m.score === 'number') scores.set(`${t.type}/${m.mode}`, m.score);
    }
    // The table writes several contexts as "pro_autocracy; military".
    const contexts = new Map<string, string[]>();
    for (const c of cameo.codes) {
      contexts.set(c.code, c.plover.context ? c.plover.context.split(/;\s*/) : []);
    }
    return { scores, contexts };
  } catch (error) {
    throw new NewsgraphError('NG_KB_INVALID', `PLOVER tables: ${(error as Error).message}`, {
      file: PLOVER_FILE,
    });
  }
}

/** CAMEO role codes that PLOVER renames or folds (manual, "Sector code notes"). */
const SECTOR_OF: Record<string, string | undefined> = {
  MED: 'JRN', // CAMEO media → PLOVER JRN
  HLH: 'MED', // CAMEO health → PLOVER MED
  INS: 'REB', // PLOVER drops the insurgent/separatist distinction
  SEP: 'REB',
  DEV: 'SOC',
  ENV: 'SOC',
  HRI: 'SOC',
};
const PLOVER_SECTORS = new Set([
  'COP', 'GOV', 'JUD', 'LEG', 'MIL', 'PRM', 'PTY', 'REB', 'SPY', 'UAF', 'UNK', 'AGR', 'BUS',
  'CRM', 'CVL', 'EDU', 'ELI', 'JRN', 'LAB', 'MED', 'REF', 'OPP', 'PRE', 'REL', 'SOC',
]); // prettier-ignore

/** PLOVER's top-level code for a CAMEO actor code (manual, "Country names"). */
function entityCode(arg: ExportArgument, parts: ActorCodeParts): string | null {
  const international = parts.types.find((t) => INTERNATIONAL.has(t));
  if (international === 'IGO' || international === 'PKO') {
    // The UN and the EU have their own codes; other IGOs (and peacekeepers of no known
    // organisation) share IGO.
    if (arg.code?.startsWith('IGOUNO')) return 'UNO';
    if (parts.knownGroup === 'EEC') return 'EUR';
    return 'IGO';
  }
  if (international === 'NGO') return 'NGO';
  if (international === 'NGM') return 'ISM';
  if (international === 'IMG' || international === 'MNC') return international;
  const country = parts.country ?? arg.country;
  // Regions ("the West") get no country in PLOVER; Kosovo is KOS there.
  const known = country ? countries().get(country) : undefined;
  if (!known) return null;
  return known.iso3 === 'XKX' ? 'KOS' : known.iso3;
}

function entity(arg: ExportArgument): PloverEntity {
  const parts = splitActorCode(arg.code);
  const sectors = [
    ...new Set(parts.types.map((t) => SECTOR_OF[t] ?? t).filter((t) => PLOVER_SECTORS.has(t))),
  ];
  return {
    code: entityCode(arg, parts),
    sector: sectors[0] ?? null,
    other_sectors: sectors.slice(1),
    entity_text: arg.text,
    identifier_id: arg.actor,
    identifier_text: arg.name,
    religion: parts.religions[0] ?? null,
    office: arg.role,
    cameo_code: arg.code,
    inferred: arg.inferred,
  };
}

function location(e: ExportEvent): PloverLocation | null {
  const loc = e.event.location;
  if (!loc) return null;
  const country = loc.country ? countries().get(loc.country) : undefined;
  const hasPoint = loc.lat !== null && loc.lon !== null;
  const wholeCountry =
    !hasPoint && (e.locationIsCountry ?? countries().byName(loc.name)?.iso3 === country?.iso3);
  const resolution = hasPoint ? 4 : wholeCountry ? 1 : 2;
  return {
    extracted_place: loc.name,
    resolved_place: resolution === 1 && country ? country.name : loc.name,
    lat: loc.lat,
    lon: loc.lon,
    city: hasPoint ? loc.name : null,
    country: country?.name ?? null,
    country_code: loc.country,
    resolution,
  };
}

/** The PLOVER record of one event. */
export function ploverRecord(e: ExportEvent, coder: string): PloverRecord {
  tables ??= loadTables();
  const event = e.event;
  const added = new Date(e.addedAt);
  const stamp = Number.isNaN(added.getTime()) ? new Date(0) : added;
  const score =
    (event.mode === null ? undefined : tables.scores.get(`${event.type}/${event.mode}`)) ??
    tables.scores.get(event.type) ??
    null;
  const date = event.date?.start ?? e.published;
  const record: PloverRecord = {
    id: e.uid,
    date,
    ...(event.date && event.date.end !== event.date.start ? { enddate: event.date.end } : {}),
    // A source the text does not name at all (a headline's "shelling") is no actor.
    actor: e.source.actor || e.source.code || e.source.text ? [entity(e.source)] : [],
    recipient: e.target ? [entity(e.target)] : [],
    event: [event.type],
    event_loc: location(e),
    event_text: [...new Set([event.trigger.text, ...event.mentions.map((m) => m.trigger.text)])],
    quad_code: event.quadClass,
    event_scale: score,
    mode: event.mode ? [event.mode] : [],
    context: tables.contexts.get(event.cameo) ?? [],
    ...(e.sentenceText === null ? {} : { text: e.sentenceText }),
    text_info: {
      sequence: e.sentenceNumber,
      start: event.sentence.start,
      end: event.sentence.end,
    },
    cite_info: {
      url: e.url,
      title: e.title,
      // ISO 639-1 as the manual asks; 'und' (undetermined) is no language.
      language: e.language === 'und' ? null : e.language,
      coder,
      codebook: PLOVER_CODEBOOK,
    },
    coded_date: stamp.toISOString().slice(0, 10),
    coded_time: stamp.toISOString().slice(11, 19),
    document_id: e.documentId,
    event_id: event.id,
    cameo: event.cameo,
    negated: event.negated,
    modality: event.modality,
    attribution: event.attribution,
    date_text: event.date?.text || null,
    rule: event.rule,
    confidence: event.confidence,
    num_articles: e.numArticles,
  };
  return record;
}

const PACKAGE_FILE = resolve(import.meta.dirname, '../../package.json');

/** `newsgraph <version>`, for `cite_info.coder`. */
export function defaultCoder(): string {
  try {
    const pkg = JSON.parse(readFileSync(PACKAGE_FILE, 'utf8')) as { version?: string };
    return `newsgraph ${pkg.version ?? ''}`.trim();
  } catch {
    return 'newsgraph';
  }
}

/** One JSON line (with its `\n`). */
export function ploverLine(e: ExportEvent, coder: string): string {
  return `${JSON.stringify(ploverRecord(e, coder))}\n`;
}
