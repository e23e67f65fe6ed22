import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyLine, datelineDate } from '../../../../src/stages/ingest/boilerplate.js';

const near = (line: string) => classifyLine(line, true);

test('navigation and AMP lines in several languages', () => {
  for (const line of [
    'Link to main version',
    'Read more',
    'Read also: Sanctions hit the banks',
    'Share',
    'Share on Facebook',
    'Comments (3)',
    '12 comments',
    'Advertisement',
    'Tags: Russia, Ukraine, sanctions',
    'Прочетете още',
    'Читайте также',
    'Коментарі (5)',
    'Weiterlesen',
  ]) {
    assert.equal(near(line)?.kind, 'navigation', line);
  }
});

test('photo credits in any language and script keep only the credit', () => {
  const cases: [string, string][] = [
    ['Photo: Jane Doe / Reuters', 'Jane Doe / Reuters'],
    ['Снимка: Пресцентър на МС', 'Пресцентър на МС'],
    ['Фото: Олена Коваль', 'Олена Коваль'],
    ['Foto: Jan Novák/ČTK', 'Jan Novák/ČTK'],
    ['Zdjęcie: PAP', 'PAP'],
    ['Source: BTA/EPA', 'BTA/EPA'],
    ['(Photo: AFP)', 'AFP'],
    ['Photo by Maria Ruiz', 'Maria Ruiz'],
    ['Illustration / Getty Images', 'Illustration / Getty Images'],
  ];
  for (const [line, credit] of cases) {
    assert.deepEqual(classifyLine(line, false), { kind: 'photoCredit', value: credit }, line);
  }
});

test('view counters, bylines and datelines only near the title', () => {
  assert.deepEqual(near('1,204'), { kind: 'views', value: 1204 });
  assert.deepEqual(near('Views: 5 310'), { kind: 'views', value: 5310 });
  assert.deepEqual(near('863 views'), { kind: 'views', value: 863 });
  assert.deepEqual(near('By Anna Petrova, Sofia'), {
    kind: 'byline',
    value: 'Anna Petrova, Sofia',
  });
  assert.equal(near('25 August 2025, 14:03')?.kind, 'dateline');
  assert.equal(near('Aug. 25, 2025')?.kind, 'dateline');
  assert.equal(near('12.03.2024 09:15')?.kind, 'dateline');
  assert.equal(classifyLine('1,204', false), undefined);
  assert.equal(classifyLine('By Anna Petrova', false), undefined);
});

test('article sentences are not boilerplate', () => {
  for (const line of [
    'Ministers will meet again in Brussels on Tuesday.',
    'By the end of the year the talks had collapsed.',
    'Share prices fell after the announcement.',
    'Photographers were kept away from the summit.',
    'The source said EPA figures were wrong.',
    'Comments by the minister drew criticism from the opposition.',
    'Read the statement in full below, officials said.',
  ]) {
    assert.equal(near(line), undefined, line);
  }
});

test('dateline dates are read only when unambiguous', () => {
  assert.equal(datelineDate('12.06.2024 10:42'), '2024-06-12');
  assert.equal(datelineDate('2025-08-25 14:03'), '2025-08-25');
  assert.equal(datelineDate('25 August 2025, 14:03'), '2025-08-25');
  assert.equal(datelineDate('Aug. 25, 2025'), '2025-08-25');
  assert.equal(datelineDate('25/08/2025'), '2025-08-25');
  assert.equal(datelineDate('05/08/2025'), undefined, 'day and month could be swapped');
  assert.equal(datelineDate('31.02.2025'), undefined);
});
