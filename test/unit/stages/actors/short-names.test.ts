/**
 * Short names of bodies the article names in full, against the production KB (whose
 * parties and courts of several countries share short names).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createExtractor } from '../../../../src/extract.js';
import type { ActorResult } from '../../../../src/output/result.js';

const extractor = createExtractor({ fallbackDate: '2006-03-01' });
await extractor.init();

function actors(text: string): ActorResult[] {
  return extractor.extract({ format: 'jsonl', title: null, text, origin: { file: 'test' } }).actors;
}

const texts = (list: ActorResult[], id: string) =>
  list
    .find((a) => a.id === id)
    ?.mentions.filter((m) => m.method !== 'coref-pronoun')
    .map((m) => `${m.text}/${m.method}`);

test('a short name of a known body named in full is that body', () => {
  const court = actors(
    'The Supreme Court of Pakistan heard the case on Monday. Lawyers said the Supreme Court would rule soon.',
  );
  assert.deepEqual(texts(court, 'pak-supreme-court'), [
    'Supreme Court of Pakistan/alias',
    'Supreme Court/coref-short-name',
  ]);
  // A party name several countries share goes to the one the article names in full.
  const labour = actors(
    'The New Zealand Labour Party spent too much on its campaign. The Labour Party said it would repay the money.',
  );
  assert.equal(
    labour.find((a) => a.id === 'labour-party-uk'),
    undefined,
    labour.map((a) => a.id).join('; '),
  );
});

test('two known bodies of one country stay two bodies', () => {
  const list = actors(
    'Republican Sinn Féin organised a counter-protest in Dublin. Sinn Féin said it had no part in the violence.',
  );
  assert.deepEqual(texts(list, 'sinn-fein'), ['Sinn Féin/alias']);
});
