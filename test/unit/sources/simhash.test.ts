/**
 * SimHash: copies of one article (another byline, one sentence rewritten, other boilerplate)
 * are near-duplicates; different articles, also on the same story, are not. The texts are the
 * clean texts ingest makes of the test pages, as ingest hashes them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestArticle } from '../../../src/stages/ingest/ingest.js';
import {
  NEAR_DUPLICATE_DISTANCE,
  NEAR_DUPLICATE_JACCARD,
  hammingDistance,
  shingleJaccard,
  shingles,
  simhash,
} from '../../../src/sources/simhash.js';
import { FEED_FIXTURES } from '../../helpers/http-server.js';

function cleanText(page: string): string {
  const html = readFileSync(join(FEED_FIXTURES, 'pages', `${page}.html`), 'utf8');
  return ingestArticle({ format: 'html', html, origin: { file: page } }).text;
}

const original = cleanText('vienna-talks');
const syndicated = cleanText('vienna-talks-syndicated');
const sameStory = cleanText('vienna-talks-analysis');
const update = cleanText('vienna-talks-update');
const others = [cleanText('harbour-strike'), cleanText('drought-aid')];

const near = (a: string, b: string) =>
  hammingDistance(simhash(a), simhash(b)) <= NEAR_DUPLICATE_DISTANCE &&
  shingleJaccard(a, b) >= NEAR_DUPLICATE_JACCARD;

test('a SimHash is 16 hex digits and depends only on the words', () => {
  const h = simhash(original);
  assert.match(h, /^[0-9a-f]{16}$/);
  assert.equal(simhash(original), h, 'deterministic');
  assert.equal(
    simhash('The talks, in VIENNA, ended!'),
    simhash('the talks in vienna ended'),
    'case, punctuation and spacing do not count',
  );
  assert.notEqual(simhash('the talks in vienna ended'), simhash('the talks in berlin ended'));
  assert.match(simhash(''), /^[0-9a-f]{16}$/, 'an empty text still has a hash');
});

test('shingles are three normalised words', () => {
  assert.deepEqual(shingles('The  Talks, ended today.'), ['the talks ended', 'talks ended today']);
  assert.deepEqual(shingles('Two words'), ['two words'], 'short texts use what they have');
});

test('hamming distance counts differing bits and rejects what is not a SimHash', () => {
  assert.equal(hammingDistance('0000000000000000', '0000000000000000'), 0);
  assert.equal(hammingDistance('0000000000000000', 'ffffffffffffffff'), 64);
  assert.equal(hammingDistance('8000000000000001', '0000000000000000'), 2);
  assert.equal(hammingDistance('00000000ffffffff', 'ffffffff00000000'), 64);
  const [a, b] = [simhash(original), simhash(sameStory)];
  assert.equal(hammingDistance(a, b), hammingDistance(b, a));
  assert.throws(() => hammingDistance('xyz', a), TypeError);
  assert.throws(() => hammingDistance(`${a}0`, a), TypeError);
});

test('a syndicated copy with another byline and one rewritten sentence is a near-duplicate', () => {
  assert.notEqual(original, syndicated, 'the copies differ');
  const distance = hammingDistance(simhash(original), simhash(syndicated));
  assert.ok(distance <= NEAR_DUPLICATE_DISTANCE, `distance ${distance}`);
  assert.ok(shingleJaccard(original, syndicated) >= NEAR_DUPLICATE_JACCARD);
  assert.ok(near(original, syndicated));
});

test('different articles on the same story, and on other stories, are not', () => {
  assert.ok(!near(original, sameStory), 'an analysis of the same talks');
  const shared = shingleJaccard(original, update);
  assert.ok(shared > 0.5 && shared < NEAR_DUPLICATE_JACCARD, `update shares ${shared}`);
  assert.ok(!near(original, update), 'news of its own that reuses the background');
  assert.ok(!near(syndicated, sameStory));
  for (const other of others) {
    assert.ok(!near(original, other));
    assert.ok(hammingDistance(simhash(original), simhash(other)) > NEAR_DUPLICATE_DISTANCE);
  }
  assert.ok(!near(others[0]!, others[1]!));
});

test('Jaccard is 1 for the same shingles and 0 for none shared', () => {
  assert.equal(shingleJaccard('a b c d', 'A b, c d.'), 1);
  assert.equal(shingleJaccard('one two three', 'four five six'), 0);
  assert.equal(shingleJaccard('', ''), 1);
});
