/**
 * Golden cases: `test/golden/<case>/` holds one `input.*` file, an optional `options.json`
 * (`{"date": "YYYY-MM-DD"}`) and `expected.json`, the full output of `newsgraph extract` for
 * it. A change in output is a reviewed diff of expected.json (`npm run golden -- --update`).
 *
 * Shared cases (inputs in ../shared, which the project must not copy) keep their expected
 * output under `test/golden-shared/<case>/` with `document.text` replaced by its SHA-256.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createExtractor } from '../../src/extract.js';
import type { ExtractionResult } from '../../src/output/result.js';
import { readSources } from '../../src/stages/ingest/sources.js';

export const GOLDEN_DIR = resolve(import.meta.dirname);
export const SHARED_GOLDEN_DIR = resolve(import.meta.dirname, '../golden-shared');
export const SHARED_DIR = resolve(import.meta.dirname, '../../../shared');

export interface GoldenCase {
  name: string;
  dir: string;
  input: string;
  date: string | null;
  /** Shared cases store a hash of document.text instead of the text. */
  shared: boolean;
}

interface CaseOptions {
  date?: string;
  /** Shared cases: the input path relative to ../shared; others: relative to the case. */
  input?: string;
}

function readOptions(dir: string): CaseOptions {
  const file = join(dir, 'options.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CaseOptions) : {};
}

export function listCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const name of readdirSync(GOLDEN_DIR).sort()) {
    const dir = join(GOLDEN_DIR, name);
    if (!statSync(dir).isDirectory()) continue;
    // The input is the case's own `input.*`, or a file of the project that `options.json`
    // names (a demo article in examples/, pinned without a copy).
    const options = readOptions(dir);
    const own = readdirSync(dir).find((f) => f.startsWith('input.'));
    const input = own ? join(dir, own) : options.input ? resolve(dir, options.input) : undefined;
    if (!input) continue;
    cases.push({ name, dir, input, date: options.date ?? null, shared: false });
  }
  if (existsSync(SHARED_GOLDEN_DIR)) {
    for (const name of readdirSync(SHARED_GOLDEN_DIR).sort()) {
      const dir = join(SHARED_GOLDEN_DIR, name);
      const options = readOptions(dir);
      if (!options.input) continue;
      cases.push({
        name,
        dir,
        input: join(SHARED_DIR, options.input),
        date: options.date ?? null,
        shared: true,
      });
    }
  }
  return cases;
}

/** Replaces the text by its hash, so no shared text is stored in the project. */
export function withoutText(result: ExtractionResult): unknown {
  const { text, ...document } = result.document;
  return {
    ...result,
    document: { ...document, textSha256: createHash('sha256').update(text).digest('hex') },
  };
}

/** The output for a case, as the CLI would print it (one object, or an array for several). */
export async function goldenOutput(c: GoldenCase): Promise<unknown> {
  const extractor = createExtractor({ fallbackDate: c.date });
  await extractor.init();
  const results: unknown[] = [];
  const options = { cwd: c.dir, readStdin: async () => Buffer.alloc(0) };
  for await (const item of readSources([c.input], options)) {
    if (!item.ok) {
      results.push({ error: { code: item.error.code, message: item.error.message } });
      continue;
    }
    const result = extractor.extract({
      ...item.input,
      origin: { ...item.input.origin, file: 'input' },
    });
    results.push(c.shared ? withoutText(result) : result);
  }
  return results.length === 1 ? results[0] : results;
}

export function expectedPath(c: GoldenCase): string {
  return join(c.dir, 'expected.json');
}
