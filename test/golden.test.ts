/** Golden tests: the full output for whole articles is pinned (see test/golden/golden.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { expectedPath, goldenOutput, listCases } from './golden/golden.js';

const cases = listCases();

test('there are golden cases for every input kind', () => {
  const kinds = new Set(cases.filter((c) => !c.shared).map((c) => c.input.split('.').pop()));
  assert.deepEqual([...kinds].sort(), ['html', 'jsonl', 'txt']);
});

for (const c of cases) {
  const absent = c.shared && !existsSync(c.input);
  test(
    `golden: ${c.name}`,
    absent ? { skip: `${c.input} is absent (the shared data lives in ../shared)` } : {},
    async () => {
      const expected: unknown = JSON.parse(readFileSync(expectedPath(c), 'utf8'));
      assert.deepEqual(
        await goldenOutput(c),
        expected,
        `output changed: review it, then run 'npm run golden -- --update ${c.name}'`,
      );
    },
  );
}
