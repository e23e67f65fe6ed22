import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NewsgraphError } from '../../../src/core/errors.js';
import { evalArticles, evalPlover, type Extract } from '../../../src/eval/run.js';
import type { ExtractionResult } from '../../../src/output/result.js';
import type { ArticleInput } from '../../../src/stages/ingest/input.js';
import { makeActor, makeEvent, makeResult } from './helpers.js';

let dir = '';

async function writeJson(name: string, value: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify(value), 'utf8');
  return file;
}

/** A fake extractor: records its inputs and returns a fixed result per input text. */
function fakeExtract(byText: Record<string, ExtractionResult>): {
  extract: Extract;
  inputs: ArticleInput[];
} {
  const inputs: ArticleInput[] = [];
  const extract: Extract = async (input) => {
    inputs.push(input);
    return byText[input.text ?? ''] ?? makeResult();
  };
  return { extract, inputs };
}

function rejectsWith(code: string, message: RegExp) {
  return (error: unknown): boolean =>
    error instanceof NewsgraphError && error.code === code && message.test(error.message);
}

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'newsgraph-eval-'));
  await mkdir(path.join(dir, 'shared', 'corpus'), { recursive: true });
  await writeFile(path.join(dir, 'article.txt'), 'Leaders meet\n\nRussia rejected talks.', 'utf8');
  const corpus = [
    { id: 'wikinews-ID1', date: '2005-01-02', title: 'Other', text: 'Other text.' },
    { id: 'wikinews-ID2', date: '2006-03-04', title: 'France talks', text: 'France talked.' },
  ];
  await writeFile(
    path.join(dir, 'shared', 'corpus', 'wikinews-politics.jsonl'),
    `${corpus.map((line) => JSON.stringify(line)).join('\n\n')}\n`,
    'utf8',
  );
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('evalArticles', () => {
  it('reads a text input beside the gold file and scores the result', async () => {
    const gold = await writeJson('article.gold.json', {
      file: 'article.txt',
      published: '2025-08-25',
      actors: [{ name: 'Russia', code: 'RUS' }],
      events: [{ source: 'RUS', target: '*', type: 'REJECT' }],
    });
    const { extract, inputs } = fakeExtract({
      'Leaders meet\n\nRussia rejected talks.': makeResult({
        published: '2025-08-25',
        actors: [makeActor('russia', 'Russia', 'RUS'), makeActor('unlinked:talks', 'talks', null)],
        events: [makeEvent('e1', 'REJECT', 'RUSGOV', null)],
      }),
    });
    const report = await evalArticles([gold], extract, { sharedDir: path.join(dir, 'nowhere') });
    assert.deepEqual(inputs, [
      {
        format: 'txt',
        text: 'Leaders meet\n\nRussia rejected talks.',
        date: '2025-08-25',
        origin: { file: path.join(dir, 'article.txt') },
      },
    ]);
    assert.equal(report.rows.length, 1);
    assert.equal(report.rows[0]?.gold, gold);
    assert.equal(report.rows[0]?.input, path.join(dir, 'article.txt'));
    assert.deepEqual(report.rows[0]?.score.metadata.fields, [
      { field: 'published', gold: '2025-08-25', predicted: '2025-08-25', right: true },
    ]);
    assert.equal(report.total.actors.recall, 1);
    assert.equal(report.total.actors.precision, 0.5);
    assert.equal(report.total.events.f1, 1);
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
  });

  it('looks a corpus id up in the corpus under sharedDir and totals the rows', async () => {
    const byText = await writeJson('text.gold.json', { file: 'article.txt' });
    const byId = await writeJson('corpus.gold.json', {
      id: 'wikinews-ID2',
      actors: [{ name: 'France', code: 'FRA' }],
    });
    const { extract, inputs } = fakeExtract({
      'France talked.': makeResult({ actors: [makeActor('france', 'France', 'FRAGOV')] }),
    });
    const report = await evalArticles([byText, byId], extract, {
      sharedDir: path.join(dir, 'shared'),
    });
    const corpusFile = path.join(dir, 'shared', 'corpus', 'wikinews-politics.jsonl');
    assert.deepEqual(inputs[1], {
      format: 'jsonl',
      id: 'wikinews-ID2',
      title: 'France talks',
      text: 'France talked.',
      date: '2006-03-04',
      origin: { file: corpusFile, line: 3 },
    });
    assert.equal(report.rows[1]?.input, `${corpusFile}#wikinews-ID2`);
    assert.deepEqual(
      [report.total.actors.tp, report.total.actors.gold, report.total.actors.predicted],
      [1, 1, 1],
    );
  });

  it('prefers the gold published date over the corpus date, and takes corpusPath', async () => {
    const gold = await writeJson('dated.gold.json', {
      id: 'wikinews-ID1',
      published: '2005-01-03',
    });
    const { extract, inputs } = fakeExtract({});
    const corpusPath = path.join(dir, 'shared', 'corpus', 'wikinews-politics.jsonl');
    await evalArticles([gold], extract, { corpusPath });
    assert.equal(inputs[0]?.date, '2005-01-03');
    assert.deepEqual(inputs[0]?.origin, { file: corpusPath, line: 1 });
  });

  it('fails with NG_INPUT_NOT_FOUND when the text input is missing', async () => {
    const gold = await writeJson('missing.gold.json', { file: 'missing.txt' });
    const { extract, inputs } = fakeExtract({});
    await assert.rejects(
      evalArticles([gold], extract, {}),
      rejectsWith('NG_INPUT_NOT_FOUND', /missing\.txt.*\.\.\/shared/),
    );
    assert.equal(inputs.length, 0);
  });

  it('fails with NG_INPUT_NOT_FOUND naming the corpus path when the corpus is missing', async () => {
    const gold = await writeJson('nocorpus.gold.json', { id: 'wikinews-ID1' });
    const sharedDir = path.join(dir, 'nowhere');
    await assert.rejects(
      evalArticles([gold], fakeExtract({}).extract, { sharedDir }),
      rejectsWith('NG_INPUT_NOT_FOUND', /nowhere\/corpus\/wikinews-politics\.jsonl.*\.\.\/shared/),
    );
  });

  it('fails with NG_INPUT_NOT_FOUND when the corpus lacks the id', async () => {
    const gold = await writeJson('unknown.gold.json', { id: 'wikinews-ID9' });
    await assert.rejects(
      evalArticles([gold], fakeExtract({}).extract, { sharedDir: path.join(dir, 'shared') }),
      rejectsWith('NG_INPUT_NOT_FOUND', /"wikinews-ID9"/),
    );
  });

  it('fails on a missing or invalid gold file before extracting anything', async () => {
    const { extract, inputs } = fakeExtract({});
    const good = await writeJson('good.gold.json', { file: 'article.txt' });
    await assert.rejects(
      evalArticles([good, path.join(dir, 'absent.gold.json')], extract, {}),
      rejectsWith('NG_INPUT_NOT_FOUND', /absent\.gold\.json/),
    );
    const broken = path.join(dir, 'broken.gold.json');
    await writeFile(broken, '{\n  "file": "article.txt",\n  oops\n}', 'utf8');
    await assert.rejects(evalArticles([good, broken], extract, {}), (error: unknown) => {
      assert.ok(error instanceof NewsgraphError);
      assert.equal(error.code, 'NG_JSONL_PARSE');
      assert.equal(error.context.file, broken);
      assert.equal(error.context.line, 3);
      return true;
    });
    assert.equal(inputs.length, 0);
  });
});

describe('evalPlover', () => {
  it('extracts each record as a jsonl input and scores it', async () => {
    const record = (id: string, text: string, type: string): string =>
      JSON.stringify({
        id,
        date: null,
        text,
        type,
        mode: null,
        source: [{ text: 'Jordan', code: 'JOR', sector: '' }],
        target: [],
      });
    const file = path.join(dir, 'plover.jsonl');
    await writeFile(
      file,
      `${record('p1', 'Jordan agreed.', 'AGREE')}\n${record('p2', 'Jordan refused.', 'REJECT')}\n`,
    );
    const { extract, inputs } = fakeExtract({
      'Jordan agreed.': makeResult({ events: [makeEvent('e1', 'AGREE', 'JOR', null)] }),
    });
    const report = await evalPlover(file, extract);
    assert.deepEqual(inputs[1], {
      format: 'jsonl',
      id: 'p2',
      title: null,
      text: 'Jordan refused.',
      date: null,
      origin: { file, line: 2 },
    });
    assert.equal(report.file, file);
    assert.deepEqual(report.typeRecall, { hits: 1, total: 2, ratio: 0.5 });
    assert.deepEqual(report.typeSourceRecall, { hits: 1, total: 2, ratio: 0.5 });
    assert.deepEqual(report.typePrecision, { hits: 1, total: 1, ratio: 1 });
    assert.deepEqual(
      report.misses.map((miss) => miss.id),
      ['p2'],
    );
  });

  it('fails with NG_INPUT_NOT_FOUND when the file is missing', async () => {
    await assert.rejects(
      evalPlover(path.join(dir, 'none.jsonl'), fakeExtract({}).extract),
      rejectsWith('NG_INPUT_NOT_FOUND', /none\.jsonl/),
    );
  });
});
