/**
 * Opening a store from its URL (`--db`):
 *
 * - `sqlite:PATH` — a SQLite file (created when missing); `sqlite:PATH?mode=ro` opens it
 *   read-only. A bare path ending in `.db`, `.sqlite` or `.sqlite3` means the same.
 *   Relative paths are resolved against the working directory. The default is
 *   `sqlite:./newsgraph.db`.
 * - `postgres://USER:PASSWORD@HOST:PORT/DATABASE` (or `postgresql://`) — a PostgreSQL
 *   database; the tables live in the schema `newsgraph` unless `?schema=NAME` says otherwise;
 *   `?mode=ro` makes every transaction read-only; other parameters (`sslmode`…) go to the
 *   driver.
 *
 * The store's `location` is the URL without its password, for messages and logs.
 */
import { isAbsolute, resolve } from 'node:path';
import { NewsgraphError } from '../core/errors.js';
import type { Store } from './store.js';

export const DEFAULT_STORE_URL = 'sqlite:./newsgraph.db';

export interface OpenOptions {
  /** Directory relative SQLite paths are resolved against (default: process.cwd()). */
  cwd?: string;
  /** Fail with NG_STORE_NOT_FOUND instead of creating a missing SQLite file (queries). */
  mustExist?: boolean;
  /** Open read-only, as `?mode=ro` does. */
  readonly?: boolean;
}

export type StoreUrl =
  | { kind: 'sqlite'; path: string; location: string; readonly: boolean }
  | {
      kind: 'postgres';
      connectionString: string;
      schema: string;
      location: string;
      readonly: boolean;
    };

function usage(message: string): never {
  throw new NewsgraphError('NG_USAGE', message);
}

function modeParam(value: string | null, url: string): boolean {
  if (value === null || value === 'rw') return false;
  if (value === 'ro') return true;
  return usage(`mode must be ro or rw in ${url}`);
}

/** A URL with its password (in the user part or a `password=` parameter) replaced by `***`. */
export function redactUrl(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*):[^@/?#]*@/i, '$1:***@')
    .replace(/([?&]password=)[^&#]*/gi, '$1***');
}

/** Reads a store URL; throws NG_USAGE for one that names no store we know. */
export function parseStoreUrl(url: string = DEFAULT_STORE_URL, cwd = process.cwd()): StoreUrl {
  if (/^postgres(?:ql)?:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return usage(`not a valid PostgreSQL URL: ${redactUrl(url)}`);
    }
    const location = redactUrl(url);
    const schema = parsed.searchParams.get('schema') ?? 'newsgraph';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      usage(`schema must be a lower-case SQL name (letters, digits, _), got "${schema}"`);
    }
    const readonly = modeParam(parsed.searchParams.get('mode'), location);
    parsed.searchParams.delete('schema');
    parsed.searchParams.delete('mode');
    return { kind: 'postgres', connectionString: parsed.toString(), schema, location, readonly };
  }
  let rest: string;
  if (/^sqlite:/i.test(url)) rest = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  else if (/\.(?:db|sqlite3?)(?:\?[^/]*)?$/i.test(url) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    rest = url;
  } else {
    return usage(
      `unknown store "${redactUrl(url)}": use sqlite:PATH, a path ending in .db, or postgres://…`,
    );
  }
  // Parameters follow the last '?' when they look like parameters (a path may hold a '?').
  const query = /\?([a-z_]+=[^?/]*(?:&[a-z_]+=[^?/&]*)*)$/.exec(rest);
  const path = query ? rest.slice(0, query.index) : rest;
  const params = new URLSearchParams(query?.[1] ?? '');
  for (const name of params.keys()) {
    if (name !== 'mode') usage(`unknown parameter "${name}" in ${url}: only mode=ro|rw`);
  }
  if (path === '') usage(`no file in "${url}": use sqlite:PATH`);
  const readonly = modeParam(params.get('mode'), url);
  const full = path === ':memory:' || isAbsolute(path) ? path : resolve(cwd, path);
  return { kind: 'sqlite', path: full, location: `sqlite:${path}`, readonly };
}

/** Opens (creating and migrating when needed) the store a URL names. */
export async function openStore(url?: string, options: OpenOptions = {}): Promise<Store> {
  const target = parseStoreUrl(url ?? DEFAULT_STORE_URL, options.cwd);
  const readonly = target.readonly || options.readonly === true;
  if (target.kind === 'sqlite') {
    const { openSqliteStore } = await import('./sqlite.js');
    return openSqliteStore({
      path: target.path,
      location: target.location,
      readonly,
      mustExist: options.mustExist === true,
    });
  }
  // pg is loaded only for PostgreSQL stores.
  const { openPostgresStore } = await import('./postgres.js');
  return openPostgresStore({ ...target, readonly });
}
