/**
 * The store on SQLite: the shared suite on real database files, then the faults only a file
 * has (not a database, damaged, read-only mount, full disk, two writer processes).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, parseStoreUrl, type OpenOptions } from '../../../src/store/open.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { ROOT } from '../../helpers/cli.js';
import { articles, putAll, sha256, variant } from './fixtures.js';
import { rejectsWith, storeSuite } from './store-suite.js';

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

// ---- Faults only a file has ----

const url = (name: string) => `sqlite:${join(dir, name)}`;
const bytesOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Opens a store and reads from it (damage may show on the first read, not at open). */
async function openAndRead(storeUrl: string, options: OpenOptions = {}): Promise<void> {
  const store = await openStore(storeUrl, options);
  try {
    await store.events({});
    await store.stats();
  } finally {
    await store.close();
  }
}

test('a file that is not a database is NG_STORE_CORRUPT and is not changed', async () => {
  const cases: [string, Buffer][] = [
    ['notes.db', Buffer.from('These are my notes, not a database.\n'.repeat(50))],
    ['random.db', randomBytes(64 * 1024)],
    ['json.sqlite', Buffer.from('{"documents": []}')],
  ];
  for (const [name, bytes] of cases) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const message = await rejectsWith(openAndRead(`sqlite:${path}`), 'NG_STORE_CORRUPT');
    assert.match(message, new RegExp(name.replace('.', '\\.')));
    assert.match(message, /not changed/);
    assert.ok(readFileSync(path).equals(bytes), name);
    assert.ok(!existsSync(`${path}-wal`), `${name}: no WAL file made`);
  }
});

test('a damaged store is NG_STORE_CORRUPT and is not changed', async () => {
  const docs = await articles();
  for (const damage of ['header', 'pages', 'truncated'] as const) {
    const path = join(dir, `damaged-${damage}.db`);
    const store = await openStore(`sqlite:${path}`);
    await putAll(store, docs);
    await store.close();
    const bytes = readFileSync(path);
    if (damage === 'header') bytes.write('NotSQLite fmt 3', 0, 'latin1');
    if (damage === 'pages') randomBytes(bytes.length - 4096).copy(bytes, 4096);
    writeFileSync(path, damage === 'truncated' ? bytes.subarray(0, bytes.length / 2) : bytes);
    const before = bytesOf(path);
    await rejectsWith(openAndRead(`sqlite:${path}`), 'NG_STORE_CORRUPT');
    assert.equal(bytesOf(path), before, damage);
  }
});

test('a missing file is NG_STORE_NOT_FOUND when it must exist or is opened read-only', async () => {
  const path = join(dir, 'missing', 'store.db');
  assert.match(
    await rejectsWith(openStore(`sqlite:${path}`, { mustExist: true }), 'NG_STORE_NOT_FOUND'),
    /does not exist/,
  );
  await rejectsWith(openStore(`sqlite:${path}?mode=ro`), 'NG_STORE_NOT_FOUND');
  assert.ok(!existsSync(path) && !existsSync(join(dir, 'missing')));
  // Without either, the store is made (with its directory).
  await (await openStore(`sqlite:${path}`)).close();
  assert.ok(existsSync(path));
});

test('a directory is not a store: NG_STORE_UNAVAILABLE', async () => {
  const path = join(dir, 'a-directory.db');
  mkdirSync(path);
  await rejectsWith(openAndRead(`sqlite:${path}`), 'NG_STORE_UNAVAILABLE');
});

test('an in-memory store works', async () => {
  const [a] = await articles();
  assert.ok(a);
  const store = await openStore('sqlite::memory:');
  try {
    assert.equal((await store.put(a.result, a.info)).stored, 'new');
    assert.equal((await store.events({})).items.length, a.result.events.length);
  } finally {
    await store.close();
  }
});

test('a writer locked out longer than the busy timeout gets NG_STORE_BUSY; nothing is lost', async () => {
  const [a, b] = await articles();
  assert.ok(a && b);
  const path = join(dir, 'busy.db');
  const setup = await openStore(`sqlite:${path}`);
  await putAll(setup, [a]);
  await setup.close();
  const other = new Database(path, { timeout: 0 });
  other.exec('BEGIN IMMEDIATE');
  const store = await openSqliteStore({ path, location: `sqlite:${path}`, busyTimeoutMs: 300 });
  try {
    assert.match(await rejectsWith(store.put(b.result, b.info), 'NG_STORE_BUSY'), /locked/);
    other.exec('ROLLBACK');
    assert.equal((await store.stats()).documents, 1);
    assert.equal((await store.put(b.result, b.info)).stored, 'new');
  } finally {
    other.close();
    await store.close();
  }
});

test('two processes writing one new file at once: both finish, nothing lost or doubled', async () => {
  const docs = await articles();
  // 60 distinct documents; both processes put all of them, in opposite orders.
  const list = Array.from({ length: 60 }, (_, i) => {
    const source = docs[i % docs.length];
    assert.ok(source);
    return variant(source, `parallel-${i}`, undefined, { simhash: sha256(`p${i}`).slice(0, 16) });
  });
  const file = join(dir, 'parallel.jsonl');
  writeFileSync(file, list.map((a) => JSON.stringify(a)).join('\n'));
  const storeUrl = url('parallel.db');
  const writers = ['forward', 'backward'].map((order) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'writer-process.ts'), storeUrl, file, order],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const ready = new Promise<void>((resolve) => {
      const check = () => (stdout.includes('ready\n') ? resolve() : setTimeout(check, 10));
      check();
    });
    const done = new Promise<number | null>((resolve) => child.on('close', resolve));
    return { child, ready, done, out: () => stdout, err: () => stderr };
  });
  // Both open the new file at once; they start writing together once both are ready.
  await Promise.race([
    Promise.all(writers.map((w) => w.ready)),
    Promise.all(writers.map((w) => w.done)).then(() => {
      throw new Error(writers.map((w) => w.err()).join('\n'));
    }),
  ]);
  for (const w of writers) w.child.stdin.end('go\n');
  const codes = await Promise.all(writers.map((w) => w.done));
  assert.deepEqual(codes, [0, 0], writers.map((w) => w.err()).join('\n'));
  const counts = writers.map(
    (w) => JSON.parse(w.out().split('\n').filter(Boolean).pop() ?? '{}') as Record<string, number>,
  );
  assert.equal((counts[0]?.new ?? 0) + (counts[1]?.new ?? 0), list.length, JSON.stringify(counts));
  assert.equal(
    (counts[0]?.exists ?? 0) + (counts[1]?.exists ?? 0),
    list.length,
    JSON.stringify(counts),
  );
  const store = await openStore(storeUrl);
  try {
    const stats = await store.stats();
    assert.equal(stats.documents, list.length);
    assert.equal(
      stats.events,
      list.reduce((n, a) => n + a.result.events.length, 0),
    );
    for (const a of list) {
      assert.equal(JSON.stringify(await store.result(a.result.id)), JSON.stringify(a.result));
    }
  } finally {
    await store.close();
  }
});

/** Mounts a tmpfs of `size` at a new directory, or says why it cannot. */
function mountTmpfs(size: string): { path: string } | { reason: string } {
  if (process.getuid?.() !== 0) return { reason: 'mounting a file system needs root' };
  const path = mkdtempSync(join(tmpdir(), 'newsgraph-mount-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path], {
    encoding: 'utf8',
  });
  if (r.status !== 0) return { reason: `mount failed: ${r.stderr || r.error}` };
  return { path };
}

function unmount(path: string): void {
  spawnSync('umount', [path]);
  rmSync(path, { recursive: true, force: true });
}

function remount(path: string, options: string): void {
  const r = spawnSync('mount', ['-o', `remount,${options}`, path], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

test('a store on a read-only mount: queries answer, writes fail NG_STORE_READONLY', async (t) => {
  const mount = mountTmpfs('16m');
  if ('reason' in mount) {
    // ?mode=ro is tested in the shared suite; this is the real read-only file system.
    t.skip(`no read-only mount possible here (${mount.reason})`);
    return;
  }
  try {
    const [a, b] = await articles();
    assert.ok(a && b);
    const path = join(mount.path, 'store.db');
    const store = await openStore(`sqlite:${path}`);
    await putAll(store, [a]);
    await store.close();
    remount(mount.path, 'ro');
    const before = bytesOf(path);
    for (const storeUrl of [`sqlite:${path}`, `sqlite:${path}?mode=ro`]) {
      const ro = await openStore(storeUrl);
      try {
        assert.equal((await ro.stats()).documents, 1);
        assert.equal(JSON.stringify(await ro.result(a.result.id)), JSON.stringify(a.result));
        assert.deepEqual(
          (await ro.events({ text: 'Berlin' })).items.map((e) => e.id),
          a.result.events.map((e) => e.id),
        );
        await rejectsWith(ro.put(b.result, b.info), 'NG_STORE_READONLY');
      } finally {
        await ro.close();
      }
    }
    assert.equal(bytesOf(path), before);
    assert.match(
      await rejectsWith(openStore(`sqlite:${join(mount.path, 'new.db')}`), 'NG_STORE_READONLY'),
      /read-only file system/,
    );
  } finally {
    unmount(mount.path);
  }
});

test('a full disk is NG_STORE_FULL; the documents stored before are intact', async (t) => {
  const mount = mountTmpfs('1m');
  if ('reason' in mount) {
    t.skip(`no small file system can be mounted here (${mount.reason})`);
    return;
  }
  try {
    const [a] = await articles();
    assert.ok(a);
    const path = join(mount.path, 'store.db');
    const storeUrl = `sqlite:${path}`;
    const store = await openStore(storeUrl);
    const padded = (i: number) =>
      variant(a, `padded-${i}`, (r) => {
        r.document.text += ` padding${i}`.repeat(4000);
      });
    let stored = 0;
    let full = '';
    try {
      for (; stored < 100; stored++) {
        const doc = padded(stored);
        await store.put(doc.result, doc.info);
      }
    } catch (error) {
      full = `${(error as { code?: string }).code}: ${(error as Error).message}`;
    }
    assert.match(full, /^NG_STORE_FULL: .*earlier ones are kept/);
    assert.ok(stored >= 1, 'some documents fit before the disk filled');
    assert.equal((await store.stats()).documents, stored);
    await store.close();
    // With room again, the store opens with every earlier document whole.
    remount(mount.path, 'size=32m');
    const again = await openStore(storeUrl);
    try {
      assert.equal((await again.stats()).documents, stored);
      for (let i = 0; i < stored; i++) {
        assert.equal(
          JSON.stringify(await again.result(`padded-${i}`)),
          JSON.stringify(padded(i).result),
        );
      }
      const next = padded(stored);
      assert.equal((await again.put(next.result, next.info)).stored, 'new');
    } finally {
      await again.close();
    }
    const check = new Database(path, { readonly: true });
    assert.equal(check.pragma('integrity_check', { simple: true }), 'ok');
    check.close();
  } finally {
    unmount(mount.path);
  }
});

after(() => rmSync(dir, { recursive: true, force: true }));
