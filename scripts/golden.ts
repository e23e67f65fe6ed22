/**
 * Creates or updates golden files.
 *   npm run golden -- --update            rewrite every expected.json
 *   npm run golden -- --update CASE...    only these cases
 *   npm run golden                        list cases that differ (exit 1 if any)
 * A new case: make test/golden/<case>/input.{txt,html,jsonl} (+ options.json), then --update.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { expectedPath, goldenOutput, listCases } from '../test/golden/golden.js';

const args = process.argv.slice(2);
const update = args.includes('--update');
const only = args.filter((a) => !a.startsWith('--'));
let differing = 0;
for (const c of listCases()) {
  if (only.length && !only.includes(c.name)) continue;
  if (c.shared && !existsSync(c.input)) {
    console.log(`skip  ${c.name}: ${c.input} is absent`);
    continue;
  }
  const actual = await goldenOutput(c);
  const path = expectedPath(c);
  const expected: unknown = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
  if (isDeepStrictEqual(actual, expected)) {
    console.log(`same  ${c.name}`);
    continue;
  }
  differing++;
  if (update) {
    writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
    console.log(`wrote ${c.name}`);
  } else console.log(`DIFF  ${c.name}`);
}
process.exitCode = differing && !update ? 1 : 0;
