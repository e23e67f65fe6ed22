/**
 * Feeds: RSS 2.0, RSS 1.0 (RDF) and Atom, read with linkedom's XML parser. A feed is a list
 * of items; ingest fetches each item's link as an HTML page. Anything else (an HTML page,
 * garbage, an unknown XML root) is NG_FEED_PARSE.
 *
 * linkedom keeps prefixed names as written (`dc:date`, `content:encoded`), so elements are
 * matched by their lower-cased tag name; Atom is matched with or without an `atom:` prefix.
 */
import { DOMParser } from 'linkedom';
import { NewsgraphError } from '../core/errors.js';

export interface FeedItem {
  /** The item's page, absolute (resolved against the feed's URL); null when it has none. */
  link: string | null;
  title: string | null;
  /** The publication date as the feed writes it, in the feed's own time zone: YYYY-MM-DD. */
  published: string | null;
  /** guid (RSS 2.0), rdf:about (RSS 1.0) or id (Atom). */
  id: string | null;
  /** description / summary, or content:encoded / content when there is no summary. */
  summary: string | null;
}

export interface Feed {
  format: 'rss' | 'rdf' | 'atom';
  title: string | null;
  items: FeedItem[];
}

/** The minimal DOM surface used here (linkedom's XML elements). */
interface XmlElement {
  tagName: string;
  textContent: string | null;
  children: ArrayLike<XmlElement>;
  getAttribute(name: string): string | null;
}

function kids(el: XmlElement): XmlElement[] {
  return Array.from(el.children);
}

function named(el: XmlElement, ...names: string[]): XmlElement[] {
  return kids(el).filter((c) => names.includes(c.tagName.toLowerCase()));
}

function text(el: XmlElement, ...names: string[]): string | null {
  for (const name of names) {
    const found = named(el, name)[0];
    const value = found?.textContent?.trim();
    if (value) return value;
  }
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A feed date → YYYY-MM-DD as written. ISO 8601 (Atom, dc:date) and RFC 822 (RSS pubDate:
 * "Tue, 03 Jun 2025 09:39:21 +0200") are read directly so the day does not move with a time
 * zone conversion; anything else goes through Date's parser.
 */
export function feedDate(value: string | null): string | null {
  if (!value) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  let y: number, m: number, d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else {
    const rfc = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2,4})/.exec(value);
    const month = rfc ? MONTHS.indexOf((rfc[2] ?? '').toLowerCase()) : -1;
    if (rfc && month >= 0) {
      const year = Number(rfc[3]);
      // RFC 822 allows two-digit years.
      [y, m, d] = [year < 100 ? 2000 + year : year, month + 1, Number(rfc[1])];
    } else {
      // Forms without a zone ("June 3, 2025") parse as local midnight: read local fields.
      const t = new Date(value);
      if (Number.isNaN(t.getTime())) return null;
      [y, m, d] = [t.getFullYear(), t.getMonth() + 1, t.getDate()];
    }
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/** An absolute http(s) URL, or null (relative links resolve against the feed's URL). */
function absolute(link: string | null, base: string | undefined): string | null {
  if (!link) return null;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function rssItem(item: XmlElement, base: string | undefined): FeedItem {
  const guid = named(item, 'guid')[0];
  const guidText = guid?.textContent?.trim() || null;
  // A guid is the page's address unless it says isPermaLink="false".
  const guidLink = guid && guid.getAttribute('isPermaLink') !== 'false' ? guidText : null;
  return {
    link: absolute(text(item, 'link') ?? guidLink, base),
    title: text(item, 'title'),
    published: feedDate(text(item, 'pubdate', 'dc:date', 'a10:updated')),
    id: guidText ?? item.getAttribute('rdf:about'),
    summary: text(item, 'description', 'content:encoded'),
  };
}

function atomLink(entry: XmlElement, base: string | undefined): string | null {
  const links = named(entry, 'link', 'atom:link');
  const alternate =
    links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
  return absolute(alternate?.getAttribute('href') ?? null, base);
}

function atomEntry(entry: XmlElement, base: string | undefined): FeedItem {
  return {
    link: atomLink(entry, base),
    title: text(entry, 'title', 'atom:title'),
    published: feedDate(text(entry, 'published', 'atom:published', 'updated', 'atom:updated')),
    id: text(entry, 'id', 'atom:id'),
    summary: text(entry, 'summary', 'atom:summary', 'content', 'atom:content'),
  };
}

/** Parses a feed. `url` is where it came from, for relative links and messages. */
export function parseFeed(xml: string, url?: string): Feed {
  const where = url ?? 'the feed';
  const fail = (why: string) =>
    new NewsgraphError('NG_FEED_PARSE', `${where} is not an RSS or Atom feed: ${why}`);
  if (xml.trim() === '') throw fail('it is empty');
  let root: XmlElement | null | undefined;
  try {
    const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as {
      documentElement: XmlElement | null;
    };
    root = doc.documentElement;
  } catch (error) {
    throw fail(`the XML cannot be parsed (${(error as Error).message})`);
  }
  const name = root?.tagName.toLowerCase();
  if (!root || !name || !/^[a-z][\w:.-]*$/.test(name)) {
    throw fail('it does not start with an XML element');
  }
  if (name === 'rss') {
    const channel = named(root, 'channel')[0];
    if (!channel) throw fail('<rss> has no <channel>');
    return {
      format: 'rss',
      title: text(channel, 'title'),
      items: named(channel, 'item').map((i) => rssItem(i, url)),
    };
  }
  if (name === 'rdf:rdf') {
    const channel = named(root, 'channel')[0];
    // RSS 1.0 keeps its items beside the channel, not inside it.
    return {
      format: 'rdf',
      title: channel ? text(channel, 'title') : null,
      items: named(root, 'item').map((i) => rssItem(i, url)),
    };
  }
  if (name === 'feed' || name === 'atom:feed') {
    return {
      format: 'atom',
      title: text(root, 'title', 'atom:title'),
      items: named(root, 'entry', 'atom:entry').map((e) => atomEntry(e, url)),
    };
  }
  if (name === 'html') throw fail('it is an HTML page');
  throw fail(`its root element is <${root.tagName}>`);
}
