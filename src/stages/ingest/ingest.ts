/**
 * Ingest: one ArticleInput (already decoded to a string) → a Document with clean text,
 * metadata and the offset map back to the raw input.
 *
 * What "raw input" means for the offset map:
 * - txt: the decoded file;
 * - jsonl: `title + "\n\n" + text` when the line has a title, else `text`;
 * - html: the decoded page source (paragraph-level: see `mapParagraphs`).
 */
import { hash } from 'node:crypto';
import type { Document, DocumentMetadata, LayerName } from '../../core/document.js';
import { NewsgraphError, type Warning } from '../../core/errors.js';
import { OffsetMapBuilder } from '../../core/offsets.js';
import { readHtmlArticle } from './html.js';
import type { ArticleInput } from './input.js';
import { datelineDate } from './boilerplate.js';
import { layoutArticle } from './layout.js';
import { cleanMarkup, normaliseSpacing } from './markup.js';
import { MappedText } from './mapped-text.js';

/** Default maximum size of one document's decoded text, in characters (about 5 MB). */
export const DEFAULT_MAX_CHARS = 5_000_000;

/** The layers a Document has when ingest hands it to the pipeline. */
export const INGEST_LAYERS = ['paragraphs'] as const satisfies readonly LayerName[];

export interface IngestOptions {
  /** The `--date` fallback, YYYY-MM-DD. */
  fallbackDate?: string | null;
  maxChars?: number;
}

/**
 * First 16 hex digits of the SHA-256 of the NFC-normalised decoded input (node's one-shot
 * `hash`: a third less time than a Hash object for a document).
 */
export function contentHash(raw: string): string {
  return hash('sha256', raw.normalize('NFC'), 'hex').slice(0, 16);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/** `YYYY-MM-DD` of a valid calendar date at the start of `value`, else undefined. */
export function isoDate(value: string): string | undefined {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const iso = date.toISOString().slice(0, 10);
  return iso === `${y}-${mo}-${d}` ? iso : undefined;
}

// Control characters other than tab, line feed, form feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/** Refuses text that is binary data carried in a string (a JSONL field, standard input). */
export function assertTextual(text: string, what: string): void {
  const sample = text.length > 8192 ? text.slice(0, 8192) : text;
  const controls = sample.match(CONTROL)?.length ?? 0;
  if (sample.includes('\u0000') || controls > Math.max(2, sample.length * 0.01)) {
    throw new NewsgraphError('NG_INPUT_BINARY', `${what} holds binary data, not text`);
  }
}

function checkSize(raw: string, maxChars: number): void {
  if (raw.length > maxChars) {
    throw new NewsgraphError(
      'NG_INPUT_TOO_LARGE',
      `document has ${raw.length} characters; the limit is ${maxChars} (set it with --max-bytes)`,
    );
  }
}

interface Cleaned {
  raw: string;
  title: string | null;
  text: MappedText;
  paragraphs: Document['paragraphs'];
  metadata: DocumentMetadata;
  published?: string | null;
}

function cleanPlainText(input: ArticleInput): Cleaned {
  const raw = input.text ?? '';
  const laid = layoutArticle(cleanMarkup(MappedText.raw(raw)), { title: 'detect' });
  return { raw, ...laid };
}

function cleanJsonRecord(input: ArticleInput): Cleaned {
  const body = input.text ?? '';
  const title = input.title?.trim() ? input.title : null;
  const raw = title === null ? body : `${title}\n\n${body}`;
  const whole = MappedText.raw(raw);
  const titlePart = title === null ? null : cleanMarkup(whole.slice(0, title.length));
  const bodyPart = cleanMarkup(title === null ? whole : whole.slice(title.length + 2, raw.length));
  const laid = layoutArticle(bodyPart, { title: titlePart });
  return { raw, ...laid };
}

/**
 * Readability gives paragraphs, not positions. Each paragraph is found in the page source
 * (from where the last one was found) and mapped to it: verbatim when the source has it
 * verbatim, else as one replaced piece from its first to its last words; a paragraph that
 * cannot be found maps to where the search stood.
 */
function mapParagraphs(html: string, paragraphs: readonly string[]): MappedText {
  const map = new OffsetMapBuilder();
  const parts: string[] = [];
  let cursor = 0;
  paragraphs.forEach((paragraph, k) => {
    if (k > 0) {
      parts.push('\n');
      map.replaced(1, cursor, 0);
    }
    const exact = html.indexOf(paragraph, cursor);
    if (exact !== -1) {
      map.copied(paragraph.length, exact);
      cursor = exact + paragraph.length;
    } else {
      const head = html.indexOf(paragraph.slice(0, 24), cursor);
      const start = head === -1 ? cursor : head;
      const tail = html.indexOf(paragraph.slice(-24), start);
      const end = tail === -1 ? start : tail + Math.min(24, paragraph.length);
      map.replaced(paragraph.length, start, Math.max(0, end - start));
      cursor = Math.max(cursor, end);
    }
    parts.push(paragraph);
  });
  return new MappedText(parts.join(''), map.build());
}

function cleanHtmlPage(input: ArticleInput): Cleaned {
  const raw = input.html ?? '';
  const page = readHtmlArticle(raw, input.url === undefined ? {} : { url: input.url });
  const body = normaliseSpacing(mapParagraphs(raw, page.paragraphs));
  // Paragraph breaks from Readability are single line breaks: make them blank lines.
  const blank = body.replace(/\n/g, () => '\n\n');
  const givenTitle = input.title ?? page.title;
  const title = givenTitle ? normaliseSpacing(MappedText.raw(givenTitle)) : null;
  // A title found in the page maps to where it stands in the source, when it is there verbatim.
  const titleAt = givenTitle ? raw.indexOf(givenTitle) : -1;
  const titleMapped =
    title && titleAt >= 0 && title.text === givenTitle
      ? new MappedText(title.text, shifted(title.text.length, titleAt))
      : title;
  const laid = layoutArticle(blank, { title: titleMapped });
  const metadata: DocumentMetadata = { ...laid.metadata };
  if (page.byline) metadata.byline ??= page.byline;
  if (page.canonicalUrl ?? input.url) metadata.url = page.canonicalUrl ?? input.url;
  if (page.language) metadata.declaredLanguage = page.language;
  if (page.siteName) metadata.siteName = page.siteName;
  return { raw, ...laid, metadata, published: page.published };
}

function shifted(length: number, raw: number) {
  const map = new OffsetMapBuilder();
  map.copied(length, raw);
  return map.build();
}

export function ingestArticle(input: ArticleInput, options: IngestOptions = {}): Document {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const warnings: Warning[] = [...(input.warnings ?? [])];
  const source = input.format === 'html' ? (input.html ?? '') : (input.text ?? '');
  checkSize(source, maxChars);
  if (source.trim() === '' && !(input.title ?? '').trim()) {
    throw new NewsgraphError('NG_INPUT_EMPTY', 'the document holds no text');
  }
  assertTextual(source, input.format === 'html' ? 'the page' : 'the text');

  const cleaned =
    input.format === 'html'
      ? cleanHtmlPage(input)
      : input.format === 'jsonl'
        ? cleanJsonRecord(input)
        : cleanPlainText(input);
  if (cleaned.text.text.trim() === '') {
    throw new NewsgraphError('NG_INPUT_EMPTY', 'no article text is left after cleaning');
  }

  let published: string | null = null;
  const fromDateline = cleaned.metadata.dateline
    ? datelineDate(cleaned.metadata.dateline)
    : undefined;
  const carried = input.date ?? cleaned.published ?? fromDateline ?? null;
  if (carried) {
    published = isoDate(carried) ?? null;
    if (published === null) {
      warnings.push({
        code: 'NG_WARN_DATE_IGNORED',
        message: `the input's date "${carried.slice(0, 40)}" is not a valid date; using the fallback`,
      });
    }
  }
  published ??= options.fallbackDate ?? null;

  const metadata: DocumentMetadata = { ...cleaned.metadata, format: input.format };
  if (input.url && metadata.url === undefined) metadata.url = input.url;
  if (input.encoding) metadata.encoding = input.encoding;
  const hash = contentHash(cleaned.raw);
  return {
    id: input.id ?? hash,
    contentHash: hash,
    title: cleaned.title,
    published,
    text: cleaned.text.text,
    metadata,
    offsetMap: cleaned.text.map,
    paragraphs: cleaned.paragraphs,
    warnings,
    origin: input.origin,
  };
}
