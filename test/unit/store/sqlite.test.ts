/**
 * The store on SQLite: the shared suite on real database files, then the faults only a file
 * has (not a database, damaged, read-only mount, full disk, two writer processes).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseStoreUrl } from '../../../src/store/open.js';
import { storeSuite } from './store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-store-'));
let files = 0;

storeSuite({
  name: 'sqlite',
  freshUrl: async () => `sqlite:${join(dir, `store-${++files}.db`)}`,
  async query(url, sql) {
    const target = parseStoreUrl(url);
    if (target.kind !== 'sqlite') throw new Error(url);
    const db = new Database(target.path);
    try {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all() as Record<string, unknown>[];
      statement.run();
      return [];
    } finally {
      db.close();
    }
  },
  foreignTableSql: 'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)',
});
