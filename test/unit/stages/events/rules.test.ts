/**
 * Event rules as data: the production rules load, cover every PLOVER type, and every example
 * sentence of every rule codes what it says (the rules' golden test); bad rule files are
 * refused with NG_PIPELINE_CONFIG and a message naming the rule.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewsgraphError } from '../../../../src/core/errors.js';
import { createExtractor } from '../../../../src/extract.js';
import { checkRules } from '../../../../src/stages/events/check.js';
import { eventRules, loadEventRules } from '../../../../src/stages/events/rules.js';
import { runCli } from '../../../helpers/cli.js';

const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
];

test('the production rules cover all 16 PLOVER types, each rule with a reason and examples', () => {
  const rules = eventRules();
  const types = new Set(rules.rules.map((r) => r.type));
  assert.deepEqual([...types].sort(), [...PLOVER_TYPES].sort());
  for (const rule of rules.rules) {
    assert.ok(rule.reason.length >= 10, rule.id);
    assert.ok(rule.examples.length > 0, rule.id);
    assert.ok(rule.quadClass >= 1 && rule.quadClass <= 4, rule.id);
  }
});

test('the CAMEO table knows all 20 CAMEO roots and maps them to PLOVER', () => {
  const { cameo } = eventRules();
  for (let root = 1; root <= 20; root++) {
    const code = String(root).padStart(2, '0');
    assert.ok(cameo.has(code), `CAMEO root ${code}`);
  }
  assert.equal(cameo.get('02')?.[0]?.plover.type, 'REQUEST');
  assert.equal(cameo.get('01')?.[0]?.plover.type, null);
  assert.equal(cameo.get('19')?.[0]?.quadClass, 4);
});

test('every example sentence of every rule codes what it says (rules check)', async () => {
  const extractor = createExtractor({ fallbackDate: '2025-01-01' });
  await extractor.init();
  const report = checkRules(extractor, eventRules());
  assert.ok(report.examples >= report.rules, 'at least one example a rule');
  // Rules code every CAMEO root but 01 (public statements: PLOVER codes no event for them).
  assert.deepEqual(
    report.cameoRoots,
    Array.from({ length: 19 }, (_, i) => String(i + 2).padStart(2, '0')),
  );
  assert.deepEqual(
    report.failures.map(
      (f) => `${f.rule}: ${f.text} — expected ${f.expected}; got ${f.got.join(' | ')}`,
    ),
    [],
  );
});

function writeRules(rules: unknown[], type = 'REJECT'): string {
  const dir = mkdtempSync(join(tmpdir(), 'ng-event-rules-'));
  writeFileSync(join(dir, `${type.toLowerCase()}.json`), JSON.stringify({ type, rules }));
  return dir;
}

const GOOD = {
  id: 'reject.refuse',
  cameo: '120',
  verbs: ['refuse'],
  reason: 'Refusing is rejecting.',
  examples: [{ text: 'Kyiv refused the plan.' }],
};

function refused(rules: unknown[], pattern: RegExp, type?: string): void {
  assert.throws(
    () => loadEventRules(writeRules(rules, type)),
    (error: unknown) =>
      error instanceof NewsgraphError &&
      error.code === 'NG_PIPELINE_CONFIG' &&
      pattern.test(error.message),
  );
}

test('a valid rule file loads; bad rules are refused and named', () => {
  assert.equal(loadEventRules(writeRules([GOOD])).rules[0]?.id, 'reject.refuse');
  refused([{ ...GOOD, id: 'Refuse' }], /bad rule id/);
  refused([{ ...GOOD, id: 'agree.refuse' }], /ids of REJECT rules start with "reject\."/);
  refused([{ ...GOOD, reason: '' }], /reason is required/);
  refused([{ ...GOOD, cameo: '999' }], /unknown CAMEO code 999/);
  refused([{ ...GOOD, cameo: '190' }], /CAMEO 190 is ASSAULT in PLOVER, not REJECT/);
  refused([{ ...GOOD, mode: 'sideways' }], /REJECT has no mode "sideways"/);
  refused([{ ...GOOD, verbs: [] }], /verbs or nouns needed/);
  refused([{ ...GOOD, nouns: ['refusal'] }], /verbs or nouns, not both/);
  refused([{ ...GOOD, target: 'under' }], /bad slot under/);
  refused([{ ...GOOD, examples: [] }], /at least one example/);
  refused([GOOD, GOOD], /duplicate rule id reject\.refuse/);
  refused([GOOD], /"type" must be a PLOVER type/, 'DANCE');
});

test('a malformed rules file is refused with its path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-event-rules-'));
  writeFileSync(join(dir, 'reject.json'), '{"type": "REJECT", "rules": [');
  assert.throws(() => loadEventRules(dir), /not JSON/);
  assert.throws(() => loadEventRules(join(dir, 'missing')), /cannot read the rules directory/);
});

test('newsgraph rules check passes, prints coverage and answers JSON', async () => {
  const r = await runCli(['rules', 'check', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { failures: unknown[]; byType: Record<string, number> };
  assert.deepEqual(report.failures, []);
  assert.deepEqual(Object.keys(report.byType).sort(), [...PLOVER_TYPES].sort());
  const usage = await runCli(['rules', 'list']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /NG_USAGE/);
});
