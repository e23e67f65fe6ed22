/**
 * Fetching against a real HTTP server on 127.0.0.1: redirects, loops, timeouts, size limits,
 * status codes, refused connections, content-type sniffing and the per-host interval.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NewsgraphError, type ErrorCode } from '../../../src/core/errors.js';
import {
  createFetcher,
  sniffKind,
  userAgent,
  type FetchOptions,
} from '../../../src/sources/http.js';
import { startTestServer, type TestServer } from '../../helpers/http-server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer({
    '/feed-as-html': {
      headers: { 'content-type': 'text/html' },
      body: '<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>',
    },
    '/page-as-binary': {
      headers: { 'content-type': 'application/octet-stream' },
      body: '<!DOCTYPE html><html><body><p>A page.</p></body></html>',
    },
    '/plain': { headers: { 'content-type': 'text/plain; charset=iso-8859-1' }, body: 'Caf\xe9' },
    '/png': {
      headers: { 'content-type': 'image/png' },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    },
    '/no-location': { status: 302 },
  });
});
after(() => server.close());

/** Small limits so failures come quickly; the interval is tiny unless a test sets it. */
const fetcher = (options: FetchOptions = {}) =>
  createFetcher({ hostIntervalMs: 1, connectTimeoutMs: 5_000, totalTimeoutMs: 10_000, ...options });

async function fails(promise: Promise<unknown>, code: ErrorCode, message: RegExp) {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof NewsgraphError, String(e));
    assert.equal(e.code, code, e.message);
    assert.match(e.message, message);
    return true;
  });
}

test('a page: bytes, final URL, content type, kind, and our User-Agent', async () => {
  const url = server.url('/feeds/pages/drought-aid.html');
  const page = await fetcher().fetch(url);
  assert.equal(page.status, 200);
  assert.equal(page.url, url);
  assert.equal(page.requestedUrl, url);
  assert.equal(page.kind, 'html');
  assert.equal(page.contentType, 'text/html; charset=utf-8');
  assert.equal(page.charset, 'utf-8');
  assert.match(page.bytes.toString('utf8'), /Kenya receives emergency aid/);
  const seen = server.requests.filter((r) => r.path === '/feeds/pages/drought-aid.html').pop();
  assert.match(
    seen?.userAgent ?? '',
    /^newsgraph\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/newsgraph\/newsgraph\)$/,
  );
  assert.equal(seen?.userAgent, userAgent());
});

test('redirects are followed up to five, each hop checked', async () => {
  const five = await fetcher().fetch(server.url('/redirect/5?to=/feeds/rss2.xml'));
  assert.equal(five.url, server.url('/feeds/rss2.xml'));
  assert.equal(five.kind, 'feed');
  await fails(
    fetcher().fetch(server.url('/redirect/6')),
    'NG_FETCH_REDIRECTS',
    /more than 5 times/,
  );
  await fails(fetcher().fetch(server.url('/loop/a')), 'NG_FETCH_REDIRECTS', /loop/);
  await fails(
    fetcher().fetch(server.url('/to-ftp')),
    'NG_FETCH_REDIRECTS',
    /ftp:.*not http or https/,
  );
  await fails(
    fetcher().fetch(server.url('/no-location')),
    'NG_FETCH_STATUS',
    /302 without a Location/,
  );
});

test('error statuses are NG_FETCH_STATUS with the status', async () => {
  await fails(fetcher().fetch(server.url('/status/404')), 'NG_FETCH_STATUS', /HTTP 404/);
  await fails(fetcher().fetch(server.url('/status/503')), 'NG_FETCH_STATUS', /HTTP 503/);
  await fails(fetcher().fetch(server.url('/nothing-here')), 'NG_FETCH_STATUS', /HTTP 404/);
});

test('a server that never answers, or stops halfway, is NG_FETCH_TIMEOUT', async () => {
  await fails(
    fetcher({ connectTimeoutMs: 300 }).fetch(server.url('/hang')),
    'NG_FETCH_TIMEOUT',
    /did not answer within 0.3 s/,
  );
  await fails(
    fetcher({ totalTimeoutMs: 500 }).fetch(server.url('/hang-body')),
    'NG_FETCH_TIMEOUT',
    /did not finish within 0.5 s/,
  );
  // The server is still fine afterwards.
  assert.equal((await fetcher().fetch(server.url('/plain'))).status, 200);
});

test('bodies over the limit are cut off while streaming: NG_FETCH_TOO_LARGE', async () => {
  await fails(
    fetcher({ maxBytes: 200_000 }).fetch(server.url('/huge')),
    'NG_FETCH_TOO_LARGE',
    /over the limit of 200000 bytes \(more than 200000 bytes arrived\).*--max-bytes/,
  );
  await fails(
    fetcher({ maxBytes: 200_000 }).fetch(server.url('/huge-declared')),
    'NG_FETCH_TOO_LARGE',
    /declares 1073741824 bytes/,
  );
  const small = await fetcher({ maxBytes: 10_000 }).fetch(server.url('/feeds/atom.xml'));
  assert.equal(small.kind, 'feed', 'under the limit is fine');
});

test('unreachable hosts are NG_FETCH_FAILED; other schemes and bad URLs NG_INPUT_UNSUPPORTED', async () => {
  // A port that was just free: nothing listens there.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  await fails(fetcher().fetch(`http://127.0.0.1:${port}/`), 'NG_FETCH_FAILED', /ECONNREFUSED/);
  await fails(fetcher().fetch('ftp://127.0.0.1/file'), 'NG_INPUT_UNSUPPORTED', /not http or https/);
  await fails(fetcher().fetch('http://'), 'NG_INPUT_UNSUPPORTED', /not a valid URL/);
});

test('content kinds: the first element wins over a wrong header', async () => {
  const f = fetcher();
  assert.equal((await f.fetch(server.url('/feed-as-html'))).kind, 'feed');
  assert.equal((await f.fetch(server.url('/page-as-binary'))).kind, 'html');
  const plain = await f.fetch(server.url('/plain'));
  assert.equal(plain.kind, 'text');
  assert.equal(plain.charset, 'iso-8859-1');
  assert.equal((await f.fetch(server.url('/png'))).kind, 'other');
  assert.equal(
    (await f.fetch(server.url('/garbage'))).kind,
    'feed',
    'labelled RSS: the parser decides',
  );
  assert.equal((await f.fetch(server.url('/feeds/rss1.rdf'))).kind, 'feed');
});

test('sniffKind reads past declarations, comments and doctypes', () => {
  const bytes = (s: string) => Buffer.from(s);
  assert.equal(sniffKind('', bytes('\uFEFF<?xml version="1.0"?><!-- c --><feed>')), 'feed');
  assert.equal(sniffKind('text/xml', bytes('<rdf:RDF xmlns:rdf="x">')), 'feed');
  assert.equal(sniffKind('', bytes('<!DOCTYPE html>\n<html><body>')), 'html');
  assert.equal(sniffKind('text/plain', bytes('<div><p>fragment</p></div>')), 'html');
  assert.equal(sniffKind('text/plain', bytes('Plain words.')), 'text');
  assert.equal(sniffKind('application/xhtml+xml', bytes('<?xml version="1.0"?>')), 'html');
  assert.equal(sniffKind('application/json', bytes('{"a": 1}')), 'other');
  assert.equal(sniffKind('', bytes('')), 'other');
});

test('requests to one host keep the minimum interval between them', async () => {
  const f = fetcher({ hostIntervalMs: 150 });
  const path = '/feeds/pages/harbour-strike.html';
  const before = server.requests.length;
  const start = Date.now();
  await f.fetch(server.url(path));
  await f.fetch(server.url(path));
  await Promise.all([f.fetch(server.url(path)), f.fetch(server.url(path))]);
  const times = server.requests.slice(before).map((r) => r.at);
  assert.equal(times.length, 4);
  // Lower bounds only (a slow machine makes waits longer, never shorter): request k cannot
  // reach the server before k intervals have passed since the first was asked for. Arrival
  // gaps between two requests are no measure: the first may be slowed by its connection.
  // Date.now() rounds to whole milliseconds, hence the 2 ms of slack.
  times.forEach((at, k) =>
    assert.ok(at - start >= k * 150 - 2, `request ${k} at ${at - start} ms`),
  );
});
