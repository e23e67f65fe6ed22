/**
 * `newsgraph bench [--corpus FILE] [--limit N] [--runs K] [--chunk N] [--json]`, and
 * `newsgraph bench store …` (src/bench/store-bench.ts).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { NewsgraphError } from '../core/errors.js';
import { CHUNK, formatBench, runBench } from '../bench/bench.js';
import { runStoreBenchCommand } from '../bench/store-bench.js';
import { integerOption, parseCommandArgs } from './args.js';
import type { CliIO } from './io.js';

const DEFAULT_CORPUS = '../shared/corpus/wikinews-politics.jsonl';

export const HELP = `Usage: newsgraph bench [options]

Runs the whole pipeline over a corpus and, in the same process on the same texts, the
baseline (wink-nlp readDoc + every token's POS and lemma). Reports docs/s, sentences/s,
tokens/s, peak RSS, ratioToBaseline and time per stage. The median of K runs after a warm-up;
within a run the baseline and pipeline passes alternate chunk by chunk, so that the machine's
slow spells slow them alike.

Options:
  --corpus FILE   JSONL corpus (default ${DEFAULT_CORPUS})
  --limit N       first N documents only
  --runs K        measured runs (default 5)
  --chunk N       documents per chunk of a run (default ${CHUNK})
  --json          one JSON object
  -h, --help      this help

'newsgraph bench store --help': ingest rate, size and query latency of the SQLite store.
`;

export async function run(args: string[], io: CliIO): Promise<number> {
  if (args[0] === 'store') return runStoreBenchCommand(args.slice(1), io);
  const { values } = parseCommandArgs(args, {
    corpus: { type: 'string' },
    limit: { type: 'string' },
    runs: { type: 'string' },
    chunk: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const corpusPath = resolve(io.cwd, values.corpus ?? DEFAULT_CORPUS);
  if (!existsSync(corpusPath)) {
    throw new NewsgraphError(
      'NG_INPUT_NOT_FOUND',
      `corpus not found: ${corpusPath}` +
        (values.corpus ? '' : ' (the shared corpus is absent here; pass --corpus FILE)'),
    );
  }
  const limit = integerOption(values.limit, '--limit');
  const runs = integerOption(values.runs, '--runs');
  const chunk = integerOption(values.chunk, '--chunk');
  const report = await runBench({
    corpusPath,
    ...(limit === undefined ? {} : { limit }),
    ...(runs === undefined ? {} : { runs }),
    ...(chunk === undefined ? {} : { chunk }),
  });
  io.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatBench(report));
  return 0;
}
