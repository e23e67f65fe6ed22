/** Store URLs: what `--db` accepts, and that passwords never reach a message. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_STORE_URL, parseStoreUrl, redactUrl } from '../../../src/store/open.js';

const usage = (url: string) =>
  assert.throws(
    () => parseStoreUrl(url, '/srv'),
    (e: { code?: string }) => e.code === 'NG_USAGE',
    url.slice(0, 60),
  );

/** The file a sqlite URL names (with /srv as working directory). */
function pathOf(url: string): string {
  const target = parseStoreUrl(url, '/srv');
  assert.equal(target.kind, 'sqlite');
  return target.kind === 'sqlite' ? target.path : '';
}

test('sqlite URLs: relative to the working directory, absolute, bare paths, the default', () => {
  assert.deepEqual(parseStoreUrl(undefined, '/srv'), {
    kind: 'sqlite',
    path: '/srv/newsgraph.db',
    location: 'sqlite:./newsgraph.db',
    readonly: false,
  });
  assert.equal(DEFAULT_STORE_URL, 'sqlite:./newsgraph.db');
  assert.equal(pathOf('sqlite:data/news.db'), '/srv/data/news.db');
  assert.equal(pathOf('sqlite:/var/lib/news.db'), '/var/lib/news.db');
  assert.equal(pathOf('sqlite:///var/lib/news.db'), '/var/lib/news.db');
  assert.equal(pathOf('archive/2025.sqlite3'), '/srv/archive/2025.sqlite3');
  assert.equal(parseStoreUrl('News.DB', '/srv').kind, 'sqlite');
  assert.equal(pathOf('sqlite::memory:'), ':memory:');
  // A question mark that does not start parameters belongs to the file name.
  assert.equal(pathOf('sqlite:what?.db'), '/srv/what?.db');
});

test('sqlite URLs: mode=ro opens read-only; other parameters are refused', () => {
  const ro = parseStoreUrl('sqlite:news.db?mode=ro', '/srv');
  assert.deepEqual(ro, {
    kind: 'sqlite',
    path: '/srv/news.db',
    location: 'sqlite:news.db',
    readonly: true,
  });
  assert.equal(parseStoreUrl('news.db?mode=rw', '/srv').readonly, false);
  usage('sqlite:news.db?mode=write');
  usage('sqlite:news.db?cache=shared');
  usage('sqlite:');
  usage('sqlite:?mode=ro');
});

test('postgres URLs: schema and mode taken out, the rest passed on, password redacted', () => {
  const target = parseStoreUrl(
    'postgres://analyst:s3cret@db.example:5433/news?schema=desk&mode=ro&sslmode=require',
  );
  assert.equal(target.kind, 'postgres');
  if (target.kind !== 'postgres') return;
  assert.equal(target.schema, 'desk');
  assert.equal(target.readonly, true);
  assert.equal(
    target.location,
    'postgres://analyst:***@db.example:5433/news?schema=desk&mode=ro&sslmode=require',
  );
  assert.equal(
    target.connectionString,
    'postgres://analyst:s3cret@db.example:5433/news?sslmode=require',
  );
  const plain = parseStoreUrl('postgresql://localhost/news');
  assert.ok(plain.kind === 'postgres' && plain.schema === 'newsgraph' && !plain.readonly);
  usage('postgres://localhost/news?schema=Robert%27%3B%20DROP');
  usage('postgres://localhost/news?mode=maybe');
});

test('unknown, malformed, huge and binary store URLs are usage errors without passwords', () => {
  for (const url of [
    'mysql://root:pw@localhost/news',
    'notes.txt',
    '',
    'x'.repeat(100_000),
    '\u0000\uffff\ud800',
    'https://example.com/news.db',
  ]) {
    usage(url);
  }
  assert.throws(
    () => parseStoreUrl('postgres://user:hunter2@[not-a-host/news'),
    (e: Error & { code?: string }) => e.code === 'NG_USAGE' && !e.message.includes('hunter2'),
  );
});

test('redactUrl hides passwords in the user part and in parameters only', () => {
  assert.equal(redactUrl('postgres://u:p@h/db'), 'postgres://u:***@h/db');
  assert.equal(redactUrl('postgres://u@h/db'), 'postgres://u@h/db');
  assert.equal(redactUrl('postgres://h:5432/db'), 'postgres://h:5432/db');
  assert.equal(
    redactUrl('postgres://h/db?user=u&password=p&sslmode=require'),
    'postgres://h/db?user=u&password=***&sslmode=require',
  );
});
