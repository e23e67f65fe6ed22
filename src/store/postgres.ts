/**
 * The PostgreSQL store (pg): for teams sharing one store.
 *
 * - A connection pool; each `put` is one transaction on one pooled connection. Concurrent
 *   writers of the same document meet at the unique indexes: the second waits for the first's
 *   commit and then stores nothing (`ON CONFLICT DO NOTHING`).
 * - The tables live in one schema (`newsgraph`, or `?schema=NAME`), set as the connection's
 *   search_path, so a database shared with other programs keeps its own tables apart.
 * - Full-text search: a generated tsvector column (English configuration) with a GIN index,
 *   queried with plainto_tsquery, which reads any text as plain words (no syntax to break).
 * - Hamming distance for near-duplicates: the hex SimHash cast to bit(64), XOR, and the ones
 *   counted (works on every supported PostgreSQL version, unlike bit_count, new in 14).
 * - Text columns cannot hold U+0000 in PostgreSQL: a NUL in a value bound to a column becomes
 *   U+FFFD (same length, so offsets hold). The stored result JSON escapes it and is exact.
 */
import pg from 'pg';
import { NewsgraphError, type ErrorCode } from '../core/errors.js';
import { migrate } from './migrations/index.js';
import { createSqlStore } from './sql-store.js';
import type { Row, SqlDriver, SqlSession, SqlValue } from './sql.js';
import type { Store } from './store.js';

export interface PostgresStoreOptions {
  connectionString: string;
  /** The schema holding the tables (search_path). */
  schema: string;
  /** The URL without password, for messages. */
  location: string;
  /** Every transaction read-only (`?mode=ro`). */
  readonly: boolean;
  /** How long to wait for a connection (default 10 s). */
  connectTimeoutMs?: number;
}

/** `?` placeholders numbered as PostgreSQL wants them (`$1`, `$2`…). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function bindable(params: readonly SqlValue[]): SqlValue[] {
  return params.map((p) =>
    typeof p === 'string' && p.includes('\u0000') ? p.replace(/\u0000/g, '\uFFFD') : p,
  );
}

/** SQLSTATE classes and codes (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
const SQLSTATE: [RegExp, ErrorCode, string][] = [
  [/^3D000$/, 'NG_STORE_NOT_FOUND', 'the database does not exist'],
  [
    /^53100$/,
    'NG_STORE_FULL',
    'the disk is full; this document was not stored, earlier ones are kept',
  ],
  [/^(?:25006|42501)$/, 'NG_STORE_READONLY', 'writing is not allowed; nothing was written'],
  [
    /^(?:40001|40P01|55P03)$/,
    'NG_STORE_BUSY',
    'a lock could not be had; nothing was written, try again',
  ],
  [/^(?:23|22)/, 'NG_STORE_INVALID', 'the result was refused; nothing was stored'],
  [/^(?:08|28|57P)/, 'NG_STORE_UNAVAILABLE', 'the server cannot be used'],
  [/^54000$/, 'NG_STORE_INVALID', 'a value is too large; nothing was stored'],
];

/** Network failures: refused, unknown host, reset, timed out (pg's connect timeout has no code). */
function isConnectionFailure(error: unknown): boolean {
  const e = error as { code?: unknown; errors?: unknown[]; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && /^E[A-Z_]+$/.test(e.code)) return true;
  if (Array.isArray(e.errors) && e.errors.some(isConnectionFailure)) return true;
  return (
    typeof e.message === 'string' &&
    /connection (?:terminated|timeout)|timeout expired/i.test(e.message)
  );
}

function translate(error: unknown, location: string): NewsgraphError | null {
  const code = (error as { code?: unknown } | null)?.code;
  const detail = error instanceof Error ? error.message || String(error) : String(error);
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    for (const [pattern, ours, what] of SQLSTATE) {
      if (pattern.test(code)) {
        return new NewsgraphError(
          ours,
          `${location}: ${what} (${code}: ${detail})`,
          {},
          { cause: error },
        );
      }
    }
    return null;
  }
  if (isConnectionFailure(error)) {
    const reason = detail || (typeof code === 'string' ? code : 'no answer');
    return new NewsgraphError(
      'NG_STORE_UNAVAILABLE',
      `cannot reach PostgreSQL at ${location} (${reason})`,
      {},
      { cause: error },
    );
  }
  return null;
}

function sessionOf(client: pg.Pool | pg.PoolClient): SqlSession {
  return {
    all: async <R extends Row>(sql: string, params: readonly SqlValue[] = []) =>
      (await client.query(numberPlaceholders(sql), bindable(params))).rows as R[],
    run: async (sql, params = []) =>
      (await client.query(numberPlaceholders(sql), bindable(params))).rowCount ?? 0,
    exec: async (script) => {
      // Without parameters pg uses the simple protocol, which runs several statements.
      await client.query(script);
    },
  };
}

export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const settings = [`-c search_path=${options.schema}`];
  if (options.readonly) settings.push('-c default_transaction_read_only=on');
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    options: settings.join(' '),
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    max: 4,
  });
  // An idle connection the server drops (restart) must not crash the process: the next query
  // gets a fresh connection or a clear error.
  pool.on('error', () => undefined);
  const driver: SqlDriver = {
    ...sessionOf(pool),
    kind: 'postgres',
    location: options.location,
    readonly: options.readonly,
    async transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const value = await fn(sessionOf(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch((e: Error) => {
          broken = e;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    textMatch: "SELECT m.id FROM documents m WHERE m.search @@ plainto_tsquery('english', ?)",
    ftsQuery: (words) => words.join(' '),
    hamming: (a, b) =>
      `length(replace(((('x' || ${a})::bit(64)) # (('x' || ${b})::bit(64)))::text, '0', ''))`,
    tableNames: async (s) =>
      (
        await s.all<{ name: string }>(
          'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ?',
          [options.schema],
        )
      ).map((r) => r.name),
    // One migrating connection at a time per schema; the schema is created under the lock.
    async lockMigrations(tx) {
      await tx.all('SELECT pg_advisory_xact_lock(hashtext(?))', [`newsgraph:${options.schema}`]);
      await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    },
    translateError: (error) => translate(error, options.location),
    close: () => pool.end(),
  };
  try {
    await pool.query('SELECT 1');
    await migrate(driver);
    return createSqlStore(driver);
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof NewsgraphError) throw error;
    throw (
      translate(error, options.location) ??
      new NewsgraphError(
        'NG_STORE_UNAVAILABLE',
        `cannot open ${options.location}: ${String(error)}`,
        {},
        { cause: error },
      )
    );
  }
}
