/** The shipped knowledge base passes its own check: no schema errors, no duplicate ids, no
 * undocumented alias clashes, no overlapping offices. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../../src/cli/main.js';
import type { CliIO } from '../../../src/cli/io.js';
import { loadKnowledgeBase } from '../../../src/kb/kb.js';

test('data/kb has no problems under kb check', async () => {
  let stdout = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: () => true },
    cwd: process.cwd(),
    readStdin: async () => Buffer.alloc(0),
  };
  const code = await main(['kb', 'check', '--no-archigos', '--json'], io);
  const report = JSON.parse(stdout) as { actors: number; problems: { message: string }[] };
  assert.deepEqual(
    report.problems.map((p) => p.message),
    [],
  );
  assert.equal(code, 0);
  assert.ok(report.actors >= 1500, `${report.actors} actors`);
});

test('the loaded KB indexes every actor and the agents', () => {
  const kb = loadKnowledgeBase();
  assert.ok(kb.actors.size >= 1500);
  assert.ok(kb.countries.size >= 249);
  assert.equal(kb.countries.get('UKR')?.id, 'country-ukr');
  assert.equal(kb.demonyms.get('ukrainian'), 'UKR');
  assert.equal(kb.agents.get('troops'), 'MIL');
});
