/**
 * What the SQL store needs from a database: a small driver interface that SQLite
 * (better-sqlite3, synchronous) and PostgreSQL (pg, asynchronous) both implement, so that the
 * schema use, the filters and the row mapping are written once (src/store/sql-store.ts) and
 * only the few things the two dialects do differently live in the drivers.
 *
 * SQL given to a driver uses `?` placeholders; the PostgreSQL driver numbers them (`$1`…).
 * No statement of ours holds a literal question mark.
 */
import { NewsgraphError } from '../core/errors.js';

export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

export interface SqlSession {
  /** Rows of a query (SELECT, or a statement with RETURNING). */
  all<R extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<R[]>;
  /** Runs one statement; returns how many rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface SqlDriver extends SqlSession {
  readonly kind: 'sqlite' | 'postgres';
  readonly location: string;
  /** Whether the store was opened read-only (`?mode=ro`). */
  readonly readonly: boolean;
  /** Runs `fn` in one write transaction: all of it is committed or none of it. */
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
  /**
   * The full-text match: SQL selecting the ids of the documents whose title or text match the
   * query bound to its single `?`; `ftsQuery` turns the user's words into that value.
   */
  readonly textMatch: string;
  ftsQuery(words: string[]): string;
  /** SQL for the number of differing bits between two 16-hex-digit SimHash expressions. */
  hamming(a: string, b: string): string;
  /** Names of the tables in the store's namespace (file, or PostgreSQL schema). */
  tableNames(session: SqlSession): Promise<string[]>;
  /**
   * Serialises concurrent migrations inside `tx` and makes the store's namespace (PostgreSQL:
   * an advisory lock, then the schema).
   */
  lockMigrations(tx: SqlSession): Promise<void>;
  /** The driver's error as one of ours, or null when it is not a known store fault. */
  translateError(error: unknown): NewsgraphError | null;
  close(): Promise<void>;
}

/** A conjunction of SQL conditions with their parameters, in order. */
export class Conditions {
  readonly parts: string[] = [];
  readonly params: SqlValue[] = [];

  add(sql: string, ...params: SqlValue[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  /** `WHERE a AND b`, or an empty string. */
  toSql(): string {
    return this.parts.length ? `WHERE ${this.parts.map((p) => `(${p})`).join(' AND ')}` : '';
  }
}

/** `?, ?, ?` for n values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/**
 * Inserts rows in multi-row statements, chunked below both databases' limits on bound
 * parameters (SQLite 32,766; PostgreSQL 65,535).
 */
export async function insertRows(
  session: SqlSession,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
  suffix = '',
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(30000 / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const tuple = `(${placeholders(columns.length)})`;
    const sql =
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ` +
      chunk.map(() => tuple).join(', ') +
      (suffix ? ` ${suffix}` : '');
    await session.run(sql, chunk.flat());
  }
}

/** A number from a row (PostgreSQL returns bigint and COUNT as strings). */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}

export function strOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** A JSON column: text in SQLite, already parsed by pg for PostgreSQL's json type. */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * Words of a full-text query, split at spaces and control characters (FTS5 reads a NUL as the
 * end of its query); a query without a letter or digit is a usage error.
 */
export function textWords(text: string): string[] {
  const words = text.split(/[\s\u0000-\u001f\u007f]+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) {
    throw new NewsgraphError('NG_USAGE', 'the text search needs at least one word');
  }
  return words;
}
