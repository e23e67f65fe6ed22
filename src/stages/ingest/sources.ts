/**
 * Sources: command-line inputs (files, directories, standard input, JSONL batches) turned into
 * ArticleInputs, in input order. A bad file or JSONL line becomes an error item carrying its
 * file and line; the items after it are still read.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { NewsgraphError, asNewsgraphError } from '../../core/errors.js';
import type { InputFormat } from '../../core/document.js';
import { DEFAULT_MAX_BYTES, decodeBytes } from './decode.js';
import type { ArticleInput } from './input.js';

export type SourceItem = { ok: true; input: ArticleInput } | { ok: false; error: NewsgraphError };

export interface SourceOptions {
  /** Maximum size of one document in bytes (a JSONL file may hold many of them). */
  maxBytes?: number;
  /** A charset the user declares for every file (`--encoding`). */
  encoding?: string;
  cwd: string;
  readStdin(): Promise<Buffer>;
}

const EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** Input kind from the file name, else from the first bytes. */
export function sniffFormat(name: string, bytes: Uint8Array): InputFormat {
  const byName = EXTENSIONS[extname(name).toLowerCase()];
  if (byName) return byName;
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const start = head.trimStart();
  if (/^</.test(start) && /<(?:!doctype|html|head|body|p|div|article)\b/i.test(head)) return 'html';
  if (start.startsWith('{')) {
    const firstLine = start.split('\n', 1)[0] ?? '';
    try {
      if (typeof JSON.parse(firstLine) === 'object') return 'jsonl';
    } catch {
      // Not JSON: plain text that starts with a brace.
    }
  }
  return 'txt';
}

/** Every readable input file under a directory, sorted, recursively; hidden files skipped. */
async function listDirectory(dir: string): Promise<{ files: string[]; skipped: string[] }> {
  const files: string[] = [];
  const skipped: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = await listDirectory(path);
      files.push(...inner.files);
      skipped.push(...inner.skipped);
    } else if (entry.isFile()) {
      if (EXTENSIONS[extname(entry.name).toLowerCase()]) files.push(path);
      else skipped.push(path);
    }
  }
  return { files, skipped };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function jsonlString(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && key === 'id') return String(value);
  if (typeof value !== 'string') {
    throw new NewsgraphError('NG_JSONL_RECORD', `field "${key}" must be a string`);
  }
  return value;
}

/** One JSONL line → an ArticleInput (throws NG_JSONL_PARSE / NG_JSONL_RECORD). */
export function parseJsonlRecord(
  line: string,
  origin: { file: string; line: number },
): ArticleInput {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    throw new NewsgraphError('NG_JSONL_PARSE', `not valid JSON: ${(error as Error).message}`);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new NewsgraphError('NG_JSONL_RECORD', 'a line must be one JSON object');
  }
  const fields = record as Record<string, unknown>;
  const text = jsonlString(fields, 'text');
  const html = jsonlString(fields, 'html');
  if (text === undefined && html === undefined) {
    throw new NewsgraphError('NG_JSONL_RECORD', 'the record has neither "text" nor "html"');
  }
  const input: ArticleInput = {
    format: html !== undefined && text === undefined ? 'html' : 'jsonl',
    origin,
  };
  const id = jsonlString(fields, 'id');
  if (id !== undefined) input.id = id;
  const title = jsonlString(fields, 'title');
  if (title !== undefined) input.title = title;
  if (text !== undefined) input.text = text;
  if (html !== undefined) input.html = html;
  const date = jsonlString(fields, 'date');
  if (date !== undefined) input.date = date;
  const url = jsonlString(fields, 'url');
  if (url !== undefined) input.url = url;
  return input;
}

function* jsonlItems(bytes: Uint8Array, file: string, maxBytes: number): Generator<SourceItem> {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let lineNo = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    lineNo++;
    const origin = { file, line: lineNo };
    const raw = bytes.subarray(start, end);
    start = end + 1;
    try {
      if (raw.length > maxBytes) {
        throw new NewsgraphError(
          'NG_INPUT_TOO_LARGE',
          `line has ${raw.length} bytes; the limit is ${maxBytes} (set it with --max-bytes)`,
        );
      }
      let line: string;
      try {
        line = utf8.decode(raw);
      } catch {
        throw new NewsgraphError(
          'NG_INPUT_ENCODING',
          'the line is not valid UTF-8 (JSONL is UTF-8)',
        );
      }
      if (line.trim() === '') continue;
      yield { ok: true, input: parseJsonlRecord(line, origin) };
    } catch (error) {
      yield { ok: false, error: asNewsgraphError(error, origin) };
    }
  }
}

function fileItem(
  bytes: Uint8Array,
  file: string,
  format: InputFormat,
  options: SourceOptions,
): SourceItem {
  try {
    const declared = options.encoding === undefined ? {} : { declaredCharset: options.encoding };
    const decoded = decodeBytes(bytes, {
      ...declared,
      html: format === 'html',
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    });
    const input: ArticleInput = {
      format,
      origin: { file },
      encoding: decoded.encoding,
      warnings: decoded.warnings,
    };
    if (format === 'html') input.html = decoded.text;
    else input.text = decoded.text;
    return { ok: true, input };
  } catch (error) {
    return { ok: false, error: asNewsgraphError(error, { file }) };
  }
}

async function* bytesItems(
  bytes: Uint8Array,
  file: string,
  format: InputFormat,
  options: SourceOptions,
): AsyncGenerator<SourceItem> {
  if (format === 'jsonl') yield* jsonlItems(bytes, file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  else yield fileItem(bytes, file, format, options);
}

/**
 * Checks that every path exists before anything is read: a missing input is a usage error
 * (exit 2), not a document failure.
 */
export async function checkPaths(paths: readonly string[], cwd: string): Promise<void> {
  for (const path of paths) {
    if (path === '-') continue;
    try {
      await stat(resolve(cwd, path));
    } catch {
      throw new NewsgraphError('NG_INPUT_NOT_FOUND', `no such file or directory: ${path}`, {
        file: path,
      });
    }
  }
}

/** Reads the inputs in order. Directories yield their files; `-` (or nothing) standard input. */
export async function* readSources(
  paths: readonly string[],
  options: SourceOptions,
  onSkipped: (path: string) => void = () => undefined,
): AsyncGenerator<SourceItem> {
  const list = paths.length === 0 ? ['-'] : paths;
  for (const path of list) {
    if (path === '-') {
      const bytes = await options.readStdin();
      yield* bytesItems(bytes, '-', sniffFormat('', bytes), options);
      continue;
    }
    const full = resolve(options.cwd, path);
    let files: string[];
    try {
      const info = await stat(full);
      if (info.isDirectory()) {
        const listing = await listDirectory(full);
        listing.skipped.forEach(onSkipped);
        files = listing.files;
      } else files = [full];
    } catch (error) {
      yield { ok: false, error: notFound(error, path) };
      continue;
    }
    for (const file of files) {
      const shown = file === full ? path : join(path, file.slice(full.length + 1));
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        yield { ok: false, error: notFound(error, shown) };
        continue;
      }
      yield* bytesItems(bytes, shown, sniffFormat(file, bytes), options);
    }
  }
}

function notFound(error: unknown, path: string): NewsgraphError {
  const reason = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
  return new NewsgraphError('NG_INPUT_NOT_FOUND', `cannot read ${path}${reason}`, { file: path });
}
