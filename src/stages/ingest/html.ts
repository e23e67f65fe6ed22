/**
 * Reads a news page's HTML into metadata and plain-text paragraphs.
 *
 * The page is parsed with linkedom; metadata is read from that DOM first, then Readability
 * extracts the article from the same DOM (it mutates it). Readability's article element is
 * walked directly (an identity serializer avoids re-parsing its HTML). When Readability finds
 * nothing or too little text (a short page under its character threshold), the visible block
 * text of `<article>`, `<main>` or `<body>` is used instead, without navigation, headers,
 * footers, asides, forms and elements whose class/id names clearly mark boilerplate.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

import { BLOCK_TAGS } from './block-tags.js';
import { NewsgraphError } from '../../core/errors.js';

export interface HtmlArticle {
  title: string | null;
  byline: string | null;
  /**
   * Publication time from the page: article:published_time, og/meta/JSON-LD datePublished,
   * <time datetime>, itemprop=datePublished… normalised to YYYY-MM-DD (date part), or null.
   */
  published: string | null;
  /** <html lang> or content-language meta, lower-cased primary subtag ('en', 'bg'), or null. */
  language: string | null;
  /** <link rel=canonical> or og:url, absolute if a base URL is given, or null. */
  canonicalUrl: string | null;
  siteName: string | null;
  /**
   * The article body as plain-text paragraphs, in order: one string per block element (p, li,
   * blockquote, h2…), inner whitespace collapsed to single spaces, no empty strings. Headings
   * inside the article are paragraphs too. Figure captions / photo credits stay as paragraphs
   * (a later cleaning step recognises them).
   */
  paragraphs: string[];
}

// ---------------------------------------------------------------------------------------------
// The small part of the DOM this module uses. linkedom's own typings are loose (`any`), and the
// project compiles without the DOM lib, so the parsed document is viewed through these.

interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

interface DomElement extends DomNode {
  readonly localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  appendChild(node: DomNode): DomNode;
  prepend(...nodes: DomNode[]): void;
  remove(): void;
}

interface DomDocument {
  readonly documentElement: DomElement | null;
  createElement(tagName: string): DomElement;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Readability's default: below this many characters its result is not trusted. */
const CHAR_THRESHOLD = 500;

/**
 * Readability's cost grows with element depth times page size (and it recurses); pages nested
 * deeper than this (runs of unclosed tags) are read by the fallback instead.
 */
const MAX_READABILITY_DEPTH = 400;

function parseDocument(html: string): DomDocument | null {
  // linkedom needs an <html> root: a bare fragment would make its first element the root.
  const wrap = (): string =>
    `<html>${html.replace(/^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype[^>]*>)?/i, '')}</html>`;
  const parse = (source: string): DomDocument =>
    (parseHTML(source) as unknown as { document: DomDocument }).document;
  const hasRoot = /<html[\s>/]/i.test(html);
  let document = parse(hasRoot ? html : wrap());
  let root = document.documentElement;
  if (hasRoot && (root === null || tagOf(root) !== 'html')) {
    document = parse(wrap()); // the "<html" was not a root tag (in a comment, say)
    root = document.documentElement;
  }
  if (root === null || tagOf(root) !== 'html') return null;
  normaliseStructure(document, root);
  return document;
}

/** Tags that belong in <head> (where they are metadata, not text). */
const HEAD_TAGS = new Set(['title', 'meta', 'link', 'base', 'style', 'script', 'noscript']);

/**
 * Makes the root `<html><head>…</head><body>…</body></html>` as a browser would, since linkedom
 * (unlike an HTML5 parser) keeps content outside <body> or inside an unclosed <head> where it
 * stands, and Readability reads only <body>.
 */
function normaliseStructure(document: DomDocument, root: DomElement): void {
  const children = elementChildren(root);
  const [first, second] = children;
  if (
    children.length === 2 &&
    first !== undefined &&
    second !== undefined &&
    tagOf(first) === 'head' &&
    tagOf(second) === 'body' &&
    elementChildren(first).every((el) => HEAD_TAGS.has(tagOf(el))) &&
    !hasText(first)
  ) {
    return;
  }
  const head = first !== undefined && tagOf(first) === 'head' ? first : null;
  const newHead = head ?? document.createElement('head');
  const body = document.createElement('body');
  const moveInto = (node: DomNode, intoHead: boolean): void => {
    if (node.nodeType === ELEMENT_NODE) {
      const tag = tagOf(node as DomElement);
      if (tag === 'body' || tag === 'head') {
        for (const child of Array.from(node.childNodes)) moveInto(child, tag === 'head');
        (node as DomElement).remove();
        return;
      }
      if (intoHead && HEAD_TAGS.has(tag) && tag !== 'script' && tag !== 'noscript') {
        newHead.appendChild(node);
        return;
      }
    } else if (node.nodeType === TEXT_NODE && !/\S/.test(node.textContent ?? '')) {
      return;
    }
    body.appendChild(node);
  };
  for (const child of Array.from(root.childNodes)) {
    if (child === head) {
      for (const headChild of Array.from(child.childNodes)) {
        if (headChild.nodeType === ELEMENT_NODE && HEAD_TAGS.has(tagOf(headChild as DomElement))) {
          continue; // stays in <head>
        }
        moveInto(headChild, false);
      }
    } else {
      moveInto(child, true);
    }
  }
  if (head === null) root.prepend(newHead);
  root.appendChild(body);
}

function elementChildren(el: DomElement): DomElement[] {
  const out: DomElement[] = [];
  const nodes = el.childNodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node !== undefined && node.nodeType === ELEMENT_NODE) out.push(node as DomElement);
  }
  return out;
}

/** Whether `el` has non-blank text directly inside it. */
function hasText(el: DomElement): boolean {
  const nodes = el.childNodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node?.nodeType === TEXT_NODE && /\S/.test(node.textContent ?? '')) return true;
  }
  return false;
}

function tagOf(el: DomElement): string {
  return el.localName.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Text

const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u200b\ufeff]/g;

/** Collapses whitespace, drops control characters; '' when nothing readable is left. */
function cleanText(raw: string): string {
  const text = raw.replace(CONTROL_CHARS, '').replace(/\s+/g, ' ').trim();
  return /[\p{L}\p{N}]/u.test(text) ? text : '';
}

function cleanField(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const text = cleanText(raw);
  return text === '' ? null : text;
}

/** Elements whose text is never article text. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'select',
  'option',
  'textarea',
  'input',
  'button',
]);

/** Elements that end the current paragraph (and start a new one). */

/** Table cells: their texts are separated by a space within the row's paragraph. */
const CELL_TAGS = new Set(['td', 'th']);

/**
 * The text of `root`'s block elements, one string per block, in document order. `skip` decides
 * which elements (with everything inside them) are left out. Iterative, so deeply nested
 * malformed markup cannot overflow the stack.
 */
function blockParagraphs(
  root: DomElement,
  skip: (el: DomElement, tag: string) => boolean,
): string[] {
  const paragraphs: string[] = [];
  let buffer = '';
  const flush = (): void => {
    if (buffer === '') return;
    const text = cleanText(buffer);
    if (text !== '') paragraphs.push(text);
    buffer = '';
  };
  // A node to visit, a string to append, or null: the end of a block.
  const stack: (DomNode | string | null)[] = [];
  const pushChildren = (node: DomNode): void => {
    const nodes = node.childNodes;
    for (let i = nodes.length - 1; i >= 0; i--) {
      const child = nodes[i];
      if (child !== undefined) stack.push(child);
    }
  };
  pushChildren(root);
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    if (item === null) {
      flush();
    } else if (typeof item === 'string') {
      buffer += item;
    } else if (item.nodeType === TEXT_NODE) {
      buffer += item.textContent ?? '';
    } else if (item.nodeType === ELEMENT_NODE) {
      const el = item as DomElement;
      const tag = tagOf(el);
      if (SKIP_TAGS.has(tag) || skip(el, tag)) continue;
      if (tag === 'br') {
        flush();
      } else if (BLOCK_TAGS.has(tag)) {
        flush();
        stack.push(null);
        pushChildren(el);
      } else if (CELL_TAGS.has(tag)) {
        buffer += ' ';
        stack.push(' ');
        pushChildren(el);
      } else {
        pushChildren(el);
      }
    }
  }
  flush();
  return paragraphs;
}

/** Containers that hold no article text (fallback extraction only). */
const BOILERPLATE_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'dialog', 'menu']);
const BOILERPLATE_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'dialog',
  'alert',
]);
/** A class or id token that names navigation, sharing, comments and similar page furniture. */
const BOILERPLATE_TOKEN =
  /^(?!(?:has|with|no|is|show|hide|toggle)[-_])(?:.*[-_])?(?:nav|navbar|navigation|menu|breadcrumbs?|share|sharing|sharebar|social|comments?|disqus|related|recommended|newsletter|subscribe|subscription|cookies?|consent|sidebar|advert|advertisement|ads?|promo|sponsored|masthead|skip|footer|header|banner|popup|modal|paywall|tags|byline)(?:[-_].*)?$/i;

function isBoilerplate(el: DomElement, tag: string): boolean {
  if (BOILERPLATE_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role !== null && BOILERPLATE_ROLES.has(role.trim().toLowerCase())) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (!/[a-z]/i.test(names)) return false;
  for (const token of names.split(/\s+/)) {
    if (token !== '' && BOILERPLATE_TOKEN.test(token)) {
      // A wrapper around the article itself is not boilerplate, whatever its name.
      return el.querySelector('article, main, [itemprop="articleBody"]') === null;
    }
  }
  return false;
}

/** The visible block text of <article>, <main> or <body>, without page furniture. */
function fallbackParagraphs(document: DomDocument, isTitle: TitleTest): string[] {
  const roots: DomElement[] = [];
  let best: DomElement | null = null;
  let bestLength = 0;
  const articles = document.querySelectorAll('article, [itemprop="articleBody"]');
  for (let i = 0; i < articles.length; i++) {
    const article = articles[i];
    const length = article === undefined ? 0 : (article.textContent ?? '').length;
    if (article !== undefined && length > bestLength) {
      best = article;
      bestLength = length;
    }
  }
  if (best !== null) roots.push(best);
  const main = document.querySelector('main, [role="main"]');
  if (main !== null) roots.push(main);
  const body = document.querySelector('body');
  if (body !== null) roots.push(body);

  const skip = (el: DomElement, tag: string): boolean => isBoilerplate(el, tag) || isTitle(el, tag);
  for (const root of roots) {
    const paragraphs = blockParagraphs(root, skip);
    if (paragraphs.length > 0) return paragraphs;
  }
  return [];
}

/** Whether an element is the page's title repeated as a heading. */
type TitleTest = (el: DomElement, tag: string) => boolean;

function titleTest(titles: (string | null)[]): TitleTest {
  const keys = new Set(titles.filter((t): t is string => t !== null).map((t) => t.toLowerCase()));
  return (el, tag) =>
    (tag === 'h1' || tag === 'h2') &&
    keys.size > 0 &&
    keys.has(cleanText(el.textContent ?? '').toLowerCase());
}

/** Leaves out what Readability may keep but is never article text. */
const READABILITY_SKIP = new Set(['nav', 'aside', 'footer', 'form']);

/**
 * Readability's article as paragraphs, without a heading that repeats the title (Readability
 * drops those itself only for Latin-script titles).
 */
function readabilityParagraphs(content: DomElement, isTitle: TitleTest): string[] {
  return blockParagraphs(content, (el, tag) => READABILITY_SKIP.has(tag) || isTitle(el, tag));
}

// ---------------------------------------------------------------------------------------------
// Metadata

interface PageMetadata {
  /** Lower-cased meta name / property / itemprop / http-equiv → first non-empty content. */
  meta: Map<string, string>;
  jsonLd: Record<string, unknown>[];
  title: string | null;
  firstH1: string | null;
  lang: string | null;
  canonical: string | null;
  base: string | null;
  itempropPublished: string | null;
  /** `datetime` of the first <time> inside an <article>, or of a <time pubdate>. */
  timeInArticle: string | null;
  /** Text of a short rel=author / itemprop=author / class=byline element. */
  bylineElement: string | null;
  /** Visible text length (non-space characters outside scripts, styles…). */
  textLength: number;
  /** Deepest element nesting. */
  depth: number;
}

function hasToken(value: string | null, token: string): boolean {
  return value !== null && value.toLowerCase().split(/\s+/).includes(token);
}

/**
 * Reads the page's metadata and measures its text and nesting in one walk over the DOM (cheaper
 * than a query per field on big pages). Must run before Readability changes the DOM.
 */
function scanPage(root: DomElement): PageMetadata {
  const found: PageMetadata = {
    meta: new Map<string, string>(),
    jsonLd: [],
    title: null,
    firstH1: null,
    lang: root.getAttribute('lang') ?? root.getAttribute('xml:lang'),
    canonical: null,
    base: null,
    itempropPublished: null,
    timeInArticle: null,
    bylineElement: null,
    textLength: 0,
    depth: 0,
  };
  let titleSeen = false;
  let h1Seen = false;
  let bylineSeen = false;
  let timePubdate: string | null = null;
  const jsonLdTexts: string[] = [];

  const stack: [DomNode, number, boolean][] = [[root, 0, false]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [node, depth, inArticle] = item;
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      found.textLength += text.length - (text.match(/\s/g)?.length ?? 0);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as DomElement;
    const tag = tagOf(el);
    if (depth > found.depth) found.depth = depth;
    switch (tag) {
      case 'meta': {
        const content = el.getAttribute('content')?.trim();
        if (!content) break;
        for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
          const key = el.getAttribute(attr)?.trim().toLowerCase();
          if (key && !found.meta.has(key)) found.meta.set(key, content);
        }
        break;
      }
      case 'link': {
        const href = el.getAttribute('href')?.trim();
        if (found.canonical === null && href && hasToken(el.getAttribute('rel'), 'canonical')) {
          found.canonical = href;
        }
        break;
      }
      case 'base':
        found.base ??= el.getAttribute('href')?.trim() || null;
        break;
      case 'title':
        if (!titleSeen) {
          titleSeen = true;
          found.title = cleanField(el.textContent);
        }
        break;
      case 'script':
        if (/ld\+json/i.test(el.getAttribute('type') ?? '')) jsonLdTexts.push(el.textContent ?? '');
        break;
      case 'h1':
        if (!h1Seen) {
          h1Seen = true;
          found.firstH1 = cleanField(el.textContent);
        }
        break;
      case 'time': {
        const datetime = el.getAttribute('datetime');
        if (datetime !== null) {
          if (inArticle) found.timeInArticle ??= datetime;
          if (el.hasAttribute('pubdate')) timePubdate ??= datetime;
        }
        break;
      }
    }
    if (
      found.itempropPublished === null &&
      hasToken(el.getAttribute('itemprop'), 'datepublished')
    ) {
      found.itempropPublished =
        el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent;
    }
    if (
      !bylineSeen &&
      (hasToken(el.getAttribute('rel'), 'author') ||
        hasToken(el.getAttribute('itemprop'), 'author') ||
        hasToken(el.getAttribute('class'), 'byline'))
    ) {
      bylineSeen = true;
      const text = cleanField(el.textContent);
      found.bylineElement = text !== null && text.length <= 100 ? text : null;
    }
    if (SKIP_TAGS.has(tag) && tag !== 'head') continue;
    const nodes = el.childNodes;
    const childInArticle = inArticle || tag === 'article';
    for (let i = nodes.length - 1; i >= 0; i--) {
      const child = nodes[i];
      if (child !== undefined) stack.push([child, depth + 1, childInArticle]);
    }
  }
  found.timeInArticle ??= timePubdate;
  found.jsonLd = readJsonLd(jsonLdTexts);
  return found;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in the page's JSON-LD blocks (arrays and `@graph`s flattened); bad JSON is skipped. */
function readJsonLd(texts: string[]): Record<string, unknown>[] {
  const nodes: Record<string, unknown>[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4 || nodes.length >= 200) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (isRecord(value)) {
      nodes.push(value);
      if ('@graph' in value) visit(value['@graph'], depth + 1);
    }
  };
  for (const raw of texts) {
    const text = raw
      .replace(/^\s*(?:<!--|\/\*\s*<!\[CDATA\[\s*\*\/)/, '')
      .replace(/(?:-->|\/\*\s*\]\]>\s*\*\/)\s*$/, '');
    try {
      visit(JSON.parse(text) as unknown, 0);
    } catch {
      // Malformed JSON-LD is common and carries nothing we can trust.
    }
  }
  return nodes;
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|Posting)$/;

function isArticleNode(node: Record<string, unknown>): boolean {
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
}

/** A property of the first article-typed JSON-LD node that has it, else of any node. */
function jsonLdValue(nodes: Record<string, unknown>[], key: string): unknown {
  const article = nodes.find((node) => isArticleNode(node) && node[key] != null);
  return (article ?? nodes.find((node) => node[key] != null))?.[key];
}

/** A JSON-LD person/organisation (string, `{name}`, or an array of those) as text. */
function jsonLdName(value: unknown): string | null {
  if (typeof value === 'string') return cleanField(value);
  if (Array.isArray(value)) {
    const names = value.map(jsonLdName).filter((name): name is string => name !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (isRecord(value) && typeof value['name'] === 'string') return cleanField(value['name']);
  return null;
}

function jsonLdString(nodes: Record<string, unknown>[], key: string): string | null {
  const value = jsonLdValue(nodes, key);
  return typeof value === 'string' ? value : null;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** `YYYY-MM-DD` for a real calendar date, else null. */
function ymd(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The date part of a page's date string, as written (no time-zone shift): ISO 8601
 * (`2024-03-05T10:00:00+02:00`), `2024/03/05`, `20240305`, `5 March 2024`, `March 5, 2024`,
 * RFC 2822 (`Tue, 05 Mar 2024 …`). Null when it is not a valid date.
 */
function normaliseDate(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const text = raw.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})(?:$|[T\s])/.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(?:^|[\s,])(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})(?!\d)/i.exec(text);
  if (m) return ymd(Number(m[3]), MONTHS[(m[2] ?? '').toLowerCase()] ?? 0, Number(m[1]));
  m = /(?:^|[\s,])([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/i.exec(text);
  if (m) return ymd(Number(m[3]), MONTHS[(m[1] ?? '').toLowerCase()] ?? 0, Number(m[2]));
  return null;
}

const PUBLISHED_META = [
  'article:published_time',
  'og:published_time',
  'article:published',
  'pubdate',
  'publishdate',
  'publish-date',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.issued',
  'datepublished',
];

function publishedDate(metadata: PageMetadata, readabilityTime: string | null): string | null {
  const candidates = [
    ...PUBLISHED_META.map((key) => metadata.meta.get(key)),
    metadata.itempropPublished,
    jsonLdString(metadata.jsonLd, 'datePublished'),
    metadata.timeInArticle,
    readabilityTime,
  ];
  for (const candidate of candidates) {
    const date = normaliseDate(candidate);
    if (date !== null) return date;
  }
  return null;
}

function primaryLanguage(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const subtag =
    raw
      .trim()
      .split(/[-_,;\s]/)[0]
      ?.toLowerCase() ?? '';
  return /^[a-z]{2,3}$/.test(subtag) ? subtag : null;
}

function absoluteUrl(href: string | null, base: string | null, pageUrl?: string): string | null {
  if (href === null || href === '') return null;
  try {
    const root = pageUrl ?? undefined;
    let effectiveBase = root;
    if (base !== null) {
      try {
        effectiveBase = new URL(base, root).href;
      } catch {
        // an unusable <base> is ignored
      }
    }
    if (effectiveBase === undefined) return href;
    return new URL(href, effectiveBase).href;
  } catch {
    return null;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Drops " | Site name" (or "Site name | ") from a title when it repeats the site name. */
function stripSiteName(title: string, siteName: string | null): string {
  if (siteName === null) return title;
  const site = escapeRegExp(siteName);
  const stripped = title
    .replace(new RegExp(`\\s+[|\\-–—:·•»]\\s+${site}$`, 'i'), '')
    .replace(new RegExp(`^${site}\\s+[|\\-–—:·•»]\\s+`, 'i'), '');
  return stripped.trim() === '' ? title : stripped.trim();
}

/**
 * "Border reopens | Example News" with an `<h1>` "Border reopens": the part of a separated
 * title that is the page's own heading is the article's title, whatever the site calls itself.
 */
function headingPart(title: string, heading: string | null): string {
  if (heading === null) return title;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const parts = title.split(/\s+[|\-–—:·•»]\s+/);
  if (parts.length < 2) return title;
  const match = parts.find((part) => norm(part) === norm(heading));
  return match === undefined ? title : match.trim();
}

function cleanByline(raw: string | null | undefined): string | null {
  const text = cleanField(raw);
  if (text === null || /^https?:\/\//i.test(text)) return null;
  return cleanField(text.replace(/^by[:\s]\s*/i, ''));
}

// ---------------------------------------------------------------------------------------------

interface ReadabilityResult {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  content: DomElement | null;
}

function runReadability(document: DomDocument): ReadabilityResult | null {
  const reader = new Readability<DomNode>(document as unknown as ReadabilityDocument, {
    serializer: (node) => node as unknown as DomNode,
  });
  let article: ReturnType<typeof reader.parse>;
  try {
    article = reader.parse();
  } catch {
    return null; // Readability can trip over odd markup; the fallback still reads the page
  }
  if (article === null) return null;
  const content = article.content;
  return {
    title: cleanField(article.title),
    byline: article.byline ?? null,
    siteName: cleanField(article.siteName),
    publishedTime: article.publishedTime ?? null,
    lang: article.lang ?? null,
    content: content != null && content.nodeType === ELEMENT_NODE ? (content as DomElement) : null,
  };
}

/**
 * Reads an HTML page. `options.url` (the page's address) makes the canonical URL absolute.
 * Lenient with malformed markup; throws NG_HTML_NO_CONTENT only when no article text is found.
 */
export function readHtmlArticle(html: string, options: { url?: string } = {}): HtmlArticle {
  const noContent = (): NewsgraphError =>
    new NewsgraphError('NG_HTML_NO_CONTENT', 'No article text could be extracted from the page.');
  if (!/\S/.test(html)) throw noContent();

  let document = parseDocument(html);
  const root = document?.documentElement;
  if (document === null || root == null) throw noContent();
  const metadata = scanPage(root);

  // Readability cannot reach its threshold on a page with less text than that (it would then
  // retry with looser rules, re-parsing the page each time): read such pages directly.
  const useReadability =
    metadata.textLength >= CHAR_THRESHOLD && metadata.depth <= MAX_READABILITY_DEPTH;
  const readability = useReadability ? runReadability(document) : null;

  const siteName =
    cleanField(metadata.meta.get('og:site_name')) ??
    jsonLdName(jsonLdValue(metadata.jsonLd, 'publisher')) ??
    readability?.siteName ??
    cleanField(metadata.meta.get('application-name'));

  const rawTitle =
    readability?.title ??
    cleanField(metadata.meta.get('og:title')) ??
    cleanField(jsonLdString(metadata.jsonLd, 'headline')) ??
    metadata.title ??
    metadata.firstH1;
  const title =
    rawTitle === null ? null : headingPart(stripSiteName(rawTitle, siteName), metadata.firstH1);

  const isTitle = titleTest([title, rawTitle]);
  let paragraphs =
    readability?.content == null ? [] : readabilityParagraphs(readability.content, isTitle);
  if (paragraphs.reduce((sum, p) => sum + p.length, 0) < CHAR_THRESHOLD) {
    if (useReadability) document = parseDocument(html); // Readability changed the DOM
    const fallback = document === null ? [] : fallbackParagraphs(document, isTitle);
    if (fallback.length > 0) paragraphs = fallback;
  }
  if (paragraphs.length === 0) throw noContent();

  const byline =
    cleanByline(readability?.byline) ??
    cleanByline(metadata.meta.get('author')) ??
    cleanByline(metadata.meta.get('article:author')) ??
    cleanByline(jsonLdName(jsonLdValue(metadata.jsonLd, 'author'))) ??
    cleanByline(metadata.bylineElement);

  return {
    title,
    byline,
    published: publishedDate(metadata, readability?.publishedTime ?? null),
    language:
      primaryLanguage(metadata.lang) ??
      primaryLanguage(metadata.meta.get('content-language')) ??
      primaryLanguage(metadata.meta.get('language')) ??
      primaryLanguage(jsonLdString(metadata.jsonLd, 'inLanguage')) ??
      primaryLanguage(metadata.meta.get('og:locale')) ??
      primaryLanguage(readability?.lang),
    canonicalUrl: absoluteUrl(
      metadata.canonical ?? metadata.meta.get('og:url') ?? null,
      metadata.base,
      options.url,
    ),
    siteName,
    paragraphs,
  };
}
