/**
 * The Store over SQL, written once for both databases: the drivers (sqlite.ts, postgres.ts)
 * supply connections, transactions, full-text matching, Hamming distance and error
 * translation; everything else — idempotent puts, near-duplicate links, filters, keyset pages
 * and turning rows back into the contract's objects — is here.
 */
import { NewsgraphError } from '../core/errors.js';
import { ACTOR_TYPES } from '../kb/schema.js';
import type {
  ActorResult,
  ArgumentInference,
  EventResult,
  ExtractionResult,
  QuoteResult,
} from '../output/result.js';
import { isoDate } from '../stages/ingest/ingest.js';
import {
  ACTOR_COLUMNS,
  DOCUMENT_ACTOR_COLUMNS,
  DOCUMENT_COLUMNS,
  EVENT_COLUMNS,
  MAX_KEY_LENGTH,
  MENTION_COLUMNS,
  QUOTE_COLUMNS,
  checkSimhash,
  nameKey,
  resultRows,
  simhashBands,
  urlKey,
} from './rows.js';
import {
  Conditions,
  insertRows,
  json,
  num,
  numOrNull,
  placeholders,
  strOrNull,
  textWords,
  type Row,
  type SqlDriver,
  type SqlSession,
  type SqlValue,
} from './sql.js';
import type {
  DocumentInfo,
  Page,
  PutOutcome,
  QueryFilter,
  Store,
  StoreStats,
  StoredActor,
  StoredDocument,
  StoredEvent,
  StoredQuote,
} from './store.js';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;

/**
 * SimHash bands make a lookup within this many bits exact (4 bands of 16 bits: two hashes
 * within 3 bits agree on a whole band); beyond it every stored hash is compared.
 */
const BANDED_DISTANCE = 3;

interface NearIndex {
  lastSeq: number;
  ids: string[];
  /** The first copy each document links to (itself when it is one). */
  firsts: string[];
  hi: number[];
  lo: number[];
}

/** Bits set in a 32-bit number. */
function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The first copy of the nearest stored hash within `maxDistance` bits (earliest on ties). */
function nearest(index: NearIndex, hash: string, maxDistance: number): string | null {
  const hi = Number.parseInt(hash.slice(0, 8), 16);
  const lo = Number.parseInt(hash.slice(8, 16), 16);
  let best = -1;
  let bestDistance = maxDistance + 1;
  for (let i = 0; i < index.ids.length; i++) {
    const distance = popcount((index.hi[i] ?? 0) ^ hi) + popcount((index.lo[i] ?? 0) ^ lo);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best < 0 ? null : (index.firsts[best] ?? null);
}

type Listing = 'events' | 'quotes' | 'actors' | 'documents';

function usage(message: string): never {
  throw new NewsgraphError('NG_USAGE', message);
}

/** The opaque cursor of a listing: which listing, and the key of the last item returned. */
function encodeCursor(listing: Listing, key: string | number): string {
  return Buffer.from(`${listing}:${key}`, 'utf8').toString('base64url');
}

function decodeCursor(listing: Listing, cursor: string): string {
  const text = /^[A-Za-z0-9_-]{1,2000}$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8')
    : '';
  const colon = text.indexOf(':');
  const key = text.slice(colon + 1);
  const valid =
    colon > 0 &&
    text.slice(0, colon) === listing &&
    (listing === 'actors'
      ? key.length > 0 && key.length <= MAX_KEY_LENGTH
      : /^\d{1,15}$/.test(key));
  if (!valid) usage(`invalid cursor for ${listing}: pass back the "next" value of a page`);
  return key;
}

interface Filter {
  actor?: string;
  name?: string;
  type?: string;
  country?: string;
  since?: string;
  until?: string;
  text?: string;
  document?: string;
  limit: number;
  after?: string;
}

function filterDate(value: string, name: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? isoDate(value) : undefined;
  if (!date)
    throw new NewsgraphError('NG_DATE_INVALID', `${name} must be YYYY-MM-DD, got "${value}"`);
  return date;
}

/** Checks a QueryFilter (a public input: command line, API) and normalises its values. */
function checkFilter(listing: Listing, filter: QueryFilter = {}): Filter {
  const out: Filter = { limit: DEFAULT_LIMIT };
  const given = (name: keyof QueryFilter): string | undefined => {
    const value = filter[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') usage(`${name} must be a string`);
    if (name !== 'text' && (value === '' || value.length > MAX_KEY_LENGTH)) {
      usage(`${name} must be 1 to ${MAX_KEY_LENGTH} characters`);
    }
    return value;
  };
  const actor = given('actor');
  if (actor !== undefined) out.actor = actor;
  const name = given('name');
  if (name !== undefined) out.name = nameKey(name);
  const type = given('type');
  if (type !== undefined) {
    if (listing === 'quotes') usage('type does not apply to quotes');
    if (listing === 'actors') {
      const actorType = type.toLowerCase();
      if (!(ACTOR_TYPES as readonly string[]).includes(actorType)) {
        usage(`an actor type is one of ${ACTOR_TYPES.join(', ')}; got "${type}"`);
      }
      out.type = actorType;
    } else if (/^\d{1,4}$/.test(type) || /^[A-Za-z_]{1,64}$/.test(type)) {
      out.type = type.toUpperCase();
    } else {
      usage(`type must be a PLOVER event type (ACCUSE) or a CAMEO code prefix (12); got "${type}"`);
    }
  }
  const country = given('country');
  if (country !== undefined) {
    if (!/^[A-Za-z]{3}$/.test(country)) {
      usage(`country must be an ISO 3166-1 alpha-3 code (UKR); got "${country}"`);
    }
    out.country = country.toUpperCase();
  }
  const since = given('since');
  if (since !== undefined) out.since = filterDate(since, 'since');
  const until = given('until');
  if (until !== undefined) out.until = filterDate(until, 'until');
  const text = given('text');
  if (text !== undefined) out.text = text;
  const document = given('document');
  if (document !== undefined) out.document = document;
  if (filter.limit !== undefined && filter.limit !== null) {
    const limit = filter.limit;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      usage(`limit must be an integer from 1 to ${MAX_LIMIT}; got ${String(limit)}`);
    }
    out.limit = limit;
  }
  const cursor = filter.cursor;
  if (cursor !== undefined && cursor !== null) {
    if (typeof cursor !== 'string') usage('cursor must be a string');
    out.after = decodeCursor(listing, cursor);
  }
  return out;
}

/** The smallest string greater than every string starting with `prefix`. */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** An event type filter on events aliased `e`: PLOVER type, or CAMEO prefix as a key range. */
function addEventType(where: Conditions, type: string, e: string): void {
  if (/^\d+$/.test(type)) where.add(`${e}.cameo >= ? AND ${e}.cameo < ?`, type, prefixEnd(type));
  else where.add(`${e}.type = ?`, type);
}

function rowArgument(row: Row, prefix: 'source' | 'target') {
  const inferred = strOrNull(row[`${prefix}_inferred`]);
  return {
    actor: strOrNull(row[`${prefix}_actor`]),
    code: strOrNull(row[`${prefix}_code`]),
    text: String(row[`${prefix}_text`]),
    ...(inferred === null ? {} : { inferred: inferred as ArgumentInference }),
  };
}

/** An events row as the contract's event, fields in the contract's order. */
function rowEvent(row: Row): EventResult {
  const dateSource = strOrNull(row.date_source);
  const explanation = row.explanation === null ? null : json<string[]>(row.explanation);
  return {
    id: String(row.id),
    type: String(row.type),
    mode: strOrNull(row.mode),
    cameo: String(row.cameo),
    quadClass: num(row.quad_class),
    source: rowArgument(row, 'source'),
    target: row.target_text === null ? null : rowArgument(row, 'target'),
    trigger: {
      start: num(row.trigger_start),
      end: num(row.trigger_end),
      text: String(row.trigger_text),
    },
    sentence: { start: num(row.sentence_start), end: num(row.sentence_end) },
    negated: row.negated === true || row.negated === 1,
    modality: String(row.modality) as EventResult['modality'],
    date:
      row.date_start === null
        ? null
        : {
            text: String(row.date_text),
            start: String(row.date_start),
            end: String(row.date_end),
            ...(dateSource === null ? {} : { source: dateSource as 'text' | 'published' }),
          },
    location:
      row.location_name === null
        ? null
        : {
            name: String(row.location_name),
            country: strOrNull(row.location_country),
            lat: numOrNull(row.location_lat),
            lon: numOrNull(row.location_lon),
          },
    attribution: strOrNull(row.attribution),
    rule: String(row.rule),
    confidence: num(row.confidence),
    mentions: json(row.mentions),
    ...(explanation === null ? {} : { explanation }),
  };
}

function rowQuote(row: Row): StoredQuote {
  const rule = strOrNull(row.rule);
  const quote: QuoteResult = {
    id: String(row.id),
    speaker: strOrNull(row.speaker),
    speakerText: strOrNull(row.speaker_text),
    text: String(row.text),
    start: num(row.char_start),
    end: num(row.char_end),
    kind: String(row.kind) as QuoteResult['kind'],
    cue: strOrNull(row.cue),
    ...(rule === null ? {} : { rule }),
  };
  return {
    ...quote,
    uid: String(row.uid),
    documentId: String(row.document_id),
    published: strOrNull(row.published),
  };
}

function rowDocument(row: Row): StoredDocument {
  return {
    id: String(row.id),
    title: strOrNull(row.title),
    published: strOrNull(row.published),
    language: String(row.language),
    url: strOrNull(row.url),
    origin: String(row.origin),
    contentHash: String(row.content_hash),
    simhash: String(row.simhash),
    duplicateOf: strOrNull(row.duplicate_of),
    ingestedAt: String(row.ingested_at),
    counts: {
      actors: num(row.actor_count),
      quotes: num(row.quote_count),
      events: num(row.event_count),
    },
  };
}

/** Splits a list so that an IN (…) stays well below the databases' parameter limits. */
function chunks<T>(items: readonly T[], size = 5000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A page from `limit + 1` rows: the extra row only says that there is a next page. */
function page<R, T>(
  rows: R[],
  limit: number,
  listing: Listing,
  key: (row: R) => string | number,
  map: (rows: R[]) => T[] | Promise<T[]>,
): Promise<Page<T>> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return Promise.resolve(map(kept)).then((items) => ({
    items,
    next: more && last !== undefined ? encodeCursor(listing, key(last)) : null,
  }));
}

export function createSqlStore(driver: SqlDriver): Store {
  // The near-duplicate index: every stored document's SimHash as two 32-bit halves, in
  // storage order, with the first copy each one links to.
  const near: NearIndex = { lastSeq: 0, ids: [], firsts: [], hi: [], lo: [] };
  async function nearIndex(): Promise<NearIndex> {
    const rows = await driver.all<{
      seq: unknown;
      id: string;
      duplicate_of: string | null;
      simhash: string;
    }>('SELECT seq, id, duplicate_of, simhash FROM documents WHERE seq > ? ORDER BY seq', [
      near.lastSeq,
    ]);
    for (const r of rows) {
      near.ids.push(r.id);
      near.firsts.push(r.duplicate_of ?? r.id);
      near.hi.push(Number.parseInt(r.simhash.slice(0, 8), 16));
      near.lo.push(Number.parseInt(r.simhash.slice(8, 16), 16));
      near.lastSeq = Math.max(near.lastSeq, num(r.seq));
    }
    return near;
  }

  /** Runs an operation, turning the driver's errors into ours (disk full, read-only…). */
  async function guarded<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof NewsgraphError) throw error;
      throw driver.translateError(error) ?? error;
    }
  }

  async function existing(
    session: SqlSession,
    key: { id?: string; contentHash?: string; url?: string | null },
  ): Promise<string | null> {
    const any: [string, SqlValue][] = [];
    if (typeof key.id === 'string') any.push(['id = ?', key.id]);
    if (typeof key.contentHash === 'string') {
      any.push(['content_hash = ?', key.contentHash.toLowerCase()]);
    }
    if (typeof key.url === 'string') any.push(['url_key = ?', urlKey(key.url)]);
    if (any.length === 0) return null;
    const rows = await session.all<{ id: string }>(
      `SELECT id FROM documents WHERE ${any.map(([sql]) => sql).join(' OR ')} ORDER BY seq LIMIT 1`,
      any.map(([, value]) => value),
    );
    return rows[0]?.id ?? null;
  }

  /** The document-level filters, on documents aliased `d`. */
  function addDocumentFilters(where: Conditions, f: Filter): void {
    if (f.text !== undefined) {
      where.add(`d.id IN (${driver.textMatch})`, driver.ftsQuery(textWords(f.text)));
    }
    if (f.document !== undefined) where.add('d.id = ?', f.document);
  }

  /** This document's actor records (with their mentions) for the events of a page. */
  async function eventActors(rows: Row[]): Promise<Map<string, ActorResult>> {
    const documentIds = [...new Set(rows.map((r) => String(r.document_id)))];
    const wanted = new Set<string>();
    for (const r of rows) {
      for (const actor of [r.source_actor, r.target_actor]) {
        if (actor !== null) wanted.add(`${String(r.document_id)}\u0000${String(actor)}`);
      }
    }
    const actors = new Map<string, ActorResult>();
    if (wanted.size === 0) return actors;
    for (const ids of chunks(documentIds)) {
      const records = await driver.all(
        `SELECT * FROM document_actors WHERE document_id IN (${placeholders(ids.length)})`,
        ids,
      );
      for (const r of records) {
        const pair = `${String(r.document_id)}\u0000${String(r.actor_id)}`;
        if (!wanted.has(pair)) continue;
        actors.set(pair, {
          id: String(r.actor_id),
          name: String(r.name),
          type: String(r.type),
          code: strOrNull(r.code),
          codeSource: strOrNull(r.code_source) as ActorResult['codeSource'],
          country: strOrNull(r.country),
          role: strOrNull(r.role),
          mentions: [],
        });
      }
      const mentions = await driver.all(
        `SELECT document_id, actor_id, char_start, char_end, text, method, extra FROM mentions
         WHERE document_id IN (${placeholders(ids.length)}) ORDER BY seq`,
        ids,
      );
      for (const m of mentions) {
        const actor = actors.get(`${String(m.document_id)}\u0000${String(m.actor_id)}`);
        const extra = m.extra === null ? {} : json<Record<string, unknown>>(m.extra);
        actor?.mentions.push({
          start: num(m.char_start),
          end: num(m.char_end),
          text: String(m.text),
          method: String(m.method),
          ...extra,
        });
      }
    }
    return actors;
  }

  const store: Store = {
    kind: driver.kind,
    location: driver.location,

    findExisting: (key) => guarded(() => existing(driver, key)),

    findNearDuplicate: (simhash, maxDistance) =>
      guarded(async () => {
        const hash = checkSimhash(simhash, 'simhash');
        if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > 64) {
          throw new NewsgraphError('NG_STORE_INVALID', 'maxDistance must be an integer 0–64');
        }
        // Beyond the bands every stored hash is compared: in memory, over an index that reads
        // only the documents stored since the last lookup (by any process), not in SQL, where
        // the comparison would scan the table on every call.
        if (maxDistance > BANDED_DISTANCE) return nearest(await nearIndex(), hash, maxDistance);
        const where = new Conditions();
        const bands = simhashBands(hash);
        where.add(bands.map((_, i) => `simhash_b${i} = ?`).join(' OR '), ...bands);
        // A copy of a copy links to the first copy: the original is what counts.
        const rows = await driver.all<{ id: string; duplicate_of: string | null }>(
          `SELECT id, duplicate_of FROM (
             SELECT id, duplicate_of, seq, ${driver.hamming('simhash', '?')} AS distance
             FROM documents ${where.toSql()}
           ) near WHERE distance <= ? ORDER BY distance, seq LIMIT 1`,
          [hash, ...where.params, maxDistance],
        );
        const row = rows[0];
        return row ? (row.duplicate_of ?? row.id) : null;
      }),

    put: (result: ExtractionResult, info: DocumentInfo) =>
      guarded(async () => {
        const rows = resultRows(result, info);
        if (driver.readonly) {
          throw new NewsgraphError(
            'NG_STORE_READONLY',
            `${driver.location} is open read-only; nothing was written`,
          );
        }
        return driver.transaction(async (tx): Promise<PutOutcome> => {
          const key = { id: rows.id, contentHash: rows.contentHash, url: rows.url };
          const found = await existing(tx, key);
          if (found !== null) return { stored: 'exists', id: found };
          let original: string | null = null;
          if (info.duplicateOf !== null && info.duplicateOf !== undefined) {
            const [first] = await tx.all<{ id: string; duplicate_of: string | null }>(
              'SELECT id, duplicate_of FROM documents WHERE id = ?',
              [info.duplicateOf],
            );
            if (!first) {
              throw new NewsgraphError(
                'NG_STORE_INVALID',
                `info.duplicateOf names "${info.duplicateOf}", which is not stored; nothing was stored`,
              );
            }
            original = first.duplicate_of ?? first.id;
          }
          const document = { ...rows.document, duplicate_of: original };
          const inserted = await tx.run(
            `INSERT INTO documents (${DOCUMENT_COLUMNS.join(', ')})
             VALUES (${placeholders(DOCUMENT_COLUMNS.length)}) ON CONFLICT DO NOTHING`,
            DOCUMENT_COLUMNS.map((c) => document[c]),
          );
          if (inserted === 0) {
            // Another process stored the same document between our check and our insert.
            return { stored: 'exists', id: (await existing(tx, key)) ?? rows.id };
          }
          // A near-duplicate keeps its text and result, but its facts are its original's:
          // they are not stored (nor counted) again.
          if (original !== null) return { stored: 'duplicate', id: rows.id, of: original };
          // The shared actor record follows the latest publication date seen.
          await insertRows(
            tx,
            'actors',
            ACTOR_COLUMNS,
            rows.actors,
            `ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key,
             type = excluded.type, code = excluded.code, country = excluded.country,
             role = excluded.role, seen = excluded.seen
             WHERE excluded.seen IS NOT NULL AND (actors.seen IS NULL OR excluded.seen >= actors.seen)`,
          );
          await insertRows(tx, 'document_actors', DOCUMENT_ACTOR_COLUMNS, rows.documentActors);
          await insertRows(tx, 'mentions', MENTION_COLUMNS, rows.mentions);
          await insertRows(tx, 'quotes', QUOTE_COLUMNS, rows.quotes);
          await insertRows(tx, 'events', EVENT_COLUMNS, rows.events);
          return { stored: 'new', id: rows.id };
        });
      }),

    events: (filter) =>
      guarded(async () => {
        const f = checkFilter('events', filter);
        const where = new Conditions();
        if (f.actor !== undefined) {
          where.add('e.source_actor = ? OR e.target_actor = ?', f.actor, f.actor);
        }
        if (f.type !== undefined) addEventType(where, f.type, 'e');
        if (f.country !== undefined) {
          const c = f.country;
          where.add(
            `e.source_country = ? OR e.target_country = ? OR e.location_country = ?
             OR substr(e.source_code, 1, 3) = ? OR substr(e.target_code, 1, 3) = ?`,
            c,
            c,
            c,
            c,
            c,
          );
        }
        // An event is in [since, until] when its date range meets it.
        if (f.since !== undefined) where.add('e.when_end >= ?', f.since);
        if (f.until !== undefined) where.add('e.when_start <= ?', f.until);
        addDocumentFilters(where, f);
        if (f.after !== undefined) where.add('e.seq > ?', Number(f.after));
        const rows = await driver.all(
          `SELECT e.*, d.published AS document_published, d.url AS document_url,
             (SELECT COUNT(*) FROM documents n WHERE n.duplicate_of = e.document_id) AS copies
           FROM events e JOIN documents d ON d.id = e.document_id
           ${where.toSql()} ORDER BY e.seq LIMIT ?`,
          [...where.params, f.limit + 1],
        );
        return page(
          rows,
          f.limit,
          'events',
          (r) => num(r.seq),
          async (kept) => {
            const actors = await eventActors(kept);
            const actorOf = (r: Row, actor: unknown) =>
              actor === null
                ? null
                : (actors.get(`${String(r.document_id)}\u0000${String(actor)}`) ?? null);
            return kept.map((r): StoredEvent => ({
              ...rowEvent(r),
              uid: String(r.uid),
              documentId: String(r.document_id),
              published: strOrNull(r.document_published),
              url: strOrNull(r.document_url),
              numArticles: 1 + num(r.copies),
              sourceActor: actorOf(r, r.source_actor),
              targetActor: actorOf(r, r.target_actor),
            }));
          },
        );
      }),

    quotes: (filter) =>
      guarded(async () => {
        const f = checkFilter('quotes', filter);
        const where = new Conditions();
        if (f.actor !== undefined) where.add('q.speaker = ?', f.actor);
        if (f.country !== undefined) {
          where.add(
            'q.speaker_country = ? OR substr(q.speaker_code, 1, 3) = ?',
            f.country,
            f.country,
          );
        }
        if (f.since !== undefined) where.add('q.published >= ?', f.since);
        if (f.until !== undefined) where.add('q.published <= ?', f.until);
        addDocumentFilters(where, f);
        if (f.after !== undefined) where.add('q.seq > ?', Number(f.after));
        const rows = await driver.all(
          `SELECT q.* FROM quotes q JOIN documents d ON d.id = q.document_id
           ${where.toSql()} ORDER BY q.seq LIMIT ?`,
          [...where.params, f.limit + 1],
        );
        return page(
          rows,
          f.limit,
          'quotes',
          (r) => num(r.seq),
          (kept) => kept.map(rowQuote),
        );
      }),

    actors: (filter) =>
      guarded(async () => {
        const f = checkFilter('actors', filter);
        const where = new Conditions();
        if (f.actor !== undefined) where.add('a.id = ?', f.actor);
        // A name, or a text the actor was mentioned by ("Bush", "the Kremlin"): several
        // actors may answer, and the caller says which.
        if (f.name !== undefined) {
          where.add(
            'a.name_key = ? OR a.id IN (SELECT m.actor_id FROM mentions m WHERE lower(m.text) = ?)',
            f.name,
            f.name,
          );
        }
        if (f.type !== undefined) where.add('a.type = ?', f.type);
        if (f.country !== undefined) {
          where.add('a.country = ? OR substr(a.code, 1, 3) = ?', f.country, f.country);
        }
        // Counts are over the documents that pass the filters.
        if (f.since !== undefined) where.add('d.published >= ?', f.since);
        if (f.until !== undefined) where.add('d.published <= ?', f.until);
        addDocumentFilters(where, f);
        if (f.after !== undefined) where.add('a.id > ?', f.after);
        const rows = await driver.all(
          `SELECT a.id, a.name, a.type, a.code, a.country, a.role,
             COUNT(*) AS documents, SUM(da.mention_count) AS mentions
           FROM actors a
           JOIN document_actors da ON da.actor_id = a.id
           JOIN documents d ON d.id = da.document_id
           ${where.toSql()}
           GROUP BY a.id, a.name, a.type, a.code, a.country, a.role
           ORDER BY a.id LIMIT ?`,
          [...where.params, f.limit + 1],
        );
        return page(
          rows,
          f.limit,
          'actors',
          (r) => String(r.id),
          (kept) =>
            kept.map((r): StoredActor => ({
              id: String(r.id),
              name: String(r.name),
              type: String(r.type),
              code: strOrNull(r.code),
              country: strOrNull(r.country),
              role: strOrNull(r.role),
              documents: num(r.documents),
              mentions: num(r.mentions),
            })),
        );
      }),

    documents: (filter) =>
      guarded(async () => {
        const f = checkFilter('documents', filter);
        const where = new Conditions();
        // A near-duplicate states what its original states: facts are looked up there.
        const facts = 'COALESCE(d.duplicate_of, d.id)';
        if (f.actor !== undefined) {
          where.add(
            `EXISTS (SELECT 1 FROM document_actors da
                     WHERE da.document_id = ${facts} AND da.actor_id = ?)`,
            f.actor,
          );
        }
        if (f.type !== undefined) {
          const type = new Conditions();
          addEventType(type, f.type, 'e');
          where.add(
            `EXISTS (SELECT 1 FROM events e WHERE e.document_id = ${facts} AND ${type.parts[0]})`,
            ...type.params,
          );
        }
        if (f.country !== undefined) {
          where.add(
            `EXISTS (SELECT 1 FROM document_actors da WHERE da.document_id = ${facts}
                     AND (da.country = ? OR substr(da.code, 1, 3) = ?))
             OR EXISTS (SELECT 1 FROM events e WHERE e.document_id = ${facts}
                        AND e.location_country = ?)`,
            f.country,
            f.country,
            f.country,
          );
        }
        if (f.since !== undefined) where.add('d.published >= ?', f.since);
        if (f.until !== undefined) where.add('d.published <= ?', f.until);
        addDocumentFilters(where, f);
        if (f.after !== undefined) where.add('d.seq > ?', Number(f.after));
        const rows = await driver.all(
          `SELECT d.seq, d.id, d.title, d.published, d.language, d.url, d.origin, d.content_hash,
             d.simhash, d.duplicate_of, d.ingested_at, d.actor_count, d.quote_count, d.event_count
           FROM documents d ${where.toSql()} ORDER BY d.seq LIMIT ?`,
          [...where.params, f.limit + 1],
        );
        return page(
          rows,
          f.limit,
          'documents',
          (r) => num(r.seq),
          (kept) => kept.map(rowDocument),
        );
      }),

    result: (id) =>
      guarded(async () => {
        if (typeof id !== 'string') return null;
        const [row] = await driver.all('SELECT result FROM documents WHERE id = ?', [id]);
        return row ? json<ExtractionResult>(row.result) : null;
      }),

    stats: () =>
      guarded(async (): Promise<StoreStats> => {
        const [row] = await driver.all(
          `SELECT
             (SELECT COUNT(*) FROM documents) AS documents,
             (SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL) AS duplicates,
             (SELECT COUNT(*) FROM actors) AS actors,
             (SELECT COUNT(*) FROM mentions) AS mentions,
             (SELECT COUNT(*) FROM quotes) AS quotes,
             (SELECT COUNT(*) FROM events) AS events`,
        );
        return {
          documents: num(row?.documents),
          duplicates: num(row?.duplicates),
          actors: num(row?.actors),
          mentions: num(row?.mentions),
          quotes: num(row?.quotes),
          events: num(row?.events),
        };
      }),

    close: () => driver.close(),
  };
  return store;
}
