/** What both benchmarks share: reading the corpus file and summarising timings. */
import { readFileSync } from 'node:fs';
import { NewsgraphError } from '../core/errors.js';

/** The corpus file's text; a missing file names where the shared corpus lives. */
export function readCorpus(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new NewsgraphError(
      'NG_INPUT_NOT_FOUND',
      `corpus not found: ${path} (the shared corpus lives in ../shared/corpus; pass --corpus FILE)`,
    );
  }
}

/**
 * The p-th percentile (0–100), interpolating linearly between the closest ranks: p = 50 is
 * the median (the mean of the middle two for an even count).
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] ?? 0;
  return a + ((sorted[high] ?? a) - a) * (rank - low);
}
