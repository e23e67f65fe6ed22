import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NewsgraphError } from '../../../../src/core/errors.js';
import { contentHash, ingestArticle, isoDate } from '../../../../src/stages/ingest/ingest.js';
import type { ArticleInput } from '../../../../src/stages/ingest/input.js';

const origin = { file: 'test' };
const txt = (text: string): ArticleInput => ({ format: 'txt', text, origin });

// An illustrative scraped page written for this test: navigation, a view counter, a photo
// credit in Cyrillic and a byline around a short article.
const PAGE = [
  'Back to top',
  '',
  '1 532',
  '',
  'Ministers fail to agree on grain corridor',
  '',
  'By Elena Marova',
  '',
  'Foreign ministers of the two countries failed to agree on Monday on reopening the corridor.',
  '',
  'Снимка: Архив',
  '',
  '"We will keep talking," the Turkish minister said.',
  '',
  'Share',
  'Comments (12)',
].join('\n');

test('a plain-text page: title, metadata and text without boilerplate', () => {
  const doc = ingestArticle(txt(PAGE), { fallbackDate: '2024-03-11' });
  assert.equal(doc.title, 'Ministers fail to agree on grain corridor');
  assert.equal(doc.metadata.views, 1532);
  assert.equal(doc.metadata.photoCredit, 'Архив');
  assert.equal(doc.metadata.byline, 'Elena Marova');
  assert.deepEqual(doc.metadata.boilerplate, ['Back to top', 'Share', 'Comments (12)']);
  assert.equal(
    doc.text,
    'Ministers fail to agree on grain corridor\n\n' +
      'Foreign ministers of the two countries failed to agree on Monday on reopening the corridor.\n\n' +
      '"We will keep talking," the Turkish minister said.',
  );
  assert.equal(doc.published, '2024-03-11');
  assert.equal(doc.id, contentHash(PAGE));
  assert.equal(doc.id.length, 16);
});

test('every offset of the clean text maps back to the same characters of the raw page', () => {
  const doc = ingestArticle(txt(PAGE));
  for (const [i, ch] of [...doc.text].entries()) {
    if (ch === '\n') continue;
    assert.equal(PAGE[doc.offsetMap.toRaw(i)], ch, `offset ${i}`);
  }
  const lead = doc.text.indexOf('Foreign');
  const raw = doc.offsetMap.spanToRaw({ start: lead, end: lead + 17 });
  assert.equal(PAGE.slice(raw.start, raw.end), 'Foreign ministers');
});

test('lines hard-wrapped inside a paragraph are joined; one-line paragraphs are kept apart', () => {
  const wrapped = ingestArticle(
    txt('Title here\nThe minister said the talks\nwould resume in May.\nA second paragraph.'),
  );
  assert.equal(
    wrapped.text,
    'Title here\n\nThe minister said the talks would resume in May.\n\nA second paragraph.',
  );
});

test('a JSONL record: title apart, entities and wiki markup cleaned, date carried', () => {
  const doc = ingestArticle(
    {
      format: 'jsonl',
      id: 'rec-1',
      title: 'Parliament &quot;dissolved&quot;',
      text: "Kyiv The '''parliament''' was dissolved , officials said &amp;mdash; [http://x.org a source] confirmed.&lt;br&gt;New paragraph. == Related news == * old",
      date: '2006-05-04',
      origin,
    },
    { fallbackDate: '2020-01-01' },
  );
  assert.equal(doc.id, 'rec-1');
  assert.equal(doc.title, 'Parliament "dissolved"');
  assert.equal(
    doc.text,
    'Parliament "dissolved"\n\nKyiv The parliament was dissolved, officials said — a source confirmed.\n\nNew paragraph.',
  );
  assert.equal(doc.published, '2006-05-04', 'the input date wins over --date');
});

test('a record without a title has a text without a title line', () => {
  const doc = ingestArticle({
    format: 'jsonl',
    title: null,
    text: 'Troops crossed the border.',
    origin,
  });
  assert.equal(doc.title, null);
  assert.equal(doc.text, 'Troops crossed the border.');
});

test('an unreadable input date falls back to --date with a warning', () => {
  const doc = ingestArticle(
    { format: 'jsonl', text: 'Talks resumed.', date: 'yesterday', origin },
    { fallbackDate: '2024-01-02' },
  );
  assert.equal(doc.published, '2024-01-02');
  assert.equal(doc.warnings[0]?.code, 'NG_WARN_DATE_IGNORED');
});

test('isoDate accepts real dates and timestamps only', () => {
  assert.equal(isoDate('2025-08-25T10:00:00Z'), '2025-08-25');
  assert.equal(isoDate('2025-02-30'), undefined);
  assert.equal(isoDate('25/08/2025'), undefined);
});

const code = (c: string) => (e: unknown) => e instanceof NewsgraphError && e.code === c;

test('bad inputs: empty, only boilerplate, binary, too large', () => {
  assert.throws(() => ingestArticle(txt('')), code('NG_INPUT_EMPTY'));
  assert.throws(() => ingestArticle(txt('  \n\n ')), code('NG_INPUT_EMPTY'));
  assert.throws(() => ingestArticle(txt('Share\n\nComments (2)\n')), code('NG_INPUT_EMPTY'));
  assert.throws(
    () => ingestArticle(txt('PK\u0003\u0004\u0000\u0000binary')),
    code('NG_INPUT_BINARY'),
  );
  assert.throws(
    () => ingestArticle(txt('Title\n\n' + 'word '.repeat(1000)), { maxChars: 100 }),
    code('NG_INPUT_TOO_LARGE'),
  );
});

test('hostile text is kept as text, never interpreted', () => {
  const hostile =
    "Title\n\n<script>alert(1)</script> Robert'); DROP TABLE events;-- ${process.exit()} \u202Eevil";
  const doc = ingestArticle(txt(hostile));
  assert.equal(doc.title, 'Title');
  assert.ok(doc.text.includes("Robert'); DROP TABLE events;-- ${process.exit()}"));
  assert.ok(!doc.text.includes('<script>'));
  assert.ok(!doc.text.includes('alert(1)'), 'script bodies are dropped');
});
