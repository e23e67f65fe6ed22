/**
 * `newsgraph rules check`: validates the event rules (data/rules/events/) against the CAMEO →
 * PLOVER table and runs each rule's example sentences through the pipeline; prints a coverage
 * table (rules per PLOVER type) and every failing example.
 */
import { NewsgraphError } from '../core/errors.js';
import { createExtractor } from '../extract.js';
import { checkRules, type RulesReport } from '../stages/events/check.js';
import { loadEventRules } from '../stages/events/rules.js';
import { parseCommandArgs } from './args.js';
import type { CliIO } from './io.js';

export const HELP = `Usage: newsgraph rules check [--json] [--date YYYY-MM-DD]

Validates every event rule of data/rules/events/ (ids, reasons, CAMEO codes and their PLOVER
types and modes, argument slots) and runs each rule's example sentences through the whole
pipeline: an example passes when an event of its rule comes out with the expected source and
target (code prefix or words), negation and modality; a "none" example when its rule codes
nothing. Exit 0 when every example passes, 1 otherwise.

Options:
  --json        one JSON object {rules, examples, passed, failures, byType, cameoRoots}
  --date DATE   the publication date examples are read on (default 2025-01-01)
  -h, --help    this help
`;

function table(report: RulesReport): string {
  const lines = [`rules ${report.rules}, examples ${report.examples}, passed ${report.passed}`, ''];
  lines.push('type        rules');
  for (const [type, n] of Object.entries(report.byType).sort()) {
    lines.push(`${type.padEnd(10)}  ${String(n).padStart(5)}`);
  }
  lines.push('', `CAMEO roots covered: ${report.cameoRoots.join(' ')}`);
  for (const f of report.failures) {
    lines.push('', `FAIL ${f.rule}: ${f.text}`, `  expected ${f.expected}`);
    for (const got of f.got) lines.push(`  got      ${got}`);
    if (f.got.length === 0) lines.push('  got      no event');
  }
  return `${lines.join('\n')}\n`;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    json: { type: 'boolean' },
    date: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals[0] !== 'check' || positionals.length > 1) {
    throw new NewsgraphError('NG_USAGE', "expected 'rules check'; see 'newsgraph rules --help'");
  }
  const rules = loadEventRules();
  const extractor = createExtractor({ fallbackDate: values.date ?? '2025-01-01' });
  await extractor.init();
  const report = checkRules(extractor, rules);
  io.stdout.write(values.json ? `${JSON.stringify(report)}\n` : table(report));
  return report.failures.length === 0 ? 0 : 1;
}
