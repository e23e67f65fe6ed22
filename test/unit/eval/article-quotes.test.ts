import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scoreArticle, type ArticleGold } from '../../../src/eval/article.js';
import { makeActor, makeQuote, makeResult } from './helpers.js';

const gold: ArticleGold = {
  file: 'a.txt',
  quotes: [
    { speaker: 'Kaja Kallas', kind: 'direct', contains: 'This is the trap that they set' },
    { speaker: 'Sergey Lavrov', kind: ['direct', 'indirect'], contains: "can't agree" },
    { speaker: 'Ukrainian TV', kind: 'indirect', contains: 'avoiding a meeting', required: false },
  ],
};

const kallas = makeActor('kallas-kaja', 'Kaja Kallas', 'IGOEUREEC');

describe('scoreArticle: quotes', () => {
  it('matches text with curly or straight marks and any case, speaker by actor name', () => {
    const predicted = makeResult({
      actors: [kallas],
      quotes: [
        makeQuote('q1', '“THIS is the trap that they   set,” she warned', { actor: 'kallas-kaja' }),
      ],
    });
    const { quotes } = scoreArticle(gold, predicted);
    assert.equal(quotes.tp, 1);
    assert.equal(quotes.gold, 2);
    assert.equal(quotes.recall, 0.5);
    assert.equal(quotes.predictedTp, 1);
    assert.equal(quotes.precision, 1);
  });

  it('takes the speaker from speakerText when the quote has no speaker actor', () => {
    const predicted = makeResult({
      quotes: [
        makeQuote('q1', 'Moscow can’t agree to it', { text: 'sergey LAVROV' }, 'indirect'),
        makeQuote('q2', 'this is the trap that they set', { actor: 'nobody', text: 'Kallas' }),
      ],
    });
    const { quotes } = scoreArticle(gold, predicted);
    assert.equal(quotes.tp, 1);
    assert.equal(quotes.predictedTp, 1);
    assert.equal(quotes.precision, 0.5);
    assert.deepEqual(quotes.missed, [
      {
        speaker: 'Kaja Kallas',
        contains: 'This is the trap that they set',
        reason: 'wrong-speaker',
        predictedSpeakers: ['Kallas'],
      },
    ]);
  });

  it('does not match a quote with the right text and a wrong speaker', () => {
    const predicted = makeResult({
      actors: [kallas, makeActor('lavrov-sergey', 'Sergey Lavrov', 'RUSGOV')],
      quotes: [makeQuote('q1', 'This is the trap that they set', { actor: 'lavrov-sergey' })],
    });
    const { quotes } = scoreArticle(gold, predicted);
    assert.equal(quotes.tp, 0);
    assert.equal(quotes.predictedTp, 0);
    assert.equal(quotes.precision, 0);
    assert.deepEqual(quotes.unmatched, [
      {
        id: 'q1',
        speaker: 'Sergey Lavrov',
        kind: 'direct',
        text: 'This is the trap that they set',
      },
    ]);
  });

  it('does not match a quote that holds only part of the gold text', () => {
    const predicted = makeResult({
      actors: [kallas],
      quotes: [makeQuote('q1', 'This is the trap', { actor: 'kallas-kaja' })],
    });
    const { quotes } = scoreArticle(gold, predicted);
    assert.equal(quotes.tp, 0);
    assert.equal(quotes.missed[0]?.reason, 'not-found');
  });

  it('counts a quote matching a required: false gold quote as no false positive', () => {
    const predicted = makeResult({
      quotes: [
        makeQuote('q1', 'Putin is avoiding a meeting', { text: 'Ukrainian TV' }, 'indirect'),
      ],
    });
    const { quotes } = scoreArticle(gold, predicted);
    assert.equal(quotes.tp, 0);
    assert.equal(quotes.gold, 2);
    assert.equal(quotes.predictedTp, 1);
    assert.equal(quotes.precision, 1);
  });

  it('reports kind accuracy apart, without making a wrong kind a miss', () => {
    const predicted = makeResult({
      actors: [kallas],
      quotes: [
        makeQuote('q1', 'This is the trap that they set', { actor: 'kallas-kaja' }, 'indirect'),
        makeQuote('q2', "Lavrov said Moscow can't agree", { text: 'Sergey Lavrov' }, 'indirect'),
      ],
    });
    const { quotes } = scoreArticle(gold, predicted);
    assert.equal(quotes.tp, 2);
    assert.deepEqual(quotes.kind, { hits: 1, total: 2, ratio: 0.5 });
  });

  it('gives a null kind accuracy and precision when nothing was found or predicted', () => {
    const { quotes } = scoreArticle(gold, makeResult());
    assert.deepEqual(quotes.kind, { hits: 0, total: 0, ratio: null });
    assert.equal(quotes.recall, 0);
    assert.equal(quotes.precision, null);
    assert.equal(quotes.f1, null);
  });

  it('matches a speaker the KB spells otherwise through the gold actor it names', () => {
    const withActors: ArticleGold = {
      file: 'a.txt',
      actors: [
        { name: 'Adel Abdul Mahdi', code: ['IRQGOV'], mentions: ['Adel Abdul Mahdi', 'Mahdi'] },
      ],
      quotes: [
        { speaker: 'Adel Abdul Mahdi', kind: 'indirect', contains: 'the deal was historic' },
      ],
    };
    const kbSpelling = makeActor('abdul-mahdi-adil', 'Adil Abdul-Mahdi', 'IRQGOV', [
      'Adel Abdul Mahdi',
    ]);
    const otherActor = makeActor('allawi-ayad', 'Ayad Allawi', 'IRQGOV', ['Allawi']);
    const right = makeResult({
      actors: [kbSpelling],
      quotes: [makeQuote('q1', 'the deal was historic', { actor: 'abdul-mahdi-adil' }, 'indirect')],
    });
    assert.equal(scoreArticle(withActors, right).quotes.tp, 1);
    // Another actor, or a gold speaker that is no gold actor, does not match.
    const wrong = makeResult({
      actors: [otherActor],
      quotes: [makeQuote('q1', 'the deal was historic', { actor: 'allawi-ayad' }, 'indirect')],
    });
    assert.equal(scoreArticle(withActors, wrong).quotes.tp, 0);
    const noActors = { ...withActors, actors: [] };
    assert.equal(scoreArticle(noActors, right).quotes.tp, 0);
  });
});
