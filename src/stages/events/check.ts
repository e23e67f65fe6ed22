/**
 * `newsgraph rules check`: every event rule's example sentences run through the whole pipeline.
 * An example passes when an event of its rule comes out with the expected source and target
 * (a code prefix, a word of the text, or "*"), negation and modality; a `none` example passes
 * when its rule codes nothing. The rules were already validated when they loaded.
 */
import type { Extractor } from '../../extract.js';
import type { EventArgument, EventResult } from '../../output/result.js';
import type { EventRule, EventRules, RuleExample } from './rules.js';

export interface ExampleFailure {
  rule: string;
  text: string;
  expected: string;
  got: string[];
}

export interface RulesReport {
  rules: number;
  examples: number;
  passed: number;
  failures: ExampleFailure[];
  /** PLOVER type → number of rules. */
  byType: Record<string, number>;
  /** CAMEO roots (two digits) the rules cover. */
  cameoRoots: string[];
}

function argumentMatches(expected: string | undefined, arg: EventArgument | null): boolean {
  if (expected === undefined || expected === '*') return true;
  // "-": no one (no target, or a source no one named: "was freed on Monday").
  if (expected === '-') return arg === null || (!arg.code && !arg.text);
  if (!arg) return false;
  if (arg.code && arg.code.startsWith(expected)) return true;
  return arg.text.toLowerCase().includes(expected.toLowerCase());
}

function describe(event: EventResult): string {
  const who = (a: EventArgument | null) => (a ? `${a.code ?? '-'}(${a.text})` : '-');
  return `${event.rule} ${event.type} ${who(event.source)} → ${who(event.target)}${event.negated ? ' negated' : ''} ${event.modality}`;
}

function passes(example: RuleExample, rule: EventRule, events: EventResult[]): boolean {
  const own = events.filter((e) => e.rule === rule.id);
  if (example.none) return own.length === 0;
  return own.some(
    (e) =>
      argumentMatches(example.source, e.source) &&
      argumentMatches(example.target, e.target) &&
      (example.negated === undefined || e.negated === example.negated) &&
      (example.modality === undefined || e.modality === example.modality),
  );
}

function expectation(example: RuleExample, rule: EventRule): string {
  if (example.none) return `no ${rule.id} event`;
  const parts = [`${rule.id} ${example.source ?? '*'} → ${example.target ?? '*'}`];
  if (example.negated !== undefined) parts.push(example.negated ? 'negated' : 'not negated');
  if (example.modality) parts.push(example.modality);
  return parts.join(' ');
}

export function checkRules(extractor: Extractor, rules: EventRules): RulesReport {
  const failures: ExampleFailure[] = [];
  let examples = 0;
  const byType: Record<string, number> = {};
  const roots = new Set<string>();
  for (const rule of rules.rules) {
    byType[rule.type] = (byType[rule.type] ?? 0) + 1;
    roots.add(rule.cameo.slice(0, 2));
    for (const example of rule.examples) {
      examples += 1;
      const result = extractor.extract({
        format: 'jsonl',
        title: null,
        text: example.text,
        origin: { file: `${rule.file}#${rule.id}` },
      });
      if (passes(example, rule, result.events)) continue;
      failures.push({
        rule: rule.id,
        text: example.text,
        expected: expectation(example, rule),
        got: result.events.map(describe),
      });
    }
  }
  return {
    rules: rules.rules.length,
    examples,
    passed: examples - failures.length,
    failures,
    byType,
    cameoRoots: [...roots].sort(),
  };
}
