/**
 * The Goldstein conflict–cooperation scale per CAMEO event code (data/events/goldstein.json):
 * Goldstein (1992) as extended to CAMEO and published by GDELT, whose GoldsteinScale column
 * carries it. Checked on load against the CAMEO table the event rules use
 * (data/events/cameo.json): every code there must have a value in [-10, 10], so an export
 * never has to leave GoldsteinScale empty for an event we coded.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NewsgraphError } from '../core/errors.js';

export const GOLDSTEIN_FILE = resolve(import.meta.dirname, '../../data/events/goldstein.json');
/** The CAMEO table of the event rules (the same file as src/stages/events/rules.ts reads). */
const CAMEO_FILE = resolve(import.meta.dirname, '../../data/events/cameo.json');

export type GoldsteinScale = ReadonlyMap<string, number>;

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new NewsgraphError('NG_KB_INVALID', 'cannot read the file', { file });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new NewsgraphError('NG_KB_INVALID', `not JSON: ${(error as Error).message}`, { file });
  }
}

/**
 * Reads and checks a Goldstein table: `{"source": "…", "scale": {"125": -5, …}}`. Every key
 * must be a CAMEO code (2 to 4 digits) with a finite value in [-10, 10], and every code of
 * the CAMEO table must be covered. Errors are NG_KB_INVALID naming the file and the code.
 */
export function loadGoldstein(file = GOLDSTEIN_FILE, cameoFile = CAMEO_FILE): GoldsteinScale {
  const data = readJson(file) as { source?: unknown; scale?: unknown };
  if (typeof data !== 'object' || data === null || typeof data.source !== 'string') {
    throw new NewsgraphError('NG_KB_INVALID', 'expected {"source": "…", "scale": {…}}', { file });
  }
  const scale = data.scale;
  if (typeof scale !== 'object' || scale === null || Array.isArray(scale)) {
    throw new NewsgraphError('NG_KB_INVALID', '"scale" must map CAMEO codes to numbers', { file });
  }
  const values = new Map<string, number>();
  for (const [code, value] of Object.entries(scale as Record<string, unknown>)) {
    if (!/^\d{2,4}$/.test(code)) {
      throw new NewsgraphError('NG_KB_INVALID', `"${code}" is not a CAMEO event code`, { file });
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < -10 || value > 10) {
      throw new NewsgraphError(
        'NG_KB_INVALID',
        `code ${code}: Goldstein value must be a number in [-10, 10], got ${JSON.stringify(value)}`,
        { file },
      );
    }
    values.set(code, value);
  }
  const cameo = readJson(cameoFile) as { codes?: { code?: unknown }[] };
  const missing = (cameo.codes ?? [])
    .map((c) => c.code)
    .filter((code): code is string => typeof code === 'string' && !values.has(code));
  if (missing.length > 0) {
    throw new NewsgraphError(
      'NG_KB_INVALID',
      `no Goldstein value for CAMEO code(s) ${[...new Set(missing)].join(', ')} of ${cameoFile}`,
      { file },
    );
  }
  return values;
}

let cached: GoldsteinScale | undefined;

/** The built-in table, read once. */
export function goldsteinScale(): GoldsteinScale {
  cached ??= loadGoldstein();
  return cached;
}
