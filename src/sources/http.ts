/**
 * Fetching pages and feeds politely: a clear User-Agent, a minimum interval between two
 * requests to one host, timeouts, a size limit enforced while the body streams in, and
 * redirects followed by hand so that every hop is checked (http/https only, at most five,
 * no loops).
 *
 * Every failure is a NewsgraphError with a stable code: NG_FETCH_TIMEOUT, NG_FETCH_STATUS,
 * NG_FETCH_TOO_LARGE, NG_FETCH_FAILED, NG_FETCH_REDIRECTS (and NG_INPUT_UNSUPPORTED for a
 * URL that is not http or https in the first place).
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { NewsgraphError } from '../core/errors.js';
import { DEFAULT_MAX_BYTES } from '../stages/ingest/decode.js';

/** What a fetched body looks like, from its content type and its first bytes. */
export type ContentKind = 'feed' | 'html' | 'text' | 'other';

export interface Fetched {
  /** The URL asked for. */
  requestedUrl: string;
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  /** The Content-Type header as sent ('' when absent). */
  contentType: string;
  /** The charset the Content-Type declares, if any. */
  charset: string | undefined;
  kind: ContentKind;
  bytes: Buffer;
}

export interface FetchOptions {
  /** Time until the response headers arrive (connecting included), ms. Default 10 s. */
  connectTimeoutMs?: number;
  /** Time for the whole exchange, redirects and body included, ms. Default 30 s. */
  totalTimeoutMs?: number;
  /** Largest body accepted, bytes; the download stops as soon as it is passed. */
  maxBytes?: number;
  /** Redirects followed at most. Default 5. */
  maxRedirects?: number;
  /** Minimum time between the starts of two requests to one host, ms. Default 1 s. */
  hostIntervalMs?: number;
  userAgent?: string;
}

export interface Fetcher {
  fetch(url: string): Promise<Fetched>;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_TOTAL_TIMEOUT_MS = 30_000;
export const DEFAULT_HOST_INTERVAL_MS = 1_000;
export const MAX_REDIRECTS = 5;

let version: string | undefined;

/** `newsgraph/<version> (+https://github.com/newsgraph/newsgraph)`. */
export function userAgent(): string {
  // package.json sits two levels above both src/sources/ and dist/sources/.
  version ??= (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;
  return `newsgraph/${version} (+https://github.com/newsgraph/newsgraph)`;
}

/** Is this string an http(s) URL (what ingest fetches rather than reads from disk)? */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

function checkScheme(url: URL, code: 'NG_INPUT_UNSUPPORTED' | 'NG_FETCH_REDIRECTS', what: string) {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NewsgraphError(code, `${what} ${url.href} is not http or https`);
  }
}

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml']);
const XML_TYPES = new Set(['application/xml', 'text/xml']);
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** The name of the first element, after an XML declaration, processing instructions,
 *  comments and a doctype. */
function firstElement(head: string): string | undefined {
  const rest = head.replace(/^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^>]*>)*/i, '');
  return /^<([A-Za-z][\w:.-]*)/.exec(rest)?.[1];
}

/**
 * Feed, HTML page or plain text. Servers often label feeds `text/xml`, `text/html` or
 * `application/octet-stream`, and pages `text/plain`, so the first element decides when it
 * is telling; the header decides otherwise.
 */
export function sniffKind(contentType: string, bytes: Uint8Array): ContentKind {
  const mime = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = Buffer.from(bytes.subarray(bom, 2048)).toString('latin1');
  const root = firstElement(head)?.toLowerCase();
  if (root === 'rss' || root === 'feed' || root === 'rdf:rdf') return 'feed';
  if (root === 'html' || HTML_TYPES.has(mime)) return 'html';
  if (FEED_TYPES.has(mime) || XML_TYPES.has(mime)) return 'feed';
  if (root !== undefined && /<(?:head|body|p|div|article)\b/i.test(head)) return 'html';
  if (mime.startsWith('text/')) return 'text';
  return 'other';
}

function charsetOf(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1];
}

/** Reads a body to its end, stopping as soon as it passes `maxBytes`. */
async function readLimited(
  response: Response,
  maxBytes: number,
  url: string,
  abort: () => void,
): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    abort();
    throw tooLarge(url, maxBytes, `it declares ${declared} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) {
      abort();
      throw tooLarge(url, maxBytes, `more than ${maxBytes} bytes arrived`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(url: string, maxBytes: number, why: string): NewsgraphError {
  return new NewsgraphError(
    'NG_FETCH_TOO_LARGE',
    `${url} is over the limit of ${maxBytes} bytes (${why}); raise it with --max-bytes`,
  );
}

/** A network failure's own code (ECONNREFUSED, ENOTFOUND…) when undici gives one. */
function networkReason(error: unknown): string {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e instanceof Error; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return `${code}: ${e.message}`;
    e = e.cause;
  }
  return error instanceof Error ? error.message : String(error);
}

export function createFetcher(options: FetchOptions = {}): Fetcher {
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const totalTimeoutMs = options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const hostIntervalMs = options.hostIntervalMs ?? DEFAULT_HOST_INTERVAL_MS;
  const agent = options.userAgent ?? userAgent();
  /** When each host may next be asked, ms since the epoch. Per fetcher, not global. */
  const nextSlot = new Map<string, number>();

  /** Waits for this host's turn. The slot is reserved before waiting, so concurrent
   *  requests to one host line up instead of all going at once. */
  async function politeTurn(host: string): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, nextSlot.get(host) ?? 0);
    nextSlot.set(host, at + hostIntervalMs);
    if (at > now) await sleep(at - now);
  }

  async function fetchUrl(requested: string): Promise<Fetched> {
    let url: URL;
    try {
      url = new URL(requested);
    } catch {
      throw new NewsgraphError('NG_INPUT_UNSUPPORTED', `"${requested}" is not a valid URL`);
    }
    checkScheme(url, 'NG_INPUT_UNSUPPORTED', 'the URL');

    // The first turn is waited for before the clock starts: a queue of polite waits is not the
    // server's slowness.
    await politeTurn(url.host);
    const controller = new AbortController();
    let timedOut: string | undefined;
    const expire = (what: string) => () => {
      timedOut = what;
      controller.abort();
    };
    const total = setTimeout(
      expire(`did not finish within ${totalTimeoutMs / 1000} s`),
      totalTimeoutMs,
    );
    const seen = new Set<string>([url.href]);
    try {
      for (let hop = 0; ; hop++) {
        if (hop > 0) await politeTurn(url.host);
        const connect = setTimeout(
          expire(`did not answer within ${connectTimeoutMs / 1000} s`),
          connectTimeoutMs,
        );
        let response: Response;
        try {
          response = await fetch(url, {
            redirect: 'manual',
            signal: controller.signal,
            headers: {
              'user-agent': agent,
              accept:
                'application/rss+xml, application/atom+xml, application/xml;q=0.9, ' +
                'text/html;q=0.9, text/plain;q=0.8, */*;q=0.5',
            },
          });
        } finally {
          clearTimeout(connect);
        }
        if (response.status >= 300 && response.status < 400 && response.status !== 304) {
          await response.body?.cancel();
          const location = response.headers.get('location');
          if (!location) {
            throw new NewsgraphError(
              'NG_FETCH_STATUS',
              `${url.href} answered HTTP ${response.status} without a Location`,
            );
          }
          const next = new URL(location, url);
          checkScheme(next, 'NG_FETCH_REDIRECTS', `${url.href} redirects to`);
          if (seen.has(next.href)) {
            throw new NewsgraphError(
              'NG_FETCH_REDIRECTS',
              `${requested} redirects in a loop (back to ${next.href})`,
            );
          }
          if (hop + 1 > maxRedirects) {
            throw new NewsgraphError(
              'NG_FETCH_REDIRECTS',
              `${requested} redirects more than ${maxRedirects} times`,
            );
          }
          seen.add(next.href);
          url = next;
          continue;
        }
        if (response.status < 200 || response.status >= 300) {
          await response.body?.cancel();
          throw new NewsgraphError(
            'NG_FETCH_STATUS',
            `${url.href} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
          );
        }
        const bytes = await readLimited(response, maxBytes, url.href, () => controller.abort());
        const contentType = response.headers.get('content-type') ?? '';
        return {
          requestedUrl: requested,
          url: url.href,
          status: response.status,
          contentType,
          charset: charsetOf(contentType),
          kind: sniffKind(contentType, bytes),
          bytes,
        };
      }
    } catch (error) {
      if (timedOut !== undefined) {
        throw new NewsgraphError(
          'NG_FETCH_TIMEOUT',
          `${url.href} ${timedOut}`,
          {},
          { cause: error },
        );
      }
      if (error instanceof NewsgraphError) throw error;
      throw new NewsgraphError(
        'NG_FETCH_FAILED',
        `cannot fetch ${url.href} (${networkReason(error)})`,
        {},
        { cause: error },
      );
    } finally {
      clearTimeout(total);
    }
  }

  return { fetch: fetchUrl };
}
