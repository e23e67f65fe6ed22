/**
 * The article gold format (`*.gold.json`, ../shared/eval/README.md) and its validating loader.
 *
 * Lists may be written as one string or as an array (`"kind": "direct"` or
 * `"kind": ["direct", "indirect"]`); items are required unless they say `"required": false`.
 * Item fields the scorer does not read (`evidence`, `date`, notes) are allowed and ignored;
 * unknown `metadata` fields are an error, since they would silently go unscored.
 */
import { NewsgraphError } from '../core/errors.js';
import { normaliseQuoteText } from './codes.js';

export type OneOrMany<T> = T | T[];

export type QuoteKind = 'direct' | 'indirect';

export interface GoldMetadata {
  title?: string;
  views?: number;
  photoCredit?: string;
  boilerplate?: OneOrMany<string>;
}

export interface GoldActor {
  /** Canonical name; compared with case and diacritics ignored. */
  name: string;
  /** Alternative CAMEO codes: any one matching the predicted actor's code is enough. */
  code: OneOrMany<string>;
  /** Surface strings; a predicted mention with one of these texts identifies the actor. */
  mentions?: OneOrMany<string>;
  required?: boolean;
}

export interface GoldQuote {
  /** The speaker's canonical actor name. */
  speaker: string;
  /** Absent: either kind is right. */
  kind?: OneOrMany<QuoteKind>;
  /** An exact substring of the quote's content. */
  contains: string;
  required?: boolean;
}

export interface GoldEvent {
  source: OneOrMany<string>;
  /** `*` for any target or none. */
  target: OneOrMany<string>;
  type: OneOrMany<string>;
  negated?: boolean;
  /** Absent: `asserted`. */
  modality?: OneOrMany<string>;
  /** The text at the trigger, for people reading misses. */
  evidence?: string;
  required?: boolean;
}

export interface ArticleGold {
  /** The input: a text file beside the gold file… */
  file?: string;
  /** …or a corpus id. */
  id?: string;
  /** YYYY-MM-DD. */
  published?: string;
  metadata?: GoldMetadata;
  actors?: GoldActor[];
  quotes?: GoldQuote[];
  events?: GoldEvent[];
}

/** A list field as an array. */
export function asList<T>(value: OneOrMany<T> | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Whether an item counts for recall (`required` absent or true). */
export function isRequired(item: { required?: boolean }): boolean {
  return item.required !== false;
}

const METADATA_FIELDS: ReadonlySet<string> = new Set([
  'title',
  'views',
  'photoCredit',
  'boilerplate',
]);
const QUOTE_KINDS: ReadonlySet<string> = new Set(['direct', 'indirect']);

type JsonObject = Record<string, unknown>;

/** Where a value sits in the gold file, for error messages. */
interface Place {
  file: string;
  where: string;
}

function at(place: Place, key: string | number): Place {
  const where = typeof key === 'number' ? `${place.where}[${key}]` : `${place.where}.${key}`;
  return { file: place.file, where };
}

function fail(place: Place, message: string): never {
  throw new NewsgraphError('NG_JSONL_RECORD', `gold ${place.where} ${message}`, {
    file: place.file,
  });
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readObject(value: unknown, place: Place): JsonObject {
  if (!isObject(value)) fail(place, 'must be an object');
  return value;
}

function readString(value: unknown, place: Place): string {
  if (typeof value !== 'string' || value.trim() === '') fail(place, 'must be a non-empty string');
  return value;
}

function optionalString(value: unknown, place: Place): string | undefined {
  return value === undefined ? undefined : readString(value, place);
}

function optionalBoolean(value: unknown, place: Place): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  return fail(place, 'must be true or false');
}

function readStrings(value: unknown, place: Place): OneOrMany<string> {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) fail(place, 'must not be an empty list');
  list.forEach((entry, index) => {
    const entryPlace = Array.isArray(value) ? at(place, index) : place;
    if (typeof entry !== 'string' || entry.trim() === '') {
      fail(entryPlace, 'must be a non-empty string or a list of them');
    }
  });
  return value as OneOrMany<string>;
}

function optionalStrings(value: unknown, place: Place): OneOrMany<string> | undefined {
  return value === undefined ? undefined : readStrings(value, place);
}

function readItems<T>(value: unknown, place: Place, readItem: (item: unknown, p: Place) => T): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(place, 'must be a list');
  return value.map((item, index) => readItem(item, at(place, index)));
}

function withRequired<T extends object>(item: T, required: boolean | undefined): T {
  return required === undefined ? item : { ...item, required };
}

function readMetadata(value: unknown, place: Place): GoldMetadata {
  const raw = readObject(value, place);
  for (const key of Object.keys(raw)) {
    if (!METADATA_FIELDS.has(key)) {
      fail(at(place, key), `is not scored (known: ${[...METADATA_FIELDS].join(', ')})`);
    }
  }
  const metadata: GoldMetadata = {};
  if (raw.title !== undefined) metadata.title = readString(raw.title, at(place, 'title'));
  if (raw.views !== undefined) {
    if (typeof raw.views !== 'number' || !Number.isFinite(raw.views)) {
      fail(at(place, 'views'), 'must be a number');
    }
    metadata.views = raw.views;
  }
  if (raw.photoCredit !== undefined) {
    metadata.photoCredit = readString(raw.photoCredit, at(place, 'photoCredit'));
  }
  if (raw.boilerplate !== undefined) {
    metadata.boilerplate = readStrings(raw.boilerplate, at(place, 'boilerplate'));
  }
  return metadata;
}

function readActor(value: unknown, place: Place): GoldActor {
  const raw = readObject(value, place);
  const actor: GoldActor = {
    name: readString(raw.name, at(place, 'name')),
    code: readStrings(raw.code, at(place, 'code')),
  };
  const mentions = optionalStrings(raw.mentions, at(place, 'mentions'));
  if (mentions !== undefined) actor.mentions = mentions;
  return withRequired(actor, optionalBoolean(raw.required, at(place, 'required')));
}

function readQuoteKinds(value: unknown, place: Place): OneOrMany<QuoteKind> | undefined {
  const kinds = optionalStrings(value, place);
  for (const kind of asList(kinds)) {
    if (!QUOTE_KINDS.has(kind)) fail(place, `has an unknown kind "${kind}" (direct, indirect)`);
  }
  return kinds as OneOrMany<QuoteKind> | undefined;
}

function readQuote(value: unknown, place: Place): GoldQuote {
  const raw = readObject(value, place);
  const contains = readString(raw.contains, at(place, 'contains'));
  if (normaliseQuoteText(contains) === '') fail(at(place, 'contains'), 'holds only quote marks');
  const quote: GoldQuote = { speaker: readString(raw.speaker, at(place, 'speaker')), contains };
  const kind = readQuoteKinds(raw.kind, at(place, 'kind'));
  if (kind !== undefined) quote.kind = kind;
  return withRequired(quote, optionalBoolean(raw.required, at(place, 'required')));
}

function readEvent(value: unknown, place: Place): GoldEvent {
  const raw = readObject(value, place);
  if (raw.target === undefined) fail(at(place, 'target'), 'is missing (use ["*"] for any or none)');
  const event: GoldEvent = {
    source: readStrings(raw.source, at(place, 'source')),
    target: readStrings(raw.target, at(place, 'target')),
    type: readStrings(raw.type, at(place, 'type')),
  };
  const negated = optionalBoolean(raw.negated, at(place, 'negated'));
  if (negated !== undefined) event.negated = negated;
  const modality = optionalStrings(raw.modality, at(place, 'modality'));
  if (modality !== undefined) event.modality = modality;
  if (typeof raw.evidence === 'string') event.evidence = raw.evidence;
  return withRequired(event, optionalBoolean(raw.required, at(place, 'required')));
}

function readInput(raw: JsonObject, place: Place): Pick<ArticleGold, 'file' | 'id'> {
  const file = optionalString(raw.file, at(place, 'file'));
  const id = optionalString(raw.id, at(place, 'id'));
  if (file === undefined && id === undefined) {
    fail(place, 'names no input: give "file" (a text file beside it) or "id" (a corpus id)');
  }
  if (file !== undefined && id !== undefined) fail(place, 'gives both "file" and "id"');
  return file !== undefined ? { file } : { id };
}

/**
 * Checks parsed gold JSON and returns it as an `ArticleGold` holding only the fields scored.
 * Throws NG_JSONL_RECORD, with `path` as the file, naming the first malformed field.
 */
export function parseArticleGold(json: unknown, path: string): ArticleGold {
  const field = (key: string): Place => ({ file: path, where: key });
  const raw = readObject(json, field('file'));
  const gold: ArticleGold = readInput(raw, field('file'));
  const published = optionalString(raw.published, field('published'));
  if (published !== undefined) gold.published = published;
  if (raw.metadata !== undefined) gold.metadata = readMetadata(raw.metadata, field('metadata'));
  gold.actors = readItems(raw.actors, field('actors'), readActor);
  gold.quotes = readItems(raw.quotes, field('quotes'), readQuote);
  gold.events = readItems(raw.events, field('events'), readEvent);
  return gold;
}
