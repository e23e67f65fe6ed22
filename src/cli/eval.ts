/**
 * `newsgraph eval GOLD.json… [--json] [--misses] [--corpus FILE]`
 * `newsgraph eval --plover FILE.jsonl [--json] [--misses]`
 *
 * Scores extraction with exactly the matching rules of the shared eval README (src/eval/).
 */
import { resolve } from 'node:path';
import { NewsgraphError } from '../core/errors.js';
import {
  evalArticles,
  evalPlover,
  formatArticleReport,
  formatPloverReport,
  type Extract,
} from '../eval/run.js';
import { createExtractor } from '../extract.js';
import { parseCommandArgs } from './args.js';
import type { CliIO } from './io.js';

export const HELP = `Usage: newsgraph eval GOLD.json... [options]
       newsgraph eval --plover FILE.jsonl [options]

Scores extraction against gold files. An article gold file (format of
../shared/samples/*.gold.json) names its input by "file" (beside it) or by a corpus "id"
(read from ../shared/corpus/wikinews-politics.jsonl, or --corpus). PLOVER sentence records
are scored for type recall, type+source recall and type precision.

Options:
  --plover FILE     score PLOVER sentence records (JSONL)
  --corpus FILE     the corpus JSONL for gold files that name an id
  --misses          list missed and unmatched items
  --json            print the report as one JSON object
  -h, --help        this help
`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    plover: { type: 'string' },
    corpus: { type: 'string' },
    misses: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (!values.plover && positionals.length === 0) {
    throw new NewsgraphError('NG_USAGE', 'give gold files, or --plover FILE; see --help');
  }
  const extractor = createExtractor();
  await extractor.init();
  // Gold files carry their own publication dates; each input passes its own.
  const extract: Extract = async (input) => extractor.extract(input);
  const misses = values.misses ?? false;
  if (values.plover) {
    const ploverPath = io.cwd === process.cwd() ? values.plover : resolve(io.cwd, values.plover);
    const report = await evalPlover(ploverPath, extract);
    io.stdout.write(
      values.json ? `${JSON.stringify(report)}\n` : formatPloverReport(report, { misses }),
    );
  }
  if (positionals.length) {
    const options = values.corpus
      ? { corpusPath: resolve(io.cwd, values.corpus) }
      : { sharedDir: resolve(io.cwd, '../shared') };
    const report = await evalArticles(
      // Paths stay as given (for the report) when they are relative to the process's own cwd.
      positionals.map((p) => (io.cwd === process.cwd() ? p : resolve(io.cwd, p))),
      extract,
      options,
    );
    io.stdout.write(
      values.json ? `${JSON.stringify(report)}\n` : formatArticleReport(report, { misses }),
    );
  }
  return 0;
}
