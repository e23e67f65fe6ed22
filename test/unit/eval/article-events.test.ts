import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { distinctEvents, scoreArticle, type ArticleGold } from '../../../src/eval/article.js';
import { makeEvent, makeResult } from './helpers.js';

const gold: ArticleGold = {
  file: 'a.txt',
  events: [
    { source: ['RUS'], target: ['UKR'], type: ['REJECT'], evidence: 'refuses to meet' },
    { source: ['USA'], target: ['RUS'], type: ['SANCTION'], negated: true },
    {
      source: ['IGOEU', 'EUR'],
      target: ['RUS'],
      type: ['SANCTION'],
      modality: ['planned'],
    },
    { source: ['RUS'], target: ['*'], type: ['THREATEN'] },
    { source: ['USA'], target: ['RUS', 'UKR'], type: ['CONSULT'], required: false },
  ],
};

describe('scoreArticle: events', () => {
  it('reduces predicted events to distinct tuples, so a repeated event counts once', () => {
    const predicted = makeResult({
      events: [
        makeEvent('e1', 'REJECT', 'RUSGOV', 'UKRGOV'),
        makeEvent('e2', 'REJECT', 'RUSGOV', 'UKRGOV', { modality: 'planned' }),
        makeEvent('e3', 'AGREE', 'RUSGOV', 'UKRGOV'),
      ],
    });
    const { events } = scoreArticle(gold, predicted);
    assert.equal(events.tp, 1);
    assert.equal(events.gold, 4);
    assert.equal(events.recall, 0.25);
    assert.equal(events.predictedTp, 1);
    assert.equal(events.predicted, 2);
    assert.equal(events.precision, 0.5);
    assert.equal(events.f1, 1 / 3);
    assert.deepEqual(events.unmatched, [
      { type: 'AGREE', source: 'RUSGOV', target: 'UKRGOV', negated: false, ids: ['e3'] },
    ]);
  });

  it('keeps events with different negation or codes apart when reducing', () => {
    const distinct = distinctEvents([
      makeEvent('e1', 'SANCTION', 'USA', 'RUS'),
      makeEvent('e2', 'SANCTION', 'USA', 'RUS', { negated: true }),
      makeEvent('e3', 'SANCTION', 'IGOEU', 'RUS'),
      makeEvent('e4', 'SANCTION', 'IGOEUREEC', 'RUS'),
      makeEvent('e5', 'SANCTION', 'USA', null),
    ]);
    assert.deepEqual(
      distinct.map((event) => event.ids),
      [['e1'], ['e2'], ['e3', 'e4'], ['e5']],
    );
  });

  it('requires the same negation', () => {
    const asserted = makeResult({ events: [makeEvent('e1', 'SANCTION', 'USAGOV', 'RUSGOV')] });
    assert.equal(scoreArticle(gold, asserted).events.tp, 0);
    assert.equal(scoreArticle(gold, asserted).events.predictedTp, 0);
    const negated = makeResult({
      events: [makeEvent('e1', 'SANCTION', 'USAGOV', 'RUSGOV', { negated: true })],
    });
    assert.equal(scoreArticle(gold, negated).events.tp, 1);
  });

  it('lets a gold target * match an event with no target', () => {
    const predicted = makeResult({ events: [makeEvent('e1', 'THREATEN', 'RUSGOV', null)] });
    assert.equal(scoreArticle(gold, predicted).events.tp, 1);
  });

  it('does not match a null target to a gold target code', () => {
    const predicted = makeResult({ events: [makeEvent('e1', 'REJECT', 'RUSGOV', null)] });
    const { events } = scoreArticle(gold, predicted);
    assert.equal(events.tp, 0);
    assert.equal(events.precision, 0);
  });

  it('matches sources by prefix both ways and IGO shorthands', () => {
    const predicted = makeResult({
      events: [
        makeEvent('e1', 'SANCTION', 'IGO', 'RUS', { modality: 'planned' }),
        makeEvent('e2', 'REJECT', 'RUS', 'UKROPP'),
      ],
    });
    const { events } = scoreArticle(gold, predicted);
    assert.equal(events.tp, 2);
    assert.equal(events.precision, 1);
  });

  it('does not count required: false events for recall nor their matches as false positives', () => {
    const predicted = makeResult({ events: [makeEvent('e1', 'CONSULT', 'USAGOV', 'UKRGOV')] });
    const { events } = scoreArticle(gold, predicted);
    assert.equal(events.tp, 0);
    assert.equal(events.gold, 4);
    assert.equal(events.predictedTp, 1);
    assert.equal(events.precision, 1);
    assert.equal(events.f1, 0);
  });

  it('reports modality accuracy over found events, absent gold modality meaning asserted', () => {
    const predicted = makeResult({
      events: [
        makeEvent('e1', 'REJECT', 'RUS', 'UKR', { modality: 'hypothetical' }),
        makeEvent('e2', 'SANCTION', 'EUR', 'RUS', { modality: 'asserted' }),
        makeEvent('e3', 'SANCTION', 'IGOEU', 'RUS', { modality: 'planned' }),
        makeEvent('e4', 'THREATEN', 'RUS', 'UKR'),
      ],
    });
    const { events } = scoreArticle(gold, predicted);
    assert.equal(events.tp, 3);
    assert.deepEqual(events.modality, { hits: 2, total: 3, ratio: 2 / 3 });
    assert.deepEqual(events.wrongModality, [
      {
        type: ['REJECT'],
        source: ['RUS'],
        target: ['UKR'],
        negated: false,
        evidence: 'refuses to meet',
        modality: ['asserted'],
        predicted: ['hypothetical'],
      },
    ]);
  });

  it('lists missed required events', () => {
    const { events } = scoreArticle(gold, makeResult());
    assert.deepEqual(
      events.missed.map((miss) => [miss.type.join('|'), miss.negated]),
      [
        ['REJECT', false],
        ['SANCTION', true],
        ['SANCTION', false],
        ['THREATEN', false],
      ],
    );
    assert.deepEqual(events.modality, { hits: 0, total: 0, ratio: null });
    assert.equal(events.precision, null);
  });
});
