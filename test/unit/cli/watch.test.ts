/**
 * `newsgraph watch` against a real local HTTP server whose feed changes between polls, and
 * in a real child process stopped by SIGTERM in the middle of a poll.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../src/store/open.js';
import { runCli } from '../../helpers/cli.js';
import { startTestServer, type TestServer } from '../../helpers/http-server.js';
import { generateArticles, type TestArticle } from '../ingest/articles.js';
import { startCli, waitFor } from '../ingest/child.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

function workdir(): string {
  return mkdtempSync(join(tmpdir(), 'newsgraph-cli-watch-'));
}

function rss(links: string[]): string {
  const items = links.map((l) => `<item><title>${l}</title><link>${l}</link></item>`).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Live</title>${items}</channel></rss>`;
}

function articlePage(article: TestArticle): string {
  const paragraphs = article.text
    .split(/(?<=\.) /)
    .map((s) => `<p>${s}</p>`)
    .join('\n');
  return `<!DOCTYPE html><html><head><title>${article.title}</title></head><body><article><h1>${article.title}</h1>\n${paragraphs}\n</article></body></html>`;
}

function serveFeed(path: string, bodies: string[]): void {
  let polls = 0;
  server.route(path, (_request, response: ServerResponse) => {
    const body = bodies[Math.min(polls++, bodies.length - 1)];
    response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
  });
}

test('help and usage errors', async () => {
  const help = await runCli(['watch', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--interval DURATION/);
  assert.match(help.stdout, /--once/);
  assert.match(help.stdout, /--polls N/);
  assert.match(help.stdout, /--db URL/);
  const dir = workdir();
  const cases: [string[], RegExp][] = [
    [['watch'], /NG_USAGE: name at least one feed URL/],
    [['watch', 'feed.xml'], /NG_USAGE: watch polls feeds over http\(s\); "feed.xml"/],
    [['watch', server.url('/x'), '--once', '--polls', '2'], /NG_USAGE: --once and --polls/],
    [['watch', server.url('/x'), '--interval', '0'], /NG_USAGE: --interval must be a positive/],
    [['watch', server.url('/x'), '--interval', 'soon'], /NG_USAGE: --interval/],
    [['watch', server.url('/x'), '--polls', '0'], /NG_USAGE: --polls must be a positive integer/],
  ];
  for (const [args, message] of cases) {
    const r = await runCli([...args, '--db', 'sqlite:w.db'], { cwd: dir });
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
  }
});

test('each poll stores what is new in the feed; stored items are not downloaded again', async () => {
  const dir = workdir();
  const pages = ['vienna-talks', 'harbour-strike', 'vienna-talks-syndicated'].map(
    (p) => `/feeds/pages/${p}.html`,
  );
  serveFeed('/live.xml', [rss([pages[0]!]), rss([pages[0]!, pages[1]!, pages[2]!]), 'garbage']);
  const args = ['watch', server.url('/live.xml'), '--polls', '3', '--interval', '200ms'];
  const r = await runCli([...args, '--db', 'sqlite:watch.db', '--workers', '1', '--rate', '0'], {
    cwd: dir,
  });
  assert.equal(r.code, 1, 'the third poll fails');
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 3, r.stdout);
  const fields = lines.map((l) => l.split('\t'));
  assert.match(fields[0]![0]!, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  assert.deepEqual(
    fields.map((f) => [f[1]?.replace(/ .*/, ''), f[3]]),
    [
      ['added', server.url(pages[0]!)],
      ['added', server.url(pages[1]!)],
      ['copy-of', server.url(pages[2]!)],
    ],
  );
  assert.equal(fields[2]![1], `copy-of ${fields[0]![2]}`, 'the copy names its original');
  assert.equal(fields[0]![4], 'Coalition talks in Vienna break down over the budget');
  assert.match(
    r.stderr,
    /poll 1: 1 document in .*: 1 new, 0 near-duplicates, 0 already stored, 0 failed.*; next poll in \d+ s/,
  );
  assert.match(
    r.stderr,
    /poll 2: 3 documents in .*: 1 new, 1 near-duplicate, 1 already stored, 0 failed/,
  );
  assert.match(r.stderr, /live\.xml: NG_FEED_PARSE: .*is not an RSS or Atom feed/);
  assert.match(
    r.stderr,
    /poll 3: 1 document in .*: 0 new, 0 near-duplicates, 0 already stored, 1 failed/,
  );
  const fetched = server.requests.filter((q) => q.path === pages[0]).length;
  assert.equal(fetched, 1, 'the first item was downloaded once in three polls');
  const store = await openStore(`sqlite:${join(dir, 'watch.db')}`, { readonly: true });
  try {
    assert.deepEqual(await store.stats().then((s) => [s.documents, s.duplicates]), [3, 1]);
  } finally {
    await store.close();
  }
});

test('SIGTERM in the middle of a poll stops after the documents in hand, all of them stored', async () => {
  const dir = workdir();
  const articles = generateArticles(6, 51);
  const links = articles.map((a) => `/slow/${a.id}.html`);
  articles.forEach((article, i) => {
    // Slow pages: the poll is still under way when the signal comes.
    server.route(links[i]!, (_request, response: ServerResponse) => {
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'text/html' }).end(articlePage(article));
      }, 300);
    });
  });
  serveFeed('/slow.xml', [rss(links)]);
  const child = startCli(
    ['watch', server.url('/slow.xml'), '--db', 'sqlite:stop.db', '--workers', '1', '--rate', '0'],
    dir,
  );
  await waitFor(() => (child.stdout().includes('\tadded\t') ? true : undefined));
  child.process.kill('SIGTERM');
  const { code } = await child.exited;
  assert.equal(code, 0, child.stderr());
  assert.match(child.stderr(), /SIGTERM: stopping after the documents in hand/);
  assert.match(child.stderr(), /poll 1: .*\(stopped early\)/);
  const added = child.stdout().trim().split('\n');
  const store = await openStore(`sqlite:${join(dir, 'stop.db')}`, { readonly: true });
  try {
    const stats = await store.stats();
    assert.equal(stats.documents, added.length, 'every document logged is stored, and no other');
    assert.ok(stats.documents >= 1 && stats.documents < 6, `${stats.documents} stored`);
    for (const line of added) {
      const id = line.split('\t')[2]!;
      const result = await store.result(id);
      const events = (await store.events({ document: id })).items;
      assert.equal(events.length, result?.events.length, 'each stored document is whole');
    }
  } finally {
    await store.close();
  }
});
