/**
 * The ingest engine end to end with real parts: a real SQLite file, real worker threads and a
 * real HTTP server serving test pages and feeds. Reruns add nothing, feed items already stored
 * are not downloaded again, a syndicated copy is linked to its original, bad inputs fail one
 * by one with their codes, and what was stored before stays stored.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewsgraphError } from '../../../src/core/errors.js';
import {
  expectedId,
  ingest,
  type DocumentOutcome,
  type IngestOptions,
} from '../../../src/ingest/ingest.js';
import { startExtractionPool, type ExtractionPool } from '../../../src/ingest/pool.js';
import { createFetcher } from '../../../src/sources/http.js';
import type { ArticleInput } from '../../../src/stages/ingest/input.js';
import { openStore } from '../../../src/store/open.js';
import type { Store } from '../../../src/store/store.js';
import { ROOT } from '../../helpers/cli.js';
import { FEED_FIXTURES, startTestServer, type TestServer } from '../../helpers/http-server.js';
import { articlesJsonl, generateArticles } from './articles.js';

let pool: ExtractionPool;
let server: TestServer;
before(async () => {
  [pool, server] = await Promise.all([startExtractionPool({ workers: 1 }), startTestServer()]);
});
after(async () => {
  await pool.close();
  await server.close();
});

function workdir(): string {
  return mkdtempSync(join(tmpdir(), 'newsgraph-ingest-'));
}

async function freshStore(dir = workdir()): Promise<Store> {
  return openStore(`sqlite:${join(dir, 'test.db')}`);
}

/** Runs ingest, collecting every outcome and note. */
async function run(
  inputs: string[],
  store: Store,
  extra: Partial<IngestOptions> & { cwd?: string } = {},
) {
  const outcomes: DocumentOutcome[] = [];
  const notes: string[] = [];
  const skipped: string[] = [];
  let extractions = 0;
  // The real pool, counted: a rerun must not extract what is stored.
  const counted: ExtractionPool = {
    size: pool.size,
    extract: (input) => (extractions++, pool.extract(input)),
    close: () => pool.close(),
  };
  const summary = await ingest(inputs, {
    store,
    pool: counted,
    fetcher: createFetcher({ hostIntervalMs: 1, connectTimeoutMs: 2_000, totalTimeoutMs: 5_000 }),
    sources: { cwd: extra.cwd ?? ROOT, readStdin: async () => Buffer.alloc(0) },
    onDocument: (o) => outcomes.push(o),
    onNote: (n) => notes.push(n),
    onSkippedFile: (p) => skipped.push(p),
    ...extra,
  });
  return { summary, outcomes, notes, skipped, extractions };
}

const page = (name: string) => join(FEED_FIXTURES, 'pages', `${name}.html`);

test('files, directories and JSONL are stored once; a second run extracts nothing', async () => {
  const dir = workdir();
  const inputs = join(dir, 'inputs');
  mkdirSync(join(inputs, 'more'), { recursive: true });
  copyFileSync(page('harbour-strike'), join(inputs, 'strike.html'));
  writeFileSync(join(inputs, 'more', 'note.txt'), 'Talks resume\n\nThe talks resumed on Friday.');
  writeFileSync(join(inputs, 'readme.md'), 'not an input');
  writeFileSync(join(dir, 'batch.jsonl'), articlesJsonl(generateArticles(4)));
  const store = await freshStore(dir);
  try {
    const first = await run(['inputs', 'batch.jsonl'], store, { cwd: dir });
    assert.deepEqual(first.summary, {
      new: 6,
      existing: 0,
      duplicates: 0,
      failed: 0,
      stopped: false,
    });
    assert.deepEqual(
      first.outcomes.map((o) => o.origin),
      [
        join('inputs', 'more', 'note.txt'),
        join('inputs', 'strike.html'),
        'batch.jsonl:1',
        'batch.jsonl:2',
        'batch.jsonl:3',
        'batch.jsonl:4',
      ],
      'written in input order',
    );
    assert.deepEqual(first.skipped, [join(dir, 'inputs', 'readme.md')]);
    assert.equal((await store.stats()).documents, 6);

    const second = await run(['inputs', 'batch.jsonl'], store, { cwd: dir });
    assert.deepEqual(second.summary, {
      new: 0,
      existing: 6,
      duplicates: 0,
      failed: 0,
      stopped: false,
    });
    assert.equal(second.extractions, 0, 'known by id before extraction');
    assert.deepEqual(
      second.outcomes.map((o) => (o.status === 'existing' ? o.id : null)),
      first.outcomes.map((o) => (o.status === 'new' ? o.id : null)),
    );
    assert.equal((await store.stats()).documents, 6);
  } finally {
    await store.close();
  }
});

test('the id known before extraction is the id extraction gives, for every input kind', async () => {
  const html = readFileSync(page('drought-aid'), 'utf8');
  const inputs: ArticleInput[] = [
    { format: 'txt', text: 'Title line\n\nBody of the text.', origin: { file: 'a.txt' } },
    { format: 'html', html, origin: { file: 'a.html' } },
    { format: 'jsonl', title: 'A title', text: 'Body.', origin: { file: 'b.jsonl', line: 1 } },
    { format: 'jsonl', title: '  ', text: 'Body without a title.', origin: { file: 'b.jsonl' } },
    { format: 'jsonl', id: 'given-7', text: 'Body with an id.', origin: { file: 'b.jsonl' } },
    { format: 'html', html, title: 'Given title', origin: { file: 'c.jsonl', line: 2 } },
  ];
  for (const input of inputs) {
    assert.equal(expectedId(input), (await pool.extract(input)).id, JSON.stringify(input.origin));
  }
});

test('feeds over HTTP: items stored with URL and date, the syndicated copy linked, reruns fetch only the feeds', async () => {
  const store = await freshStore();
  try {
    const feeds = ['/feeds/rss2.xml', '/feeds/atom.xml', '/feeds/rss1.rdf'].map(server.url);
    const first = await run(feeds, store);
    assert.deepEqual(first.summary, {
      new: 4,
      existing: 0,
      duplicates: 1,
      failed: 0,
      stopped: false,
    });
    const byOrigin = new Map(first.outcomes.map((o) => [o.origin.replace(server.origin, ''), o]));
    const original = byOrigin.get('/feeds/pages/vienna-talks.html');
    const copy = byOrigin.get('/feeds/pages/vienna-talks-syndicated.html');
    assert.equal(original?.status, 'new');
    assert.equal(copy?.status, 'duplicate');
    assert.equal(
      copy?.status === 'duplicate' && copy.of,
      original?.status === 'new' && original.id,
    );
    assert.equal(
      byOrigin.get('/feeds/pages/vienna-talks-analysis.html')?.status,
      'new',
      'same story, other article',
    );
    assert.deepEqual(first.notes, [
      `${feeds[0]}: item 3 ("An item with neither link nor permalink") has no link; skipped`,
    ]);

    const docs = (await store.documents()).items;
    const talks = docs.find((d) => d.url === server.url('/feeds/pages/vienna-talks.html'));
    assert.equal(talks?.published, '2024-05-02', "the feed's date");
    assert.equal(talks?.origin, server.url('/feeds/pages/vienna-talks.html'));
    assert.equal(docs.find((d) => d.id === (copy as { id: string }).id)?.duplicateOf, talks?.id);
    const events = (await store.events({ document: talks!.id })).items;
    assert.ok(events.length > 0, 'the original has events');
    assert.ok(
      events.every((e) => e.numArticles === 2),
      'counted once, stated by two articles',
    );

    const pagesBefore = server.requests.filter((r) => r.path.startsWith('/feeds/pages/')).length;
    const second = await run(feeds, store);
    assert.deepEqual(second.summary, {
      new: 0,
      existing: 5,
      duplicates: 0,
      failed: 0,
      stopped: false,
    });
    const pagesAfter = server.requests.filter((r) => r.path.startsWith('/feeds/pages/')).length;
    assert.equal(pagesAfter, pagesBefore, 'stored items are not downloaded again');
    assert.equal(second.extractions, 0);
    assert.equal((await store.stats()).documents, 5);
  } finally {
    await store.close();
  }
});

test('a page URL is fetched through redirects and stored under the URL asked for', async () => {
  const store = await freshStore();
  try {
    const url = server.url('/redirect/2?to=/feeds/pages/harbour-strike.html');
    const { summary, outcomes } = await run([url], store);
    assert.equal(summary.new, 1);
    const [doc] = (await store.documents()).items;
    assert.equal(doc?.url, url);
    assert.equal(doc?.title, 'Dock workers in Rotterdam strike over automation plans');
    assert.equal(outcomes[0]?.origin, url);
    assert.equal((await run([url], store)).summary.existing, 1);
  } finally {
    await store.close();
  }
});

test('only copies are near-duplicates, even when every SimHash is a candidate', async () => {
  const store = await freshStore();
  try {
    // The update is news of its own that reuses most of the original's background
    // (Jaccard 0.58): linked, its events would be lost.
    const pages = ['vienna-talks', 'harbour-strike', 'drought-aid', 'vienna-talks-update'];
    const { summary, outcomes } = await run(
      [...pages.map(page), page('vienna-talks-syndicated')],
      store,
      {
        nearDuplicateDistance: 64,
      },
    );
    assert.deepEqual([summary.new, summary.duplicates], [4, 1], 'the shingle check decides');
    assert.equal(outcomes[4]?.status, 'duplicate');
    assert.equal((outcomes[4] as { of: string }).of, (outcomes[0] as { id: string }).id);
  } finally {
    await store.close();
  }
});

test('bad inputs fail one by one with their codes; what was stored stays stored', async () => {
  const dir = workdir();
  const store = await freshStore(dir);
  try {
    const good = generateArticles(3, 11);
    writeFileSync(join(dir, 'good.jsonl'), articlesJsonl(good.slice(0, 2)));
    assert.equal((await run(['good.jsonl'], store, { cwd: dir })).summary.new, 2);
    const before = await store.stats();

    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(
      join(dir, 'binary.txt'),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3, 0, 0, 0]),
    );
    writeFileSync(join(dir, 'huge.txt'), 'Words of a long article. '.repeat(2_000));
    const lines = [
      JSON.stringify(good[2]),
      '{"id": "broken", "text": "unterminated',
      '{"id": "no-text"}',
      '["not", "an", "object"]',
    ];
    writeFileSync(
      join(dir, 'mixed.jsonl'),
      Buffer.concat([
        Buffer.from(lines.join('\n') + '\n'),
        Buffer.from('{"id": "latin1", "text": "caf'),
        Buffer.from([0xe9]),
        Buffer.from('"}\n'),
      ]),
    );
    copyFileSync(join(ROOT, 'test/fixtures/html/no-content.html'), join(dir, 'no-content.html'));
    server.route('/feed-with-dead-link', {
      headers: { 'content-type': 'application/rss+xml' },
      body:
        '<rss version="2.0"><channel><title>T</title>' +
        '<item><link>/status/404</link></item>' +
        '<item><link>/feeds/pages/drought-aid.html</link></item></channel></rss>',
    });
    server.route('/image', {
      headers: { 'content-type': 'image/png' },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    });
    const urls = [
      '/garbage',
      '/garbage-text',
      '/hang',
      '/loop/a',
      '/status/500',
      '/huge',
      '/image',
      '/feeds/pages/drought-aid.html',
    ];
    const { summary, outcomes } = await run(
      [
        'empty.txt',
        'binary.txt',
        'huge.txt',
        'mixed.jsonl',
        'no-content.html',
        ...urls.map(server.url),
        server.url('/feed-with-dead-link'),
      ],
      store,
      {
        cwd: dir,
        sources: { cwd: dir, maxBytes: 20_000, readStdin: async () => Buffer.alloc(0) },
        fetcher: createFetcher({ hostIntervalMs: 1, connectTimeoutMs: 300, maxBytes: 20_000 }),
      },
    );
    const failures = outcomes
      .filter((o): o is Extract<DocumentOutcome, { status: 'failed' }> => o.status === 'failed')
      .map((o) => `${o.origin.replace(server.origin, '')} ${o.error.code}`);
    assert.deepEqual(failures, [
      'empty.txt NG_INPUT_EMPTY',
      'binary.txt NG_INPUT_BINARY',
      'huge.txt NG_INPUT_TOO_LARGE',
      'mixed.jsonl:2 NG_JSONL_PARSE',
      'mixed.jsonl:3 NG_JSONL_RECORD',
      'mixed.jsonl:4 NG_JSONL_RECORD',
      'mixed.jsonl:5 NG_INPUT_ENCODING',
      'no-content.html NG_HTML_NO_CONTENT',
      '/garbage NG_INPUT_BINARY',
      '/garbage-text NG_FEED_PARSE',
      '/hang NG_FETCH_TIMEOUT',
      '/loop/a NG_FETCH_REDIRECTS',
      '/status/500 NG_FETCH_STATUS',
      '/huge NG_FETCH_TOO_LARGE',
      '/image NG_INPUT_UNSUPPORTED',
      '/status/404 NG_FETCH_STATUS',
    ]);
    for (const o of outcomes) {
      if (o.status === 'failed') assert.ok(o.error instanceof NewsgraphError);
    }
    const failedLine = outcomes.find((o) => o.status === 'failed' && o.origin === 'mixed.jsonl:2');
    assert.match(
      (failedLine as { error: NewsgraphError }).error.toLine(),
      /^mixed\.jsonl:2: NG_JSONL_PARSE: not valid JSON/,
      'the line a user sees: origin, code, message',
    );
    assert.deepEqual(
      { new: summary.new, existing: summary.existing, failed: summary.failed },
      { new: 2, existing: 1, failed: 16 },
      'the good line and the page are stored; the page reached twice is stored once',
    );
    const after = await store.stats();
    assert.equal(after.documents, before.documents + 2);
    for (const article of good.slice(0, 2)) {
      const kept = await store.result(article.id);
      assert.equal(kept?.document.title, article.title, 'earlier documents are intact');
    }
  } finally {
    await store.close();
  }
});

test('a stop signal starts no new document; those in hand are written; a rerun finishes', async () => {
  const dir = workdir();
  writeFileSync(join(dir, 'batch.jsonl'), articlesJsonl(generateArticles(8, 3)));
  const store = await freshStore(dir);
  try {
    const controller = new AbortController();
    const stopped = await run(['batch.jsonl'], store, {
      cwd: dir,
      window: 2,
      signal: controller.signal,
      onDocument: () => controller.abort(),
    });
    assert.equal(stopped.summary.stopped, true);
    assert.ok(
      stopped.summary.new >= 1 && stopped.summary.new <= 3,
      `${stopped.summary.new} stored`,
    );
    assert.equal((await store.stats()).documents, stopped.summary.new);
    const rest = await run(['batch.jsonl'], store, { cwd: dir });
    assert.equal(rest.summary.existing, stopped.summary.new);
    assert.equal(rest.summary.new, 8 - stopped.summary.new);
    assert.equal((await store.stats()).documents, 8);
  } finally {
    await store.close();
  }
});

test('a store that cannot be written ends the run with its code; nothing stored is lost', async () => {
  const dir = workdir();
  writeFileSync(join(dir, 'a.jsonl'), articlesJsonl(generateArticles(2, 5)));
  writeFileSync(join(dir, 'b.jsonl'), articlesJsonl(generateArticles(2, 6)));
  const file = join(dir, 'test.db');
  const store = await openStore(`sqlite:${file}`);
  assert.equal((await run(['a.jsonl'], store, { cwd: dir })).summary.new, 2);
  await store.close();
  const readonly = await openStore(`sqlite:${file}?mode=ro`);
  try {
    await assert.rejects(run(['b.jsonl'], readonly, { cwd: dir }), { code: 'NG_STORE_READONLY' });
  } finally {
    await readonly.close();
  }
  const again = await openStore(`sqlite:${file}`);
  try {
    assert.equal((await again.stats()).documents, 2);
    assert.equal((await run(['b.jsonl'], again, { cwd: dir })).summary.new, 2, 'a rerun goes on');
  } finally {
    await again.close();
  }
});
