/**
 * `newsgraph eval` and `newsgraph bench` through the CLI, on data the tests write themselves;
 * the shared sample is scored too when ../shared is present.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, SHARED } from '../../helpers/cli.js';

const cli = (args: string[], cwd?: string) => runCli(args, cwd ? { cwd } : {});

const PAGE =
  'Share\n\n1 024\n\nCabinet resigns after vote\n\nPhoto: Test Agency\n\nThe cabinet resigned on Tuesday after losing a confidence vote, the prime minister said.\n';

test('eval scores metadata of an article gold file whose input sits beside it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-eval-'));
  writeFileSync(join(dir, 'page.txt'), PAGE);
  const gold = {
    file: 'page.txt',
    published: '2024-04-02',
    metadata: {
      title: 'Cabinet resigns after vote',
      views: 1024,
      photoCredit: 'Test Agency',
      boilerplate: ['Share'],
    },
    actors: [],
    quotes: [],
    events: [],
  };
  writeFileSync(join(dir, 'page.gold.json'), JSON.stringify(gold));
  const r = await cli(['eval', join(dir, 'page.gold.json'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { total: { metadata: { hits: number; total: number } } };
  assert.deepEqual([report.total.metadata.hits, report.total.metadata.total], [5, 5]);
  const wrong = { ...gold, metadata: { ...gold.metadata, views: 7 } };
  writeFileSync(join(dir, 'wrong.gold.json'), JSON.stringify(wrong));
  const w = await cli(['eval', join(dir, 'wrong.gold.json'), '--json']);
  assert.equal(
    (JSON.parse(w.stdout) as { total: { metadata: { hits: number } } }).total.metadata.hits,
    4,
  );
});

test('eval without gold is a usage error', async () => {
  const r = await cli(['eval']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /NG_USAGE/);
});

test('eval --plover scores sentence records', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-plover-'));
  const record = {
    id: 'T-1',
    date: null,
    text: 'The two governments agreed on Monday to reopen their embassies.',
    type: 'AGREE',
    mode: null,
    source: [{ text: 'governments', code: 'XXX', sector: 'GOV' }],
    target: [],
  };
  writeFileSync(join(dir, 'records.jsonl'), `${JSON.stringify(record)}\n`);
  const r = await cli(['eval', '--plover', join(dir, 'records.jsonl'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { records: number; typeRecall: { ratio: number | null } };
  assert.equal(report.records, 1);
  // "The two governments agreed": AGREE, with a description as its source.
  assert.equal(report.typeRecall.ratio, 1);
});

test('bench runs pipeline and baseline on a small corpus and reports the contract fields', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
  const lines = Array.from({ length: 6 }, (_, i) =>
    JSON.stringify({
      id: `b${i}`,
      title: `Talks round ${i}`,
      text: `Delegations met for round ${i} of the talks on Monday. They agreed to meet again.`,
    }),
  );
  writeFileSync(join(dir, 'corpus.jsonl'), `${lines.join('\n')}\n`);
  const r = await cli(['bench', '--corpus', join(dir, 'corpus.jsonl'), '--runs', '1', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as Record<string, unknown> & { stages: { stage: string }[] };
  for (const key of [
    'docsPerSecond',
    'sentencesPerSecond',
    'tokensPerSecond',
    'peakRssMB',
    'ratioToBaseline',
    'ratioOfMedians',
  ]) {
    assert.equal(typeof report[key], 'number', key);
    assert.ok((report[key] as number) > 0, key);
  }
  // One ratio per round; the reported one is their median.
  assert.deepEqual(report.roundRatios, [report.ratioToBaseline]);
  assert.equal(report.documents, 6);
  assert.equal(report.sentences, 18, 'title + two sentences per document');
  assert.deepEqual(
    report.stages.map((s) => s.stage),
    ['ingest', 'language', 'segment', 'mentions', 'link', 'coref', 'quotes', 'events'],
  );
  const table = await cli([
    'bench',
    '--corpus',
    join(dir, 'corpus.jsonl'),
    '--runs',
    '1',
    '--limit',
    '2',
  ]);
  assert.match(table.stdout, /ratioToBaseline\s+\d+\.\d\d/);
  assert.match(table.stdout, /documents\s+2 /);
  // Chunks that do not divide the corpus: the passes alternate over 4 + 2 documents, and the
  // counts are still those of one whole pass.
  const chunked = await cli([
    'bench',
    '--corpus',
    join(dir, 'corpus.jsonl'),
    '--runs',
    '2',
    '--chunk',
    '4',
    '--json',
  ]);
  assert.equal(chunked.code, 0, chunked.stderr);
  const two = JSON.parse(chunked.stdout) as { sentences: number; roundRatios: number[] };
  assert.equal(two.sentences, 18);
  assert.equal(two.roundRatios.length, 2);
  const bad = await cli(['bench', '--corpus', join(dir, 'corpus.jsonl'), '--chunk', '0']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /NG_USAGE: --chunk must be a positive integer/);
});

test('bench without a corpus names the problem', async () => {
  const r = await cli(['bench', '--corpus', '/nonexistent/corpus.jsonl']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /NG_INPUT_NOT_FOUND: corpus not found/);
});

const sample = join(SHARED, 'samples', 'putin-zelensky-trap.gold.json');
test(
  'eval on the shared sample gets every metadata field right',
  existsSync(sample) ? {} : { skip: `${sample} is absent (the shared data lives in ../shared)` },
  async () => {
    const r = await cli(['eval', sample, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { total: { metadata: { hits: number; total: number } } };
    assert.ok(report.total.metadata.total >= 4);
    assert.equal(report.total.metadata.hits, report.total.metadata.total);
  },
);
