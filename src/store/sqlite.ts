/**
 * The SQLite store (better-sqlite3 12): one file, the embedded default.
 *
 * - WAL journal: readers never wait for the writer, and a process killed mid-write leaves the
 *   last committed transaction in place. `synchronous = NORMAL` (safe with WAL against process
 *   crashes; a power cut may lose the last transactions, never corrupt the file).
 * - Several processes may write the same file: each `put` is one `BEGIN IMMEDIATE`
 *   transaction, which takes the write lock at its start (no deadlock between two readers
 *   that both want to write), and a busy timeout makes a writer wait for the other's commit
 *   instead of failing.
 * - Foreign keys on. Hamming distance for near-duplicates is a JavaScript function registered
 *   on the connection (`ng_hamming`).
 * - The file is read before anything is written to it, so that a file that is not a
 *   database is refused (NG_STORE_CORRUPT) unchanged.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { NewsgraphError } from '../core/errors.js';
import { migrate } from './migrations/index.js';
import { createSqlStore } from './sql-store.js';
import type { Row, SqlDriver, SqlSession, SqlValue } from './sql.js';
import type { Store } from './store.js';

export interface SqliteStoreOptions {
  /** The file (or `:memory:`). */
  path: string;
  /** For messages: `sqlite:./newsgraph.db`. */
  location: string;
  /** Open read-only (`sqlite:PATH?mode=ro`): queries work, writes fail NG_STORE_READONLY. */
  readonly?: boolean;
  /** Refuse to create the file when it is missing (NG_STORE_NOT_FOUND): for `query`. */
  mustExist?: boolean;
  /** How long a writer waits for another process's transaction (default 15 s). */
  busyTimeoutMs?: number;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 15_000;

/** Statements are prepared once per SQL text; the cache is emptied when it grows large. */
const STATEMENT_CACHE_SIZE = 256;

/** Bits set in a 32-bit integer. */
function popcount32(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Differing bits between two 64-bit SimHashes written as 16 hex digits (null if not). */
export function hammingHex(a: unknown, b: unknown): number | null {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length !== 16 || b.length !== 16) {
    return null;
  }
  const high = parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16);
  const low = parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16);
  return popcount32(high) + popcount32(low);
}

function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

function translate(error: unknown, location: string): NewsgraphError | null {
  const code = sqliteCode(error);
  if (code === null) return null;
  const detail = (error as Error).message;
  const as = (ours: ConstructorParameters<typeof NewsgraphError>[0], message: string) =>
    new NewsgraphError(ours, message, {}, { cause: error });
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return as(
      'NG_STORE_CORRUPT',
      `${location} is not a newsgraph database or is damaged (${detail}); it was not changed`,
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return as('NG_STORE_READONLY', `${location} is read-only (${detail}); nothing was written`);
  }
  if (code === 'SQLITE_FULL') {
    return as(
      'NG_STORE_FULL',
      `${location}: the disk or database is full (${detail}); this document was not stored, earlier ones are kept`,
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return as(
      'NG_STORE_BUSY',
      `${location} stayed locked by another process (${detail}); nothing was written, try again`,
    );
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return as('NG_STORE_INVALID', `${location} refused the result (${detail}); nothing was stored`);
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) {
    return as('NG_STORE_UNAVAILABLE', `cannot open ${location} (${detail})`);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return as('NG_STORE_UNAVAILABLE', `${location}: input/output error (${detail})`);
  }
  return null;
}

/** Whether `path` lies on a file system mounted read-only (root included: EROFS). */
function onReadOnlyFileSystem(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EROFS';
  }
}

/** The largest store read into memory when it sits on read-only media. */
const MAX_SNAPSHOT_BYTES = 1024 * 1024 * 1024;

/**
 * A store on a read-only mount, opened from a copy in memory. SQLite cannot open a WAL
 * database on read-only media without its `-shm` file (which a clean close removes, and which
 * cannot be created there). Without a `-wal` file the main file holds every committed
 * transaction, so a copy of it is the whole store; the copy's header is marked as a
 * rollback-journal database (bytes 18–19), which a memory database needs. The file itself is
 * never written.
 */
function readOnlyMediaCopy(options: SqliteStoreOptions): Database.Database | null {
  if (!onReadOnlyFileSystem(options.path) || existsSync(`${options.path}-wal`)) return null;
  if (statSync(options.path).size > MAX_SNAPSHOT_BYTES) {
    throw new NewsgraphError(
      'NG_STORE_READONLY',
      `${options.location} is on a read-only file system and larger than ${MAX_SNAPSHOT_BYTES} bytes; copy it to a writable place to query it`,
    );
  }
  const bytes = readFileSync(options.path);
  if (bytes.length >= 100 && bytes.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000') {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return new Database(bytes, { readonly: true });
}

function openDatabase(options: SqliteStoreOptions): Database.Database {
  const memory = options.path === ':memory:';
  if (!memory && (options.mustExist || options.readonly) && !existsSync(options.path)) {
    throw new NewsgraphError(
      'NG_STORE_NOT_FOUND',
      `${options.location} does not exist; create it with 'newsgraph ingest --db ${options.location} …'`,
    );
  }
  if (!memory && !existsSync(options.path) && onReadOnlyFileSystem(dirname(options.path))) {
    throw new NewsgraphError(
      'NG_STORE_READONLY',
      `cannot create ${options.location}: its directory is on a read-only file system`,
    );
  }
  if (!memory && !options.readonly) mkdirSync(dirname(options.path), { recursive: true });
  try {
    return new Database(options.path, {
      readonly: options.readonly === true,
      fileMustExist: options.mustExist === true,
      timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
    });
  } catch (error) {
    throw (
      translate(error, options.location) ??
      new NewsgraphError(
        'NG_STORE_UNAVAILABLE',
        `cannot open ${options.location}: ${String(error)}`,
      )
    );
  }
}

/**
 * The write transactions of this process on each file, one after another. A transaction's
 * body is async (the Store is), so two connections to one file in one process would otherwise
 * interleave: the second's BEGIN IMMEDIATE would wait, synchronously, in SQLite's busy handler
 * for a lock that the first, blocked behind it on the same thread, can never release. Other
 * processes are waited for by the busy timeout.
 */
const fileQueues = new Map<string, Promise<unknown>>();
let memoryDatabases = 0;

function serialise<T>(file: string, body: () => Promise<T>): Promise<T> {
  const run = (fileQueues.get(file) ?? Promise.resolve()).then(body);
  const tail = run.catch(() => undefined);
  fileQueues.set(file, tail);
  void tail.then(() => {
    if (fileQueues.get(file) === tail) fileQueues.delete(file);
  });
  return run;
}

/** A driver over one better-sqlite3 connection. */
function sqliteDriver(db: Database.Database, options: SqliteStoreOptions): SqlDriver {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const session: SqlSession = {
    all: async <R extends Row>(sql: string, params: readonly SqlValue[] = []) =>
      prepare(sql).all(...params) as R[],
    run: async (sql, params = []) => prepare(sql).run(...params).changes,
    exec: async (script) => {
      db.exec(script);
    },
  };
  // An in-memory database is private to its connection.
  const file = options.path === ':memory:' ? `:memory:#${++memoryDatabases}` : options.path;
  return {
    ...session,
    kind: 'sqlite',
    location: options.location,
    readonly: options.readonly === true || db.readonly,
    transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T> {
      return serialise(file, async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const value = await fn(session);
          db.exec('COMMIT');
          return value;
        } catch (error) {
          // SQLite may already have rolled back (disk full): only roll back what is open.
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      });
    },
    textMatch: `SELECT m.id FROM documents_fts JOIN documents m ON m.seq = documents_fts.rowid
      WHERE documents_fts MATCH ?`,
    // Each word becomes an FTS5 string (double quotes doubled): the user's text is never read
    // as FTS5 syntax (NEAR, column filters, unbalanced quotes), and all words must match.
    ftsQuery: (words) => words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' '),
    hamming: (a, b) => `ng_hamming(${a}, ${b})`,
    tableNames: async (s) =>
      (
        await s.all<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
      ).map((r) => r.name),
    // BEGIN IMMEDIATE already holds the database's write lock.
    lockMigrations: async () => undefined,
    translateError: (error) => translate(error, options.location),
    close: async () => {
      statements.clear();
      if (db.open) db.close();
    },
  };
}

/** Reads the file before anything writes to it: a file that is not a database fails here. */
function probe(db: Database.Database): void {
  db.prepare('SELECT count(*) FROM sqlite_master').get();
}

export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  let db = openDatabase(options);
  try {
    try {
      probe(db);
    } catch (error) {
      const copy = sqliteCode(error)?.startsWith('SQLITE_CANTOPEN')
        ? readOnlyMediaCopy(options)
        : null;
      if (!copy) throw error;
      db.close();
      db = copy;
      probe(db);
    }
    db.pragma('foreign_keys = ON');
    if (!options.readonly && !db.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.function('ng_hamming', { deterministic: true }, hammingHex);
    const driver = sqliteDriver(db, options);
    await migrate(driver);
    return createSqlStore(driver);
  } catch (error) {
    db.close();
    if (error instanceof NewsgraphError) throw error;
    throw translate(error, options.location) ?? error;
  }
}
