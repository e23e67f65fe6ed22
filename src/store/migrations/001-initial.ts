/**
 * Migration 1: documents with their whole result, actors, per-document actor records,
 * mentions, quotes and events (every contract field a column), and full-text search.
 *
 * The two dialects keep the same tables and column names; they differ where the databases do:
 * SQLite has INTEGER PRIMARY KEY rowids, 0/1 for booleans, JSON as text and an FTS5 table kept
 * by triggers; PostgreSQL has identity columns, booleans, the `json` type (which keeps the text
 * as written, so a stored result prints exactly as `extract` printed it) and a generated
 * tsvector column with a GIN index.
 *
 * `seq` columns give every row an ever-growing number: pages are cut by it (keyset
 * pagination), so rows stored while a reader pages through do not shift the pages.
 * `url_key` is the SHA-256 of the URL: unique like the URL, but short enough for any index.
 * `simhash_b0`..`b3` are the SimHash's four 16-bit bands: two hashes within 3 bits of each
 * other agree on at least one band (pigeonhole), so near-duplicate lookup reads one index.
 * `when_start`/`when_end` are the event's date, else its document's publication date: the
 * columns `--since`/`--until` filter on.
 */
import type { Migration } from './index.js';

const sqlite = `
CREATE TABLE documents (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT,
  published TEXT,
  language TEXT NOT NULL,
  url TEXT,
  url_key TEXT UNIQUE,
  origin TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  simhash TEXT NOT NULL,
  simhash_b0 TEXT NOT NULL,
  simhash_b1 TEXT NOT NULL,
  simhash_b2 TEXT NOT NULL,
  simhash_b3 TEXT NOT NULL,
  duplicate_of TEXT REFERENCES documents (id),
  ingested_at TEXT NOT NULL,
  text TEXT NOT NULL,
  metadata TEXT NOT NULL,
  result TEXT NOT NULL,
  actor_count INTEGER NOT NULL,
  quote_count INTEGER NOT NULL,
  event_count INTEGER NOT NULL
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_duplicate_of ON documents (duplicate_of);
CREATE INDEX documents_simhash_b0 ON documents (simhash_b0);
CREATE INDEX documents_simhash_b1 ON documents (simhash_b1);
CREATE INDEX documents_simhash_b2 ON documents (simhash_b2);
CREATE INDEX documents_simhash_b3 ON documents (simhash_b3);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title, text, content = 'documents', content_rowid = 'seq',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TABLE actors (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  type TEXT NOT NULL,
  code TEXT,
  country TEXT,
  role TEXT,
  seen TEXT
);
CREATE INDEX actors_name_key ON actors (name_key);
CREATE INDEX actors_country ON actors (country);

CREATE TABLE document_actors (
  document_id TEXT NOT NULL REFERENCES documents (id),
  actor_id TEXT NOT NULL REFERENCES actors (id),
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  code TEXT,
  code_source TEXT,
  country TEXT,
  role TEXT,
  mention_count INTEGER NOT NULL,
  PRIMARY KEY (document_id, actor_id)
);
CREATE INDEX document_actors_actor ON document_actors (actor_id);
CREATE INDEX document_actors_country ON document_actors (country);

CREATE TABLE mentions (
  seq INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents (id),
  actor_id TEXT NOT NULL REFERENCES actors (id),
  char_start INTEGER NOT NULL,
  char_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  method TEXT NOT NULL,
  extra TEXT
);
CREATE INDEX mentions_document_actor ON mentions (document_id, actor_id);
CREATE INDEX mentions_actor ON mentions (actor_id);

CREATE TABLE quotes (
  seq INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL REFERENCES documents (id),
  id TEXT NOT NULL,
  speaker TEXT,
  speaker_text TEXT,
  speaker_code TEXT,
  speaker_country TEXT,
  text TEXT NOT NULL,
  char_start INTEGER NOT NULL,
  char_end INTEGER NOT NULL,
  kind TEXT NOT NULL,
  cue TEXT,
  rule TEXT,
  published TEXT
);
CREATE INDEX quotes_document ON quotes (document_id);
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE INDEX quotes_published ON quotes (published);

CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL REFERENCES documents (id),
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  mode TEXT,
  cameo TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  source_actor TEXT,
  source_code TEXT,
  source_text TEXT NOT NULL,
  source_inferred TEXT,
  source_country TEXT,
  target_actor TEXT,
  target_code TEXT,
  target_text TEXT,
  target_inferred TEXT,
  target_country TEXT,
  trigger_start INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  trigger_text TEXT NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  negated INTEGER NOT NULL,
  modality TEXT NOT NULL,
  date_text TEXT,
  date_start TEXT,
  date_end TEXT,
  date_source TEXT,
  location_name TEXT,
  location_country TEXT,
  location_lat REAL,
  location_lon REAL,
  attribution TEXT,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL,
  mentions TEXT NOT NULL,
  explanation TEXT,
  when_start TEXT,
  when_end TEXT
);
CREATE INDEX events_document ON events (document_id);
CREATE INDEX events_source_actor ON events (source_actor);
CREATE INDEX events_target_actor ON events (target_actor);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_source_country ON events (source_country);
CREATE INDEX events_target_country ON events (target_country);
CREATE INDEX events_location_country ON events (location_country);
CREATE INDEX events_when ON events (when_start, when_end);
`;

const postgres = `
CREATE TABLE documents (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  title text,
  published text,
  language text NOT NULL,
  url text,
  url_key text UNIQUE,
  origin text NOT NULL,
  content_hash text NOT NULL UNIQUE,
  simhash text NOT NULL,
  simhash_b0 text NOT NULL,
  simhash_b1 text NOT NULL,
  simhash_b2 text NOT NULL,
  simhash_b3 text NOT NULL,
  duplicate_of text REFERENCES documents (id),
  ingested_at text NOT NULL,
  text text NOT NULL,
  metadata json NOT NULL,
  result json NOT NULL,
  actor_count integer NOT NULL,
  quote_count integer NOT NULL,
  event_count integer NOT NULL,
  -- tsvector values are limited to 1 MB: the first 200,000 characters are indexed.
  search tsvector GENERATED ALWAYS AS (
    to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || left(text, 200000))
  ) STORED
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_duplicate_of ON documents (duplicate_of);
CREATE INDEX documents_simhash_b0 ON documents (simhash_b0);
CREATE INDEX documents_simhash_b1 ON documents (simhash_b1);
CREATE INDEX documents_simhash_b2 ON documents (simhash_b2);
CREATE INDEX documents_simhash_b3 ON documents (simhash_b3);
CREATE INDEX documents_search ON documents USING gin (search);

CREATE TABLE actors (
  id text PRIMARY KEY,
  name text NOT NULL,
  name_key text NOT NULL,
  type text NOT NULL,
  code text,
  country text,
  role text,
  seen text
);
CREATE INDEX actors_name_key ON actors (name_key);
CREATE INDEX actors_country ON actors (country);

CREATE TABLE document_actors (
  document_id text NOT NULL REFERENCES documents (id),
  actor_id text NOT NULL REFERENCES actors (id),
  name text NOT NULL,
  type text NOT NULL,
  code text,
  code_source text,
  country text,
  role text,
  mention_count integer NOT NULL,
  PRIMARY KEY (document_id, actor_id)
);
CREATE INDEX document_actors_actor ON document_actors (actor_id);
CREATE INDEX document_actors_country ON document_actors (country);

CREATE TABLE mentions (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id text NOT NULL REFERENCES documents (id),
  actor_id text NOT NULL REFERENCES actors (id),
  char_start integer NOT NULL,
  char_end integer NOT NULL,
  text text NOT NULL,
  method text NOT NULL,
  extra json
);
CREATE INDEX mentions_document_actor ON mentions (document_id, actor_id);
CREATE INDEX mentions_actor ON mentions (actor_id);

CREATE TABLE quotes (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uid text NOT NULL UNIQUE,
  document_id text NOT NULL REFERENCES documents (id),
  id text NOT NULL,
  speaker text,
  speaker_text text,
  speaker_code text,
  speaker_country text,
  text text NOT NULL,
  char_start integer NOT NULL,
  char_end integer NOT NULL,
  kind text NOT NULL,
  cue text,
  rule text,
  published text
);
CREATE INDEX quotes_document ON quotes (document_id);
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE INDEX quotes_published ON quotes (published);

CREATE TABLE events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uid text NOT NULL UNIQUE,
  document_id text NOT NULL REFERENCES documents (id),
  id text NOT NULL,
  type text NOT NULL,
  mode text,
  cameo text NOT NULL,
  quad_class integer NOT NULL,
  source_actor text,
  source_code text,
  source_text text NOT NULL,
  source_inferred text,
  source_country text,
  target_actor text,
  target_code text,
  target_text text,
  target_inferred text,
  target_country text,
  trigger_start integer NOT NULL,
  trigger_end integer NOT NULL,
  trigger_text text NOT NULL,
  sentence_start integer NOT NULL,
  sentence_end integer NOT NULL,
  negated boolean NOT NULL,
  modality text NOT NULL,
  date_text text,
  date_start text,
  date_end text,
  date_source text,
  location_name text,
  location_country text,
  location_lat double precision,
  location_lon double precision,
  attribution text,
  rule text NOT NULL,
  confidence double precision NOT NULL,
  mentions json NOT NULL,
  explanation json,
  when_start text,
  when_end text
);
CREATE INDEX events_document ON events (document_id);
CREATE INDEX events_source_actor ON events (source_actor);
CREATE INDEX events_target_actor ON events (target_actor);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_source_country ON events (source_country);
CREATE INDEX events_target_country ON events (target_country);
CREATE INDEX events_location_country ON events (location_country);
CREATE INDEX events_when ON events (when_start, when_end);
`;

export const initial: Migration = { version: 1, name: 'initial', sqlite, postgres };
