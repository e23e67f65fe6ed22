import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scoreArticle, type ArticleGold } from '../../../src/eval/article.js';
import { makeResult } from './helpers.js';

const gold: ArticleGold = {
  file: 'a.txt',
  published: '2025-08-25',
  metadata: {
    title: 'Leaders  meet in Geneva',
    views: 277,
    photoCredit: 'Photo Agency / EPA',
    boilerplate: ['Link to main version', 'Share'],
  },
};

describe('scoreArticle: metadata', () => {
  it('counts every field right when the prediction agrees (whitespace normalised)', () => {
    const predicted = makeResult({
      title: 'Leaders meet in Geneva ',
      published: '2025-08-25',
      metadata: {
        views: 277,
        photoCredit: 'Photo  Agency / EPA',
        boilerplate: ['Menu', 'Link to main version', 'Share'],
      },
    });
    const { metadata } = scoreArticle(gold, predicted);
    assert.deepEqual([metadata.hits, metadata.total, metadata.ratio], [5, 5, 1]);
    assert.deepEqual(
      metadata.fields.map((field) => field.field),
      ['title', 'views', 'photoCredit', 'boilerplate', 'published'],
    );
  });

  it('marks each differing or missing field wrong', () => {
    const predicted = makeResult({
      title: 'leaders meet in geneva',
      published: '2025-08-24',
      metadata: { views: 278, boilerplate: ['Link to main version'] },
    });
    const { metadata } = scoreArticle(gold, predicted);
    assert.deepEqual([metadata.hits, metadata.total], [0, 5]);
    assert.deepEqual(metadata.fields[2], {
      field: 'photoCredit',
      gold: 'Photo Agency / EPA',
      predicted: null,
      right: false,
    });
    assert.deepEqual(metadata.fields[3], {
      field: 'boilerplate',
      gold: ['Link to main version', 'Share'],
      predicted: ['Link to main version'],
      right: false,
    });
  });

  it('scores only the fields the gold has', () => {
    const partial: ArticleGold = { file: 'a.txt', metadata: { views: 12 } };
    const { metadata } = scoreArticle(partial, makeResult({ metadata: { views: 12 } }));
    assert.deepEqual([metadata.hits, metadata.total, metadata.ratio], [1, 1, 1]);
  });

  it('gives a null ratio when the gold has no metadata', () => {
    const { metadata } = scoreArticle({ file: 'a.txt' }, makeResult({ title: 'x' }));
    assert.deepEqual(
      { hits: metadata.hits, total: metadata.total, ratio: metadata.ratio },
      { hits: 0, total: 0, ratio: null },
    );
  });
});
