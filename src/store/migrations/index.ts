/**
 * Versioned migrations, one numbered file each, applied in order when a store is opened.
 *
 * `schema_migrations` records the versions applied. Opening a store applies the missing ones
 * in one transaction (all or none); a store whose version is newer than the newest migration
 * here was written by a newer newsgraph and is refused (NG_STORE_VERSION) rather than
 * misread. A migration is never edited once released: changes come as a new file.
 */
import { NewsgraphError } from '../../core/errors.js';
import type { SqlDriver, SqlSession } from '../sql.js';
import { initial } from './001-initial.js';

export interface Migration {
  version: number;
  name: string;
  /** The script for each dialect: the same tables and columns, each database's own types. */
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [initial];

/** The schema version this code reads and writes. */
export const SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at text NOT NULL
)`;

async function appliedVersion(driver: SqlDriver, session: SqlSession): Promise<number | null> {
  const tables = await driver.tableNames(session);
  if (!tables.includes('schema_migrations')) {
    // Tables but no record of ours: another program's database, which we must not alter.
    if (tables.length > 0) {
      throw new NewsgraphError(
        'NG_STORE_FOREIGN',
        `${driver.location} holds tables (${tables.slice(0, 5).join(', ')}) but is not a newsgraph store; use another database`,
      );
    }
    return null;
  }
  const [row] = await session.all<{ version: unknown }>(
    'SELECT MAX(version) AS version FROM schema_migrations',
  );
  return row?.version === null || row?.version === undefined ? 0 : Number(row.version);
}

function tooNew(driver: SqlDriver, version: number): NewsgraphError {
  return new NewsgraphError(
    'NG_STORE_VERSION',
    `${driver.location} has schema version ${version}, newer than this newsgraph's ${SCHEMA_VERSION}; upgrade newsgraph to use it`,
  );
}

/** Brings the store's schema to SCHEMA_VERSION (or checks it, read-only). */
export async function migrate(driver: SqlDriver): Promise<void> {
  const version = await appliedVersion(driver, driver);
  if (version !== null && version > SCHEMA_VERSION) throw tooNew(driver, version);
  if (version === SCHEMA_VERSION) return;
  if (driver.readonly) {
    throw new NewsgraphError(
      'NG_STORE_VERSION',
      version === null
        ? `${driver.location} is empty and opened read-only: it holds no newsgraph store`
        : `${driver.location} has schema version ${version}, older than this newsgraph's ${SCHEMA_VERSION}; open it once read-write to upgrade it`,
    );
  }
  await driver.transaction(async (tx) => {
    await driver.lockMigrations(tx);
    // Another process may have migrated while we waited for the lock: read again.
    const current = (await appliedVersion(driver, tx)) ?? 0;
    if (current > SCHEMA_VERSION) throw tooNew(driver, current);
    await tx.exec(CREATE_TABLE);
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await tx.exec(migration[driver.kind]);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    }
  });
}
