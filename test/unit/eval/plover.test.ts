import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NewsgraphError } from '../../../src/core/errors.js';
import { parsePloverJsonl, scorePlover, type PloverRecord } from '../../../src/eval/plover.js';
import { makeEvent, makeResult } from './helpers.js';

function record(
  id: string,
  type: string,
  source: { text: string; code: string }[],
  text = `sentence ${id}`,
): PloverRecord {
  const actors = source.map((actor) => ({ ...actor, sector: '' }));
  return { id, date: null, text, type, mode: null, source: actors, target: [] };
}

const records: PloverRecord[] = [
  record('r1', 'AGREE', [{ text: 'Jordan', code: 'JOR' }]),
  record('r2', 'AGREE', [{ text: 'Hungarian officials', code: 'HUNGOV' }]),
  record('r3', 'REJECT', [{ text: 'The European Community', code: 'IGO' }]),
  record('r4', 'ASSAULT', [{ text: 'Israeli troops', code: 'ISRMIL' }]),
];

function predictions(): Map<string, ReturnType<typeof makeResult>> {
  return new Map([
    // type and source by code: JORGOV starts with JOR.
    ['r1', makeResult({ events: [makeEvent('e1', 'AGREE', 'JORGOV', null)] })],
    // type and source by text overlap (case-insensitive), no code; plus an extra REJECT.
    [
      'r2',
      makeResult({
        events: [
          makeEvent('e1', 'AGREE', null, null, { sourceText: 'senior hungarian officials' }),
          makeEvent('e2', 'REJECT', 'HUN', null),
        ],
      }),
    ],
    // right type, wrong source.
    ['r3', makeResult({ events: [makeEvent('e1', 'REJECT', 'USA', null)] })],
    // r4: wrong type only.
    ['r4', makeResult({ events: [makeEvent('e1', 'COERCE', 'ISR', null)] })],
  ]);
}

describe('scorePlover', () => {
  it('scores type recall, type+source recall and type precision', () => {
    const score = scorePlover(records, predictions());
    assert.equal(score.records, 4);
    assert.deepEqual(score.typeRecall, { hits: 3, total: 4, ratio: 0.75 });
    assert.deepEqual(score.typeSourceRecall, { hits: 2, total: 4, ratio: 0.5 });
    assert.deepEqual(score.typePrecision, { hits: 3, total: 5, ratio: 0.6 });
  });

  it('builds a per-type table, counting predicted types absent from the gold', () => {
    const score = scorePlover(records, predictions());
    assert.deepEqual(
      score.byType.map((row) => [
        row.type,
        row.records,
        row.typeHits,
        row.typeSourceHits,
        row.predicted,
        row.predictedCorrect,
      ]),
      [
        ['AGREE', 2, 2, 2, 2, 2],
        ['ASSAULT', 1, 0, 0, 0, 0],
        ['COERCE', 0, 0, 0, 1, 0],
        ['REJECT', 1, 1, 0, 2, 1],
      ],
    );
    const reject = score.byType.find((row) => row.type === 'REJECT');
    assert.deepEqual(
      [reject?.typeRecall, reject?.typeSourceRecall, reject?.precision],
      [1, 0, 0.5],
    );
    const coerce = score.byType.find((row) => row.type === 'COERCE');
    assert.deepEqual([coerce?.typeRecall, coerce?.precision], [null, 0]);
  });

  it('lists records without a type+source hit as misses', () => {
    const score = scorePlover(records, predictions());
    assert.deepEqual(score.misses, [
      {
        id: 'r3',
        goldType: 'REJECT',
        reason: 'source',
        predictedTypes: ['REJECT'],
        goldSources: ['The European Community (IGO)'],
        predictedSources: ['USA (USA)'],
        text: 'sentence r3',
      },
      {
        id: 'r4',
        goldType: 'ASSAULT',
        reason: 'type',
        predictedTypes: ['COERCE'],
        goldSources: ['Israeli troops (ISRMIL)'],
        predictedSources: [],
        text: 'sentence r4',
      },
    ]);
  });

  it('matches a source code by the country part of the gold code only', () => {
    const gold = [record('r1', 'ASSAULT', [{ text: 'Israeli troops', code: 'ISRMIL' }])];
    const unrelated = { sourceText: 'the soldiers' };
    const score = (code: string): number =>
      scorePlover(
        gold,
        new Map([
          ['r1', makeResult({ events: [makeEvent('e1', 'ASSAULT', code, null, unrelated)] })],
        ]),
      ).typeSourceRecall.hits;
    assert.equal(score('ISRGOV'), 1);
    assert.equal(score('IS'), 0);
    assert.equal(score('PSE'), 0);
  });

  it('matches a source text that overlaps a gold source text either way, ignoring case', () => {
    const gold = [record('r1', 'ASSAULT', [{ text: 'Israeli troops', code: 'ISRMIL' }])];
    const score = (sourceText: string): number =>
      scorePlover(
        gold,
        new Map([
          ['r1', makeResult({ events: [makeEvent('e1', 'ASSAULT', null, null, { sourceText })] })],
        ]),
      ).typeSourceRecall.hits;
    assert.equal(score('ISRAELI'), 1);
    assert.equal(score('the Israeli troops in Gaza'), 1);
    assert.equal(score('Palestinian gunmen'), 0);
    assert.equal(score(''), 0);
  });

  it('treats a record without a prediction as predicting nothing', () => {
    const score = scorePlover(records.slice(0, 1), new Map());
    assert.deepEqual(score.typeRecall, { hits: 0, total: 1, ratio: 0 });
    assert.deepEqual(score.typePrecision, { hits: 0, total: 0, ratio: null });
    assert.deepEqual(score.misses[0]?.predictedTypes, []);
  });
});

describe('parsePloverJsonl', () => {
  const line = (id: string): string =>
    JSON.stringify({
      id,
      date: null,
      text: 'Jordan agreed.',
      type: 'AGREE',
      mode: null,
      source: [{ text: 'Jordan', code: 'JOR', sector: '' }],
      target: [],
      comment: null,
    });

  it('reads one record a line and skips blank lines', () => {
    const parsed = parsePloverJsonl(`${line('a')}\n\n${line('b')}\n`, 'gold.jsonl');
    assert.deepEqual(
      parsed.map((item) => [item.id, item.type, item.source[0]?.code, item.target.length]),
      [
        ['a', 'AGREE', 'JOR', 0],
        ['b', 'AGREE', 'JOR', 0],
      ],
    );
  });

  it('reports invalid JSON with NG_JSONL_PARSE and the line number', () => {
    assert.throws(
      () => parsePloverJsonl(`${line('a')}\n\n{"id": "b",\n`, 'gold.jsonl'),
      (error: unknown) =>
        error instanceof NewsgraphError &&
        error.code === 'NG_JSONL_PARSE' &&
        error.context.file === 'gold.jsonl' &&
        error.context.line === 3,
    );
  });

  it('reports records with missing fields or duplicate ids with NG_JSONL_RECORD', () => {
    const isRecordError =
      (expectedLine: number) =>
      (error: unknown): boolean =>
        error instanceof NewsgraphError &&
        error.code === 'NG_JSONL_RECORD' &&
        error.context.line === expectedLine;
    assert.throws(() => parsePloverJsonl('{"id": "a", "text": "x"}', 'g'), isRecordError(1));
    assert.throws(() => parsePloverJsonl(`${line('a')}\n${line('a')}`, 'g'), isRecordError(2));
    const badSource = JSON.stringify({ id: 'a', text: 'x', type: 'AGREE', source: [{}] });
    assert.throws(() => parsePloverJsonl(badSource, 'g'), isRecordError(1));
  });
});
