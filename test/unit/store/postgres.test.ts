/**
 * The store on PostgreSQL: the shared suite against a real server this test process starts
 * (test/helpers/postgres.ts), one fresh database per store, then what only a server has:
 * unreachable, a missing database, schemas.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openStore, parseStoreUrl } from '../../../src/store/open.js';
import { freePort, sharedPostgres, type PostgresServer } from '../../helpers/postgres.js';
import { articles, putAll } from './fixtures.js';
import { readOnly, rejectsWith, storeSuite } from './store-suite.js';

let server: PostgresServer;
before(async () => {
  server = await sharedPostgres();
});
after(() => server?.stop());

storeSuite({
  name: 'postgres',
  freshUrl: () => server.createDatabase(),
  async query(url, sql) {
    const target = parseStoreUrl(url);
    if (target.kind !== 'postgres') throw new Error(url);
    const client = new pg.Client({ connectionString: target.connectionString });
    await client.connect();
    try {
      await client.query(`SET search_path TO ${target.schema}`);
      return (await client.query(sql)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  },
  foreignTableSql: 'CREATE SCHEMA newsgraph; CREATE TABLE newsgraph.invoices (id int, total real)',
});

test('an unreachable server is NG_STORE_UNAVAILABLE, named without its password', async () => {
  const port = await freePort();
  const message = await rejectsWith(
    openStore(`postgres://analyst:s3cret-pw@127.0.0.1:${port}/news`),
    'NG_STORE_UNAVAILABLE',
  );
  assert.match(message, new RegExp(`analyst:\\*\\*\\*@127\\.0\\.0\\.1:${port}/news`));
  assert.doesNotMatch(message, /s3cret/);
  const inQuery = await rejectsWith(
    openStore(`postgresql://127.0.0.1:${port}/news?password=s3cret-pw`),
    'NG_STORE_UNAVAILABLE',
  );
  assert.doesNotMatch(inQuery, /s3cret/);
});

test('a missing database is NG_STORE_NOT_FOUND', async () => {
  const message = await rejectsWith(openStore(server.url('no_such_db')), 'NG_STORE_NOT_FOUND');
  assert.match(message, /no_such_db/);
});

test('an empty database opened read-only holds no store: NG_STORE_VERSION, nothing created', async () => {
  const url = await server.createDatabase();
  assert.match(await rejectsWith(openStore(readOnly(url)), 'NG_STORE_VERSION'), /empty/);
  const store = await openStore(url);
  assert.equal((await store.stats()).documents, 0);
  await store.close();
});

test('?schema= keeps separate stores in one database', async () => {
  const url = await server.createDatabase();
  const [a, b] = await articles();
  assert.ok(a && b);
  const one = await openStore(`${url}?schema=desk_one`);
  const two = await openStore(`${url}?schema=desk_two`);
  try {
    await putAll(one, [a]);
    await putAll(two, [a, b]);
    assert.equal((await one.stats()).documents, 1);
    assert.equal((await two.stats()).documents, 2);
    assert.equal(one.location, `${url}?schema=desk_one`);
  } finally {
    await one.close();
    await two.close();
  }
  await rejectsWith(openStore(`${url}?schema=Bad-Name`), 'NG_USAGE');
});
