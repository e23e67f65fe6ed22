import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NewsgraphError } from '../../../src/core/errors.js';
import { parseArticleGold } from '../../../src/eval/article.js';

function parseError(json: unknown): NewsgraphError {
  try {
    parseArticleGold(json, 'x.gold.json');
  } catch (error) {
    assert.ok(error instanceof NewsgraphError);
    return error;
  }
  assert.fail('expected a NewsgraphError');
}

describe('parseArticleGold', () => {
  it('accepts lists as strings or arrays and keeps only scored fields', () => {
    const gold = parseArticleGold(
      {
        file: 'a.txt',
        published: '2025-08-25',
        note: 'ignored',
        metadata: { title: 'T', boilerplate: 'Share' },
        actors: [{ name: 'Russia', code: 'RUS', mentions: 'Moscow', required: false }],
        quotes: [{ speaker: 'Lavrov', kind: ['direct', 'indirect'], contains: 'no' }],
        events: [
          { source: 'RUS', target: ['*'], type: 'THREATEN', evidence: 'e', date: { text: 'x' } },
        ],
      },
      'x.gold.json',
    );
    assert.deepEqual(gold, {
      file: 'a.txt',
      published: '2025-08-25',
      metadata: { title: 'T', boilerplate: 'Share' },
      actors: [{ name: 'Russia', code: 'RUS', mentions: 'Moscow', required: false }],
      quotes: [{ speaker: 'Lavrov', kind: ['direct', 'indirect'], contains: 'no' }],
      events: [{ source: 'RUS', target: ['*'], type: 'THREATEN', evidence: 'e' }],
    });
  });

  it('accepts a corpus id as the input', () => {
    assert.deepEqual(parseArticleGold({ id: 'wikinews-ID1' }, 'x.gold.json'), {
      id: 'wikinews-ID1',
      actors: [],
      quotes: [],
      events: [],
    });
  });

  it('rejects gold that names no input, or both inputs', () => {
    const none = parseError({ actors: [] });
    assert.equal(none.code, 'NG_JSONL_RECORD');
    assert.match(none.message, /names no input/);
    assert.equal(none.context.file, 'x.gold.json');
    assert.match(parseError({ file: 'a.txt', id: 'b' }).message, /both "file" and "id"/);
    assert.equal(parseError([]).code, 'NG_JSONL_RECORD');
  });

  it('names the malformed field', () => {
    const cases: [unknown, RegExp][] = [
      [
        { file: 'a', actors: [{ name: 'A', code: [] }] },
        /actors\[0\]\.code must not be an empty list/,
      ],
      [{ file: 'a', actors: [{ name: 'A', code: ['RUS', 3] }] }, /actors\[0\]\.code\[1\]/],
      [{ file: 'a', actors: {} }, /actors must be a list/],
      [{ file: 'a', quotes: [{ speaker: 'A', contains: '“”' }] }, /contains holds only quote/],
      [{ file: 'a', quotes: [{ speaker: 'A', contains: 'x', kind: 'said' }] }, /unknown kind/],
      [{ file: 'a', events: [{ source: 'A', type: 'AGREE' }] }, /events\[0\]\.target is missing/],
      [{ file: 'a', events: [{ source: 'A', target: 'B', type: 'X', negated: 'no' }] }, /negated/],
      [{ file: 'a', metadata: { byline: 'x' } }, /metadata\.byline is not scored/],
      [{ file: 'a', metadata: { views: '277' } }, /metadata\.views must be a number/],
      [{ file: 'a', quotes: [{ speaker: 'A', contains: 'x', required: 'no' }] }, /required/],
    ];
    for (const [json, message] of cases) {
      const error = parseError(json);
      assert.equal(error.code, 'NG_JSONL_RECORD');
      assert.match(error.message, message, JSON.stringify(json));
    }
  });
});
