import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scoreArticle, sumArticleScores } from '../../../src/eval/article.js';
import { scorePlover } from '../../../src/eval/plover.js';
import { formatArticleReport, formatPloverReport } from '../../../src/eval/run.js';
import { makeActor, makeEvent, makeQuote, makeResult } from './helpers.js';

function articleReport() {
  const score = scoreArticle(
    {
      file: 'a.txt',
      metadata: { views: 3 },
      actors: [
        { name: 'Russia', code: 'RUS' },
        { name: 'Ukraine', code: 'UKR' },
      ],
      quotes: [{ speaker: 'Kaja Kallas', contains: 'a trap' }],
      events: [{ source: 'RUS', target: 'UKR', type: 'REJECT', evidence: 'refused' }],
    },
    makeResult({
      metadata: { views: 4 },
      actors: [makeActor('russia', 'Russia', 'RUS'), makeActor('ukraine', 'Ukraine', 'RUS')],
      quotes: [makeQuote('q1', 'it is a trap', { text: 'Kallas' })],
      events: [
        makeEvent('e1', 'REJECT', 'RUS', 'UKR', { modality: 'planned' }),
        makeEvent('e2', 'AGREE', 'RUS', null),
      ],
    }),
  );
  return {
    rows: [{ gold: 'a.gold.json', input: 'a.txt', score }],
    total: sumArticleScores([score]),
  };
}

const ARTICLE_TABLE = [
  'file         meta      actor R       actor P     quote R     quote P       event R      event P  event F1    modality',
  '---------------------------------------------------------------------------------------------------------------------',
  'a.gold.json   0/1  50.0% (1/2)  100.0% (2/2)  0.0% (0/1)  0.0% (0/1)  100.0% (1/1)  50.0% (1/2)     66.7%  0.0% (0/1)',
  '---------------------------------------------------------------------------------------------------------------------',
  'total         0/1  50.0% (1/2)  100.0% (2/2)  0.0% (0/1)  0.0% (0/1)  100.0% (1/1)  50.0% (1/2)     66.7%  0.0% (0/1)',
];

describe('formatArticleReport', () => {
  it('prints an aligned row per file and a total row', () => {
    assert.equal(formatArticleReport(articleReport()), `${ARTICLE_TABLE.join('\n')}\n`);
  });

  it('lists misses and extras per file on request', () => {
    const text = formatArticleReport(articleReport(), { misses: true });
    assert.equal(
      text,
      [
        ...ARTICLE_TABLE,
        '',
        'a.gold.json:',
        '  metadata views: gold 3, got 4',
        '  missed actor: Ukraine (UKR), wrong code: Ukraine (RUS)',
        '  missed quote: Kaja Kallas: "a trap", speakers: Kallas',
        '  extra quote: Kallas: "it is a trap"',
        '  extra event: AGREE RUS → - [e2]',
        '  wrong modality: REJECT RUS → UKR "refused": gold asserted, got planned',
        '',
      ].join('\n'),
    );
  });
});

describe('formatPloverReport', () => {
  const score = scorePlover(
    [
      {
        id: 'r1',
        date: null,
        text: 'Jordan refused.',
        type: 'REJECT',
        mode: null,
        source: [{ text: 'Jordan', code: 'JOR', sector: '' }],
        target: [],
      },
    ],
    new Map([['r1', makeResult({ events: [makeEvent('e1', 'AGREE', 'JOR', null)] })]]),
  );
  const lines = [
    'PLOVER sentences: p.jsonl (1 records)',
    '  type recall         0.0% (0/1)',
    '  type+source recall  0.0% (0/1)',
    '  type precision      0.0% (0/1)',
    '',
    'type    records      type R  type+source R  predicted  correct     P',
    '--------------------------------------------------------------------',
    'AGREE         0     - (0/0)        - (0/0)          1        0  0.0%',
    'REJECT        1  0.0% (0/1)     0.0% (0/1)          0        0     -',
  ];

  it('prints totals and the per-type table', () => {
    const text = formatPloverReport({ file: 'p.jsonl', ...score }, { misses: false });
    assert.equal(text, `${lines.join('\n')}\n`);
  });

  it('adds the misses on request', () => {
    const text = formatPloverReport({ file: 'p.jsonl', ...score }, { misses: true });
    const misses = ['', 'misses (1):', 'r1  gold REJECT  predicted AGREE', '  Jordan refused.'];
    assert.equal(text, `${[...lines, ...misses].join('\n')}\n`);
  });
});
