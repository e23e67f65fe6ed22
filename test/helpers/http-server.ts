/**
 * A real HTTP server on 127.0.0.1 (port 0) for fetch, feed, ingest and watch tests. It serves
 * test/fixtures/feeds/ under /feeds/, routes a test adds, and misbehaviour on fixed paths:
 *
 * - `/redirect/N?to=/path`  N redirects, then `to` (or /feeds/pages/vienna-talks.html)
 * - `/loop/a` ⇄ `/loop/b`   a redirect loop
 * - `/to-ftp`               a redirect to ftp://
 * - `/status/CODE`          that status, a short body
 * - `/hang`                 accepts the request and never answers
 * - `/hang-body`            sends the headers and part of a page, then nothing more
 * - `/huge`                 an endless body, no Content-Length
 * - `/huge-declared`        declares a 1 GB Content-Length
 * - `/garbage`              binary bytes, labelled as RSS
 * - `/garbage-text`         text that is neither XML nor a page, labelled as RSS
 *
 * Every request is recorded (path, User-Agent, time) so tests can check politeness.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { ROOT } from './cli.js';

export const FEED_FIXTURES = join(ROOT, 'test/fixtures/feeds');

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A fixed answer, or a function for anything else. */
export type Route = Answer | ((request: IncomingMessage, response: ServerResponse) => void);

export interface RecordedRequest {
  path: string;
  userAgent: string | undefined;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface TestServer {
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  url(path: string): string;
  requests: RecordedRequest[];
  /** Adds or replaces the answer for one path (query string ignored). */
  route(path: string, route: Route): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/rss+xml',
  '.rdf': 'application/rdf+xml',
  '.txt': 'text/plain; charset=utf-8',
};

function answer(response: ServerResponse, route: Answer): void {
  response.writeHead(route.status ?? 200, route.headers ?? {});
  response.end(route.body ?? '');
}

function misbehave(path: string, url: URL, response: ServerResponse): boolean {
  const redirect = /^\/redirect\/(\d+)$/.exec(path);
  if (redirect) {
    const n = Number(redirect[1]);
    const to = url.searchParams.get('to') ?? '/feeds/pages/vienna-talks.html';
    const next = n <= 1 ? to : `/redirect/${n - 1}?to=${encodeURIComponent(to)}`;
    answer(response, { status: 302, headers: { location: next } });
    return true;
  }
  if (path === '/loop/a' || path === '/loop/b') {
    answer(response, { status: 301, headers: { location: path === '/loop/a' ? 'b' : 'a' } });
    return true;
  }
  if (path === '/to-ftp') {
    answer(response, { status: 301, headers: { location: 'ftp://127.0.0.1/pub/file.txt' } });
    return true;
  }
  const status = /^\/status\/(\d{3})$/.exec(path);
  if (status) {
    answer(response, { status: Number(status[1]), body: `status ${status[1]}\n` });
    return true;
  }
  if (path === '/hang') return true; // the socket stays open until close()
  if (path === '/hang-body') {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.write('<!DOCTYPE html><html><body><p>The first paragraph arrives, and then');
    return true;
  }
  if (path === '/huge') {
    response.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 'news ');
    const more = () => {
      while (!response.destroyed && response.write(chunk));
      if (!response.destroyed) response.once('drain', more);
    };
    more();
    return true;
  }
  if (path === '/huge-declared') {
    response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(2 ** 30) });
    response.write('<html>');
    return true;
  }
  if (path === '/garbage') {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    answer(response, { headers: { 'content-type': 'application/rss+xml' }, body: bytes });
    return true;
  }
  if (path === '/garbage-text') {
    answer(response, {
      headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
      body: 'Service temporarily unavailable }{ <<< please try again later >>> &&& \n',
    });
    return true;
  }
  return false;
}

async function serveFixture(path: string, response: ServerResponse): Promise<boolean> {
  if (!path.startsWith('/feeds/')) return false;
  const relative = normalize(decodeURIComponent(path.slice('/feeds/'.length)));
  if (relative.startsWith('..')) return false;
  try {
    const body = await readFile(join(FEED_FIXTURES, relative));
    answer(response, {
      headers: { 'content-type': TYPES[extname(relative)] ?? 'application/octet-stream' },
      body,
    });
    return true;
  } catch {
    return false;
  }
}

export async function startTestServer(routes: Record<string, Route> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname, userAgent: request.headers['user-agent'], at: Date.now() });
    const route = table.get(url.pathname);
    if (typeof route === 'function') return route(request, response);
    if (route) return answer(response, route);
    if (misbehave(url.pathname, url, response)) return;
    void serveFixture(url.pathname, response).then((served) => {
      if (!served) answer(response, { status: 404, body: 'not found\n' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    route: (path, route) => table.set(path, route),
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging and endless answers hold their sockets: cut them, then stop listening.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
