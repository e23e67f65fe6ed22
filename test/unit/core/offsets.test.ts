import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OffsetMap, OffsetMapBuilder } from '../../../src/core/offsets.js';

test('identity map maps every offset to itself', () => {
  const map = OffsetMap.identity(10);
  assert.equal(map.toRaw(0), 0);
  assert.equal(map.toRaw(7), 7);
  assert.deepEqual(map.spanToRaw({ start: 2, end: 5 }), { start: 2, end: 5 });
});

test('copied pieces that continue each other merge into one', () => {
  const b = new OffsetMapBuilder();
  b.copied(3, 10);
  b.copied(4, 13);
  assert.equal(b.build().size, 1);
  assert.deepEqual(b.build().toJSON(), [[0, 10, 7, 7]]);
});

test('a replaced piece maps its clean characters to its whole raw range', () => {
  // raw: 'a &quot;b&quot;' → clean: 'a "b"'
  const b = new OffsetMapBuilder();
  b.copied(2, 0); // 'a '
  b.replaced(1, 2, 6); // '"' ← '&quot;'
  b.copied(1, 8); // 'b'
  b.replaced(1, 9, 6);
  const map = b.build();
  assert.equal(map.toRaw(3), 8);
  assert.deepEqual(map.spanToRaw({ start: 2, end: 5 }), { start: 2, end: 15 });
  assert.deepEqual(map.spanToRaw({ start: 3, end: 4 }), { start: 8, end: 9 });
});

test('a span ending where an inserted separator starts does not reach past its text', () => {
  const b = new OffsetMapBuilder();
  b.copied(5, 0); // 'Title'
  b.replaced(2, 7, 0); // '\n\n' inserted for a raw '\n\n\n' run that ends at 7
  b.copied(4, 7);
  const map = b.build();
  assert.deepEqual(map.spanToRaw({ start: 0, end: 5 }), { start: 0, end: 5 });
  assert.deepEqual(map.spanToRaw({ start: 7, end: 11 }), { start: 7, end: 11 });
});

test('slice re-bases pieces and round-trips through JSON', () => {
  const b = new OffsetMapBuilder();
  b.copied(4, 100);
  b.replaced(1, 104, 5);
  b.copied(3, 109);
  const map = b.build();
  assert.deepEqual(map.slice(2, 7), [
    { clean: 0, raw: 102, cleanLength: 2, rawLength: 2 },
    { clean: 2, raw: 104, cleanLength: 1, rawLength: 5 },
    { clean: 3, raw: 109, cleanLength: 2, rawLength: 2 },
  ]);
  assert.deepEqual(OffsetMap.fromJSON(map.toJSON()).toJSON(), map.toJSON());
});
