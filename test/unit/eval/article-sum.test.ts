import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scoreArticle, sumArticleScores, type ArticleGold } from '../../../src/eval/article.js';
import { makeActor, makeEvent, makeResult } from './helpers.js';

const first: ArticleGold = {
  file: 'a.txt',
  metadata: { views: 1 },
  actors: [
    { name: 'Russia', code: 'RUS' },
    { name: 'Ukraine', code: 'UKR' },
  ],
  events: [{ source: 'RUS', target: 'UKR', type: 'ASSAULT' }],
};
const second: ArticleGold = {
  file: 'b.txt',
  actors: [{ name: 'France', code: 'FRA' }],
  events: [{ source: 'FRA', target: '*', type: 'CONSULT', modality: 'planned' }],
};

describe('sumArticleScores', () => {
  it('micro-averages: sums the counts, then divides', () => {
    const a = scoreArticle(
      first,
      makeResult({
        metadata: { views: 1 },
        actors: [makeActor('russia', 'Russia', 'RUS')],
        events: [makeEvent('e1', 'ASSAULT', 'RUSMIL', 'UKR')],
      }),
    );
    const b = scoreArticle(
      second,
      makeResult({
        actors: [makeActor('france', 'France', 'FRA'), makeActor('unlinked:x', 'X', null)],
        events: [makeEvent('e1', 'CONSULT', 'FRAGOV', null), makeEvent('e2', 'AID', 'FRA', null)],
      }),
    );
    const total = sumArticleScores([a, b]);
    assert.deepEqual(total.metadata, { hits: 1, total: 1, ratio: 1 });
    assert.deepEqual(
      [total.actors.tp, total.actors.gold, total.actors.predictedTp, total.actors.predicted],
      [2, 3, 2, 3],
    );
    assert.equal(total.actors.recall, 2 / 3);
    assert.equal(total.actors.precision, 2 / 3);
    assert.deepEqual(
      [total.events.tp, total.events.gold, total.events.predictedTp, total.events.predicted],
      [2, 2, 2, 3],
    );
    assert.equal(total.events.f1, 0.8);
    assert.deepEqual(total.events.modality, { hits: 1, total: 2, ratio: 0.5 });
    assert.equal(total.quotes.recall, null);
  });

  it('returns zero counts and null ratios for no articles, as plain JSON', () => {
    const total = sumArticleScores([]);
    assert.equal(total.events.tp, 0);
    assert.equal(total.events.f1, null);
    assert.deepEqual(JSON.parse(JSON.stringify(total)), total);
  });
});
