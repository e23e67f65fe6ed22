import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scoreArticle, type ArticleGold } from '../../../src/eval/article.js';
import { makeActor, makeResult } from './helpers.js';

const gold: ArticleGold = {
  file: 'a.txt',
  actors: [
    { name: 'Volodymyr Zelensky', code: ['UKRGOV'], mentions: ['Zelensky'] },
    { name: 'Kaja Kallas', code: ['IGOEUREEC', 'EST'], mentions: ['Kaia Kalas', 'Kallas'] },
    { name: 'Russia', code: ['RUS', 'RUSGOV'], mentions: ['Moscow', 'the Kremlin'] },
    { name: 'Europe', code: 'EUR', mentions: 'Europe', required: false },
  ],
};

describe('scoreArticle: actors', () => {
  it('finds actors by canonical name ignoring case and diacritics, or by a gold mention', () => {
    const predicted = makeResult({
      actors: [
        makeActor('zelensky', 'VOLODÝMYR zelenský', 'UKRGOV'),
        makeActor('unlinked:kaia kalas', 'Kaia Kalas person', 'IGOEU', ['Kaia Kalas']),
        makeActor('russia', 'Russian Federation', 'RUSGOV', ['the Kremlin']),
      ],
    });
    const { actors } = scoreArticle(gold, predicted);
    assert.equal(actors.tp, 3);
    assert.equal(actors.gold, 3);
    assert.equal(actors.recall, 1);
    assert.equal(actors.predictedTp, 3);
    assert.equal(actors.predicted, 3);
    assert.equal(actors.precision, 1);
    assert.deepEqual(actors.missed, []);
  });

  it('does not find an actor by a mention that only resembles a gold mention', () => {
    const predicted = makeResult({
      actors: [makeActor('kremlin', 'Kremlin', 'RUSGOV', ['Kremlin', 'the Kremlin walls'])],
    });
    const { actors } = scoreArticle(gold, predicted);
    assert.equal(actors.tp, 0);
    assert.equal(actors.predictedTp, 0);
    assert.equal(actors.precision, 0);
  });

  it('counts an actor found with a wrong code for precision but not for recall', () => {
    const predicted = makeResult({
      actors: [makeActor('zelensky', 'Volodymyr Zelensky', 'RUSGOV', ['Zelensky'])],
    });
    const { actors } = scoreArticle(gold, predicted);
    assert.equal(actors.tp, 0);
    assert.equal(actors.recall, 0);
    assert.equal(actors.wrongCode, 1);
    assert.equal(actors.predictedTp, 1);
    assert.equal(actors.precision, 1);
    const miss = actors.missed.find((item) => item.name === 'Volodymyr Zelensky');
    assert.deepEqual(miss, {
      name: 'Volodymyr Zelensky',
      code: ['UKRGOV'],
      reason: 'wrong-code',
      predicted: [{ id: 'zelensky', name: 'Volodymyr Zelensky', code: 'RUSGOV' }],
    });
  });

  it('matches an actor with several gold codes when any one matches', () => {
    const predicted = makeResult({ actors: [makeActor('kallas', 'Kaja Kallas', 'ESTGOV')] });
    assert.equal(scoreArticle(gold, predicted).actors.tp, 1);
  });

  it('does not match a null predicted code unless the gold code is *', () => {
    const withNull = makeResult({ actors: [makeActor('kallas', 'Kaja Kallas', null)] });
    assert.equal(scoreArticle(gold, withNull).actors.tp, 0);
    const wildcard: ArticleGold = { file: 'a.txt', actors: [{ name: 'Kaja Kallas', code: '*' }] };
    assert.equal(scoreArticle(wildcard, withNull).actors.tp, 1);
  });

  it('counts unlinked actors that match no gold actor against precision', () => {
    const predicted = makeResult({
      actors: [
        makeActor('zelensky', 'Volodymyr Zelensky', 'UKRGOV'),
        makeActor('unlinked:the west', 'the West', null, ['the West']),
        makeActor('unlinked:sources', 'Sources', null, ['Sources']),
      ],
    });
    const { actors } = scoreArticle(gold, predicted);
    assert.equal(actors.predictedTp, 1);
    assert.equal(actors.predicted, 3);
    assert.equal(actors.precision, 1 / 3);
    assert.deepEqual(
      actors.unmatched.map((actor) => actor.id),
      ['unlinked:the west', 'unlinked:sources'],
    );
  });

  it('leaves required: false actors out of recall and does not count them as false positives', () => {
    const predicted = makeResult({ actors: [makeActor('europe', 'Europe', 'EUR')] });
    const { actors } = scoreArticle(gold, predicted);
    assert.equal(actors.gold, 3);
    assert.equal(actors.tp, 0);
    assert.equal(actors.predictedTp, 1);
    assert.equal(actors.precision, 1);
    assert.deepEqual(
      actors.missed.map((miss) => [miss.name, miss.reason]),
      [
        ['Volodymyr Zelensky', 'not-found'],
        ['Kaja Kallas', 'not-found'],
        ['Russia', 'not-found'],
      ],
    );
  });

  it('counts a gold actor once even when two predicted actors identify it', () => {
    const predicted = makeResult({
      actors: [
        makeActor('russia', 'Russia', 'RUS'),
        makeActor('unlinked:moscow', 'Moscow', null, ['Moscow']),
      ],
    });
    const { actors } = scoreArticle(gold, predicted);
    assert.equal(actors.tp, 1);
    assert.equal(actors.predictedTp, 2);
    assert.equal(actors.precision, 1);
  });

  it('gives null ratios, not NaN, when there is nothing to divide by', () => {
    const { actors } = scoreArticle({ file: 'a.txt' }, makeResult());
    assert.deepEqual(
      [actors.tp, actors.gold, actors.predicted, actors.recall, actors.precision, actors.f1],
      [0, 0, 0, null, null, null],
    );
  });
});
