import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MappedText } from '../../../../src/stages/ingest/mapped-text.js';
import {
  cleanMarkup,
  decodeEntities,
  dropTags,
  dropWikiMarkup,
  normaliseSpacing,
} from '../../../../src/stages/ingest/markup.js';

/** Every clean character that was copied must be the raw character its offset maps to. */
function assertMapsBack(raw: string, clean: MappedText): void {
  for (let i = 0; i < clean.text.length; i++) {
    const r = clean.map.toRaw(i);
    const ch = clean.text[i] ?? '';
    if (raw[r] === ch) continue;
    const span = clean.map.spanToRaw({ start: i, end: i + 1 });
    assert.ok(span.end > span.start || /\s/.test(ch), `char ${i} "${ch}" maps to nothing`);
  }
}

test('entities are decoded, also when encoded twice, and offsets point at them', () => {
  const raw = 'He said &quot;no&quot; &amp;mdash; twice &#8220;ok&#x201D; &eacute;t&eacute;';
  const out = decodeEntities(MappedText.raw(raw));
  assert.equal(out.text, 'He said "no" — twice “ok” été');
  const quote = out.text.indexOf('"');
  assert.deepEqual(out.map.spanToRaw({ start: quote, end: quote + 1 }), { start: 8, end: 14 });
  assertMapsBack(raw, out);
});

test('unknown entities and bare ampersands stay as they are', () => {
  assert.equal(decodeEntities(MappedText.raw('AT&T &bogus; R&D')).text, 'AT&T &bogus; R&D');
});

test('tags are dropped, block tags leave a line break, prose comparisons survive', () => {
  const out = dropTags(MappedText.raw('one<br>two <b>bold</b><!-- x --> a < b and c > d</p>end'));
  assert.equal(out.text, 'one\ntwo bold a < b and c > d\nend');
});

test('escaped tags in scraped text are decoded then dropped', () => {
  assert.equal(
    cleanMarkup(MappedText.raw('first&lt;br&gt;second &lt;!-- 0% --&gt;')).text,
    'first\nsecond',
  );
});

test('wiki links, bold, templates and tables are reduced to their text', () => {
  const raw =
    "The '''minister''' met [[Prime Minister|the premier]] and [[Oslo]]. " +
    'See [http://example.org/report the report] {{cite|x}}{| border=1 |- | cell |} and [http://example.org].';
  const out = dropWikiMarkup(MappedText.raw(raw));
  assert.equal(out.text, 'The minister met the premier and Oslo. See the report \n and .');
});

test('a trailing related-news section is dropped with everything after it', () => {
  const out = dropWikiMarkup(MappedText.raw('Body text. == Related news == * Other story * More'));
  assert.equal(out.text, 'Body text.');
});

test('spacing left by stripped links is repaired', () => {
  const raw = 'Hu Jintao , the President  of China  met Eduardo Campos  () and others .';
  const out = normaliseSpacing(MappedText.raw(raw));
  assert.equal(out.text, 'Hu Jintao, the President of China met Eduardo Campos and others.');
  assertMapsBack(raw, out);
});

test('CRLF and zero-width characters are normalised', () => {
  assert.equal(normaliseSpacing(MappedText.raw('a\r\nb\u200b c\u00a0 d')).text, 'a\nb c d');
});
