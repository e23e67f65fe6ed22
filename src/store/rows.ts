/**
 * An extraction result as table rows, checked on the way: `put` is a public input (the API and
 * other programs call it), so a malformed result is refused with NG_STORE_INVALID naming the
 * field, before anything is written, instead of failing half-way in the database.
 *
 * Lengths are bounded only for values that go into an index (ids, codes, names): PostgreSQL's
 * B-tree entries are limited to about 2,700 bytes.
 */
import { createHash } from 'node:crypto';
import { NewsgraphError } from '../core/errors.js';
import type { ExtractionResult } from '../output/result.js';
import type { DocumentInfo } from './store.js';
import type { SqlValue } from './sql.js';

/** The longest id, name or code kept in an indexed column. */
export const MAX_KEY_LENGTH = 512;

type Fields = Record<string, unknown>;

function invalid(path: string, what: string): never {
  throw new NewsgraphError('NG_STORE_INVALID', `${path} ${what}; nothing was stored`);
}

function object(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid(path, 'must be an object');
  }
  return value as Fields;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) invalid(path, 'must be an array');
  return value;
}

function string(fields: Fields, key: string, path: string, max = Infinity): string {
  const value = fields[key];
  if (typeof value !== 'string') invalid(`${path}.${key}`, 'must be a string');
  if (value.length > max) invalid(`${path}.${key}`, `is longer than ${max} characters`);
  return value;
}

function optionalString(fields: Fields, key: string, path: string, max = Infinity): string | null {
  const value = fields[key];
  if (value === null || value === undefined) return null;
  return string(fields, key, path, max);
}

function integer(fields: Fields, key: string, path: string): number {
  const value = fields[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    invalid(`${path}.${key}`, 'must be an integer');
  }
  return value;
}

function finite(fields: Fields, key: string, path: string, optional: boolean): number | null {
  const value = fields[key];
  if (optional && (value === null || value === undefined)) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    invalid(`${path}.${key}`, 'must be a finite number');
  }
  return value;
}

function key(fields: Fields, name: string, path: string): string {
  const value = string(fields, name, path, MAX_KEY_LENGTH);
  if (value === '') invalid(`${path}.${name}`, 'must not be empty');
  return value;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The four 16-bit bands of a SimHash, for the near-duplicate index. */
export function simhashBands(simhash: string): [string, string, string, string] {
  return [simhash.slice(0, 4), simhash.slice(4, 8), simhash.slice(8, 12), simhash.slice(12, 16)];
}

/** A SimHash argument: 16 hex digits, lower-cased. */
export function checkSimhash(value: unknown, path: string): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{16}$/i.test(value)) {
    invalid(path, 'must be a 64-bit SimHash as 16 hex digits');
  }
  return value.toLowerCase();
}

/** The lookup key of a URL: its SHA-256, unique like the URL and short enough for any index. */
export function urlKey(url: string): string {
  return createHash('sha256').update(url).digest('hex');
}

/** A name as actors are looked up by: NFC, lower case. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

export const DOCUMENT_COLUMNS = [
  'id',
  'title',
  'published',
  'language',
  'url',
  'url_key',
  'origin',
  'content_hash',
  'simhash',
  'simhash_b0',
  'simhash_b1',
  'simhash_b2',
  'simhash_b3',
  'duplicate_of',
  'ingested_at',
  'text',
  'metadata',
  'result',
  'actor_count',
  'quote_count',
  'event_count',
] as const;

export const ACTOR_COLUMNS = ['id', 'name', 'name_key', 'type', 'code', 'country', 'role', 'seen'];

export const DOCUMENT_ACTOR_COLUMNS = [
  'document_id',
  'actor_id',
  'name',
  'type',
  'code',
  'code_source',
  'country',
  'role',
  'mention_count',
];

export const MENTION_COLUMNS = [
  'document_id',
  'actor_id',
  'char_start',
  'char_end',
  'text',
  'method',
  'extra',
];

export const QUOTE_COLUMNS = [
  'uid',
  'document_id',
  'id',
  'speaker',
  'speaker_text',
  'speaker_code',
  'speaker_country',
  'text',
  'char_start',
  'char_end',
  'kind',
  'cue',
  'rule',
  'published',
];

export const EVENT_COLUMNS = [
  'uid',
  'document_id',
  'id',
  'type',
  'mode',
  'cameo',
  'quad_class',
  'source_actor',
  'source_code',
  'source_text',
  'source_inferred',
  'source_country',
  'target_actor',
  'target_code',
  'target_text',
  'target_inferred',
  'target_country',
  'trigger_start',
  'trigger_end',
  'trigger_text',
  'sentence_start',
  'sentence_end',
  'negated',
  'modality',
  'date_text',
  'date_start',
  'date_end',
  'date_source',
  'location_name',
  'location_country',
  'location_lat',
  'location_lon',
  'attribution',
  'rule',
  'confidence',
  'mentions',
  'explanation',
  'when_start',
  'when_end',
];

/** One result, ready to insert. `documentRow` lacks `duplicate_of`, which `put` resolves. */
export interface ResultRows {
  id: string;
  contentHash: string;
  url: string | null;
  urlKey: string | null;
  simhash: string;
  document: Record<(typeof DOCUMENT_COLUMNS)[number], SqlValue>;
  /** Sorted by id, so that concurrent writers lock actor rows in the same order. */
  actors: SqlValue[][];
  documentActors: SqlValue[][];
  mentions: SqlValue[][];
  quotes: SqlValue[][];
  events: SqlValue[][];
}

const MENTION_FIELDS = new Set(['start', 'end', 'text', 'method']);

/** Checks a result and its DocumentInfo and turns them into rows. Throws NG_STORE_INVALID. */
export function resultRows(result: ExtractionResult, info: DocumentInfo): ResultRows {
  const top = object(result, 'result');
  const id = key(top, 'id', 'result');
  const doc = object(top.document, 'result.document');
  const title = optionalString(doc, 'title', 'result.document');
  const published = optionalString(doc, 'published', 'result.document');
  if (published !== null && !DATE.test(published)) {
    invalid('result.document.published', 'must be YYYY-MM-DD or null');
  }
  const language = string(doc, 'language', 'result.document', 64);
  const text = string(doc, 'text', 'result.document');
  const metadata = object(doc.metadata ?? {}, 'result.document.metadata');

  const infoFields = object(info, 'info');
  const contentHash = string(infoFields, 'contentHash', 'info');
  if (!/^[0-9a-f]{64}$/i.test(contentHash)) {
    invalid('info.contentHash', 'must be a SHA-256 as 64 hex digits');
  }
  const simhash = checkSimhash(infoFields.simhash, 'info.simhash');
  const origin = string(infoFields, 'origin', 'info');
  const url = optionalString(infoFields, 'url', 'info');
  optionalString(infoFields, 'duplicateOf', 'info', MAX_KEY_LENGTH);

  // Actors: the shared record (latest publication date wins) and this document's own.
  const actorList = array(top.actors, 'result.actors');
  const actorsById = new Map<string, { code: string | null; country: string | null }>();
  const actors: SqlValue[][] = [];
  const documentActors: SqlValue[][] = [];
  const mentions: SqlValue[][] = [];
  actorList.forEach((value, i) => {
    const path = `result.actors[${i}]`;
    const a = object(value, path);
    const actorId = key(a, 'id', path);
    if (actorsById.has(actorId)) invalid(`${path}.id`, `repeats actor "${actorId}"`);
    const name = key(a, 'name', path);
    const type = key(a, 'type', path);
    const code = optionalString(a, 'code', path, MAX_KEY_LENGTH);
    const country = optionalString(a, 'country', path, MAX_KEY_LENGTH);
    const role = optionalString(a, 'role', path);
    const codeSource = optionalString(a, 'codeSource', path, MAX_KEY_LENGTH);
    actorsById.set(actorId, { code, country });
    const actorMentions = array(a.mentions, `${path}.mentions`);
    actors.push([actorId, name, nameKey(name), type, code, country, role, published]);
    documentActors.push([
      id,
      actorId,
      name,
      type,
      code,
      codeSource,
      country,
      role,
      actorMentions.length,
    ]);
    actorMentions.forEach((m, j) => {
      const mpath = `${path}.mentions[${j}]`;
      const mention = object(m, mpath);
      // Fields besides the contract's (a mention's own `code`) are kept as they came.
      const extra = Object.fromEntries(
        Object.entries(mention).filter(([k]) => !MENTION_FIELDS.has(k)),
      );
      mentions.push([
        id,
        actorId,
        integer(mention, 'start', mpath),
        integer(mention, 'end', mpath),
        string(mention, 'text', mpath),
        string(mention, 'method', mpath),
        Object.keys(extra).length ? JSON.stringify(extra) : null,
      ]);
    });
  });
  actors.sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
  const actorOf = (actorId: string | null) =>
    actorId === null ? undefined : actorsById.get(actorId);

  const quoteIds = new Set<string>();
  const quotes = array(top.quotes, 'result.quotes').map((value, i): SqlValue[] => {
    const path = `result.quotes[${i}]`;
    const q = object(value, path);
    const quoteId = key(q, 'id', path);
    if (quoteIds.has(quoteId)) invalid(`${path}.id`, `repeats quote "${quoteId}"`);
    quoteIds.add(quoteId);
    const speaker = optionalString(q, 'speaker', path, MAX_KEY_LENGTH);
    const kind = string(q, 'kind', path, 64);
    return [
      `${id}/${quoteId}`,
      id,
      quoteId,
      speaker,
      optionalString(q, 'speakerText', path),
      actorOf(speaker)?.code ?? null,
      actorOf(speaker)?.country ?? null,
      string(q, 'text', path),
      integer(q, 'start', path),
      integer(q, 'end', path),
      kind,
      optionalString(q, 'cue', path),
      optionalString(q, 'rule', path),
      published,
    ];
  });

  const eventIds = new Set<string>();
  const events = array(top.events, 'result.events').map((value, i): SqlValue[] => {
    const path = `result.events[${i}]`;
    const e = object(value, path);
    const eventId = key(e, 'id', path);
    if (eventIds.has(eventId)) invalid(`${path}.id`, `repeats event "${eventId}"`);
    eventIds.add(eventId);
    const argument = (name: 'source' | 'target'): SqlValue[] => {
      if (name === 'target' && (e.target === null || e.target === undefined)) {
        return [null, null, null, null, null];
      }
      const apath = `${path}.${name}`;
      const arg = object(e[name], apath);
      const actor = optionalString(arg, 'actor', apath, MAX_KEY_LENGTH);
      return [
        actor,
        optionalString(arg, 'code', apath, MAX_KEY_LENGTH),
        string(arg, 'text', apath),
        optionalString(arg, 'inferred', apath),
        actorOf(actor)?.country ?? null,
      ];
    };
    const trigger = object(e.trigger, `${path}.trigger`);
    const sentence = object(e.sentence, `${path}.sentence`);
    if (typeof e.negated !== 'boolean') invalid(`${path}.negated`, 'must be true or false');
    const date = e.date === null || e.date === undefined ? null : object(e.date, `${path}.date`);
    const location =
      e.location === null || e.location === undefined
        ? null
        : object(e.location, `${path}.location`);
    const dateStart = date && string(date, 'start', `${path}.date`, 64);
    const dateEnd = date && string(date, 'end', `${path}.date`, 64);
    const explanation =
      e.explanation === undefined ? null : array(e.explanation, `${path}.explanation`);
    return [
      `${id}/${eventId}`,
      id,
      eventId,
      key(e, 'type', path),
      optionalString(e, 'mode', path, MAX_KEY_LENGTH),
      key(e, 'cameo', path),
      integer(e, 'quadClass', path),
      ...argument('source'),
      ...argument('target'),
      integer(trigger, 'start', `${path}.trigger`),
      integer(trigger, 'end', `${path}.trigger`),
      string(trigger, 'text', `${path}.trigger`),
      integer(sentence, 'start', `${path}.sentence`),
      integer(sentence, 'end', `${path}.sentence`),
      e.negated ? 1 : 0,
      string(e, 'modality', path, 64),
      date && string(date, 'text', `${path}.date`),
      dateStart,
      dateEnd,
      date && optionalString(date, 'source', `${path}.date`),
      location && string(location, 'name', `${path}.location`),
      location && optionalString(location, 'country', `${path}.location`, MAX_KEY_LENGTH),
      location && finite(location, 'lat', `${path}.location`, true),
      location && finite(location, 'lon', `${path}.location`, true),
      optionalString(e, 'attribution', path),
      string(e, 'rule', path),
      finite(e, 'confidence', path, false),
      JSON.stringify(array(e.mentions, `${path}.mentions`)),
      explanation && JSON.stringify(explanation),
      dateStart ?? published,
      dateEnd ?? published,
    ];
  });

  const [b0, b1, b2, b3] = simhashBands(simhash);
  return {
    id,
    contentHash: contentHash.toLowerCase(),
    url,
    urlKey: url === null ? null : urlKey(url),
    simhash,
    document: {
      id,
      title,
      published,
      language,
      url,
      url_key: url === null ? null : urlKey(url),
      origin,
      content_hash: contentHash.toLowerCase(),
      simhash,
      simhash_b0: b0,
      simhash_b1: b1,
      simhash_b2: b2,
      simhash_b3: b3,
      duplicate_of: null,
      ingested_at: new Date().toISOString(),
      text,
      metadata: JSON.stringify(metadata),
      result: JSON.stringify(result),
      actor_count: actors.length,
      quote_count: quotes.length,
      event_count: events.length,
    },
    actors,
    documentActors,
    mentions,
    quotes,
    events,
  };
}
