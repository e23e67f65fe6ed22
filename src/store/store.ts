/**
 * The store: where extraction results live between runs. One interface, two real
 * implementations — SQLite (embedded, the default: `--db sqlite:./newsgraph.db`) and
 * PostgreSQL (`--db postgres://…`) — passing one shared test suite.
 *
 * A document is stored with its whole extraction result in one transaction: either all of
 * it (document, actors, mentions, quotes, events) is there or none of it is. Ids inside a
 * result (`e1`, `q2`) are namespaced by document id in the store (`<docId>/e1`), as the
 * contract says; actor ids are KB ids and are shared across documents.
 */
import type { ExtractionResult, EventResult, QuoteResult, ActorResult } from '../output/result.js';

/** What ingest knows about a document besides its extraction result. */
export interface DocumentInfo {
  /** SHA-256 (hex, 64 digits) of the clean text: the same article is stored once. */
  contentHash: string;
  /** 64-bit SimHash of the clean text's word shingles, as 16 hex digits. */
  simhash: string;
  /** Where it came from: a URL, a file path, or `-`. */
  origin: string;
  /** The canonical URL when known (`document.metadata.url` or the fetched URL). */
  url: string | null;
  /** The first stored copy this one nearly duplicates (syndication, light edits), if any. */
  duplicateOf: string | null;
}

export type PutOutcome =
  /** Stored with its actors, quotes and events. */
  | { stored: 'new'; id: string }
  /** Already there (same id, content hash or URL): nothing written. */
  | { stored: 'exists'; id: string }
  /** Stored as a near-duplicate of `of`: document kept, its events not counted again. */
  | { stored: 'duplicate'; id: string; of: string };

/** Filters shared by the query commands and the HTTP API. All optional; all combine (AND). */
export interface QueryFilter {
  /** An actor id (KB id or `unlinked:…`): events with it as source or target, its quotes… */
  actor?: string;
  /**
   * Actors only: an actor's name, or a text it was mentioned by ("Bush"), matched whole and
   * without regard to case (NFC).
   */
  name?: string;
  /**
   * A PLOVER event type (`ACCUSE`) or a CAMEO code prefix (`12`, `125`); listing actors, an
   * actor type (`person`, `country`…). Does not apply to quotes.
   */
  type?: string;
  /** ISO 3166-1 alpha-3: an argument's country or the event location's country. */
  country?: string;
  /** Inclusive YYYY-MM-DD bounds on the event date (else the document's publication date). */
  since?: string;
  until?: string;
  /** Full-text search over article text (FTS5 / tsvector); results come from matching docs. */
  text?: string;
  /** A document id. */
  document?: string;
  /** Page size (default 100, at most 10,000) and the cursor a previous page returned. */
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  next: string | null;
}

/** An event as stored: the contract's event plus where it came from. */
export interface StoredEvent extends EventResult {
  /** `<documentId>/<event id>`. */
  uid: string;
  documentId: string;
  published: string | null;
  url: string | null;
  /** How many stored articles state this event: 1 + the near-duplicates of its document. */
  numArticles: number;
  /** The source and target actors (name, type, country, code), for exports and tables. */
  sourceActor: ActorResult | null;
  targetActor: ActorResult | null;
}

export interface StoredQuote extends QuoteResult {
  uid: string;
  documentId: string;
  published: string | null;
}

export interface StoredActor extends Omit<ActorResult, 'mentions'> {
  /** Documents that mention the actor, and mentions in all. */
  documents: number;
  mentions: number;
}

export interface StoredDocument {
  id: string;
  title: string | null;
  published: string | null;
  language: string;
  url: string | null;
  origin: string;
  contentHash: string;
  simhash: string;
  duplicateOf: string | null;
  ingestedAt: string;
  counts: { actors: number; quotes: number; events: number };
}

export interface StoreStats {
  documents: number;
  duplicates: number;
  actors: number;
  mentions: number;
  quotes: number;
  events: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Where it is, for messages (`sqlite:./newsgraph.db`, a password-free postgres URL). */
  readonly location: string;

  /** Is a document with this id, content hash or URL already stored? Returns its id. */
  findExisting(key: {
    id?: string;
    contentHash?: string;
    url?: string | null;
  }): Promise<string | null>;
  /** Stored documents whose SimHash is within `maxDistance` bits (for near-duplicates). */
  findNearDuplicate(simhash: string, maxDistance: number): Promise<string | null>;
  /** Stores one result in one transaction; idempotent on id, content hash and URL. */
  put(result: ExtractionResult, info: DocumentInfo): Promise<PutOutcome>;

  events(filter?: QueryFilter): Promise<Page<StoredEvent>>;
  quotes(filter?: QueryFilter): Promise<Page<StoredQuote>>;
  actors(filter?: QueryFilter): Promise<Page<StoredActor>>;
  documents(filter?: QueryFilter): Promise<Page<StoredDocument>>;
  /** One stored document's whole extraction result, as `extract` printed it; null if absent. */
  result(id: string): Promise<ExtractionResult | null>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
