import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OffsetMap, OffsetMapBuilder, overlaps } from '../../../src/core/offsets.js';

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

test('appendRangeTo appends what slice cuts, as appendPieces would', () => {
  const b = new OffsetMapBuilder();
  b.copied(4, 100);
  b.replaced(1, 104, 5);
  b.copied(3, 109);
  b.replaced(2, 112, 2); // same length: a verbatim piece
  const map = b.build();
  for (const [start, end] of [
    [0, 10],
    [2, 7],
    [4, 5],
    [5, 9],
    [3, 3],
  ] as const) {
    const viaSlice = new OffsetMapBuilder();
    viaSlice.copied(2, 0);
    viaSlice.appendPieces(map.slice(start, end));
    const direct = new OffsetMapBuilder();
    direct.copied(2, 0);
    map.appendRangeTo(direct, start, end);
    assert.deepEqual(direct.build().toJSON(), viaSlice.build().toJSON(), `[${start}, ${end})`);
  }
});

test('a builder takes no more pieces once built: the map owns them', () => {
  const b = new OffsetMapBuilder();
  b.copied(3, 0);
  const map = b.build();
  assert.throws(() => b.copied(1, 3), /built already/);
  assert.throws(() => b.replaced(1, 3, 4), /built already/);
  assert.deepEqual(map.toJSON(), [[0, 0, 3, 3]]);
});

test('spans overlap when they share a character; touching ones do not', () => {
  assert.equal(overlaps({ start: 0, end: 5 }, { start: 4, end: 9 }), true);
  assert.equal(overlaps({ start: 4, end: 9 }, { start: 0, end: 5 }), true);
  assert.equal(overlaps({ start: 2, end: 3 }, { start: 0, end: 9 }), true);
  assert.equal(overlaps({ start: 0, end: 5 }, { start: 5, end: 9 }), false);
  assert.equal(overlaps({ start: 5, end: 9 }, { start: 0, end: 5 }), false);
});
