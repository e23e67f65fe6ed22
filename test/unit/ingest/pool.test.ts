/**
 * The extraction pool with real worker threads: results equal the in-process extractor's,
 * errors keep their codes, a bad knowledge base stops the start, a closed pool refuses work.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewsgraphError } from '../../../src/core/errors.js';
import { createExtractor } from '../../../src/extract.js';
import { startExtractionPool, type ExtractionPool } from '../../../src/ingest/pool.js';
import type { ArticleInput } from '../../../src/stages/ingest/input.js';
import { generateArticles } from './articles.js';

let pool: ExtractionPool;
before(async () => {
  pool = await startExtractionPool({ workers: 2, settings: { fallbackDate: '2024-03-15' } });
});
after(() => pool.close());

const inputs: ArticleInput[] = generateArticles(6).map((a, i) => ({
  format: 'jsonl',
  id: a.id,
  title: a.title,
  text: a.text,
  origin: { file: 'batch.jsonl', line: i + 1 },
}));

test('workers give the results the extractor gives in this thread, each to its caller', async () => {
  const local = createExtractor({ fallbackDate: '2024-03-15' });
  await local.init();
  const results = await Promise.all(inputs.map((input) => pool.extract(input)));
  assert.equal(pool.size, 2);
  results.forEach((result, i) => {
    assert.equal(result.id, inputs[i]!.id, 'answers reach the right caller');
    assert.deepEqual(result, local.extract(inputs[i]!));
  });
  assert.ok(
    results.some((r) => r.events.length > 0 && r.actors.length > 0),
    'a real pipeline ran',
  );
  assert.equal(results[0]?.document.published, '2024-03-15', 'worker settings apply');
});

test('a document that cannot be extracted fails alone, with its code', async () => {
  const [bad, good] = await Promise.allSettled([
    pool.extract({ format: 'txt', text: '   ', origin: { file: 'empty.txt' } }),
    pool.extract(inputs[0]!),
  ]);
  assert.equal(bad.status, 'rejected');
  const error = (bad as PromiseRejectedResult).reason as NewsgraphError;
  assert.ok(error instanceof NewsgraphError);
  assert.equal(error.code, 'NG_INPUT_EMPTY');
  assert.equal(good.status, 'fulfilled');
  const binary = pool.extract({
    format: 'txt',
    text: 'a\u0000b\u0001c\u0002',
    origin: { file: 'x' },
  });
  await assert.rejects(binary, { code: 'NG_INPUT_BINARY' });
});

test('a knowledge base that fails validation stops the start with its code', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-pool-'));
  const kb = join(dir, 'bad-kb.jsonl');
  writeFileSync(kb, '{"id": "x", "name": 5}\n');
  await assert.rejects(
    startExtractionPool({ workers: 1, settings: { kbOverlays: [kb] } }),
    (e: unknown) => e instanceof NewsgraphError && e.code === 'NG_KB_INVALID',
  );
});

test('a closed pool refuses work', async () => {
  const small = await startExtractionPool({ workers: 1 });
  const settled = Promise.allSettled([small.extract(inputs[1]!), small.extract(inputs[2]!)]);
  await small.close();
  await assert.rejects(small.extract(inputs[0]!), /closed/);
  // Neither the document in hand nor the queued one is left hanging.
  assert.deepEqual(
    (await settled).map((s) => s.status),
    ['rejected', 'rejected'],
  );
});
