/**
 * Lays cleaned text out as the contract's clean text: the title line, a blank line, then the
 * body paragraphs separated by blank lines. Page leftovers found on the way (boilerplate.ts)
 * go to metadata and out of the text.
 */
import type { DocumentMetadata } from '../../core/document.js';
import type { Span } from '../../core/offsets.js';
import { classifyLine, type LineClass } from './boilerplate.js';
import { MappedText, MappedTextBuilder } from './mapped-text.js';

export interface LaidOutArticle {
  title: string | null;
  text: MappedText;
  /** Paragraph spans in `text`; the title, when there is one, is the first. */
  paragraphs: Span[];
  metadata: DocumentMetadata;
}

export interface LayoutOptions {
  /**
   * `detect`: the first line that is not page furniture is the title (plain-text pages).
   * A MappedText (maybe empty): the title given apart (JSONL, HTML); null: no title.
   */
  title: 'detect' | MappedText | null;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

/** Lines after the title that may still be page furniture (views, byline, dateline). */
const HEADER_LINES_AFTER_TITLE = 3;
const TERMINAL = /[.!?…:;"”»“'’)\]]$/;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

function recordLeftover(metadata: DocumentMetadata, found: LineClass): void {
  switch (found.kind) {
    case 'navigation':
      (metadata.boilerplate ??= []).push(String(found.value));
      break;
    case 'views':
      metadata.views ??= Number(found.value);
      break;
    case 'photoCredit':
      if (metadata.photoCredit === undefined) metadata.photoCredit = String(found.value);
      else (metadata.otherPhotoCredits ??= []).push(String(found.value));
      break;
    case 'byline':
      metadata.byline ??= String(found.value);
      break;
    case 'dateline':
      metadata.dateline ??= String(found.value);
      break;
  }
}

export function layoutArticle(body: MappedText, options: LayoutOptions): LaidOutArticle {
  const metadata: DocumentMetadata = {};
  const lines = splitLines(body.text);
  const hasBlankLines = lines.some((l, i) => l.text === '' && i > 0 && i < lines.length - 1);

  let titleLine: Line | undefined;
  let i = 0;
  if (options.title === 'detect') {
    for (; i < lines.length; i++) {
      const line = lines[i];
      if (!line || line.text === '') continue;
      const found = classifyLine(line.text, true);
      if (!found) {
        titleLine = line;
        i++;
        break;
      }
      recordLeftover(metadata, found);
    }
  }

  // Group the remaining lines into paragraphs of line ranges.
  const paragraphs: Line[][] = [];
  let current: Line[] = [];
  let contentLinesSeen = 0;
  const flush = () => {
    if (current.length) paragraphs.push(current);
    current = [];
  };
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (line.text === '') {
      flush();
      continue;
    }
    const found = classifyLine(line.text, contentLinesSeen < HEADER_LINES_AFTER_TITLE);
    if (found) {
      recordLeftover(metadata, found);
      flush();
      continue;
    }
    contentLinesSeen++;
    const previous = current[current.length - 1];
    // A hard-wrapped line continues the paragraph; so does any single line break in text
    // that separates its paragraphs by blank lines.
    const wrapped =
      previous !== undefined && !TERMINAL.test(previous.text) && /^[\p{Ll}(,]/u.test(line.text);
    if (previous && !hasBlankLines && !wrapped) flush();
    current.push(line);
  }
  flush();

  const out = new MappedTextBuilder();
  const spans: Span[] = [];
  let title: string | null = null;
  const titleText =
    options.title === 'detect'
      ? titleLine && body.slice(titleLine.start, titleLine.end)
      : (options.title ?? undefined);
  if (titleText && titleText.text.trim() !== '') {
    // A title given apart may hold line breaks: the title line is one line.
    const flat = titleText.text.includes('\n')
      ? titleText.replace(/\s*\n\s*/g, () => ' ')
      : titleText;
    const t = flat.text;
    out.append(flat, t.length - t.trimStart().length, t.trimEnd().length);
    title = t.trim();
    spans.push({ start: 0, end: out.length });
  }
  for (const paragraph of paragraphs) {
    if (out.length > 0)
      out.insert('\n\n', body, paragraph[0]?.start ?? 0, paragraph[0]?.start ?? 0);
    const start = out.length;
    paragraph.forEach((line, k) => {
      if (k > 0) out.insert(' ', body, line.start - 1, line.start);
      out.append(body, line.start, line.end);
    });
    spans.push({ start, end: out.length });
  }
  return { title, text: out.build(), paragraphs: spans, metadata };
}
