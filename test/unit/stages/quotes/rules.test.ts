/**
 * The quote cues of data/rules/quotes.json: loaded and checked, and bad rule files refused with
 * a stable code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewsgraphError } from '../../../../src/core/errors.js';
import { parseQuoteRules, quoteRules } from '../../../../src/stages/quotes/rules.js';

const VALID = {
  cues: [{ id: 'say', lemmas: ['say'], frames: ['that'], reason: 'r' }],
  phrases: [
    { id: 'according-to', words: ['according', 'to'], reason: 'r' },
    { id: 'quoted-as-saying', words: ['quoted', 'as', 'saying'], reason: 'r' },
  ],
  notQuoteBefore: { words: ['called'], reason: 'r' },
  representatives: { words: ['spokesman'], reason: 'r' },
  speakerNouns: { words: ['official'], reason: 'r' },
  notSpeakers: { words: ['constitution'], reason: 'r' },
};

function refused(data: unknown, pattern: RegExp): void {
  assert.throws(
    () => parseQuoteRules(data, 'rules.json'),
    (error: unknown) =>
      error instanceof NewsgraphError &&
      error.code === 'NG_PIPELINE_CONFIG' &&
      pattern.test(error.message),
  );
}

test('the production cues load, each with an id, a reason and its frames', () => {
  const rules = quoteRules();
  assert.ok(rules.cues.length >= 20);
  for (const lemma of ['say', 'tell', 'add', 'stress', 'warn', 'note', 'insist', 'claim']) {
    assert.ok(rules.byLemma.has(lemma), lemma);
  }
  for (const lemma of ['assure', 'comment', 'indicate', 'declare', 'write', 'post']) {
    assert.ok(rules.byLemma.has(lemma), lemma);
  }
  assert.deepEqual(rules.phrases.get('according-to'), ['according', 'to']);
  for (const cue of rules.cues) assert.ok(cue.reason.length > 10, cue.id);
});

test('a valid file parses', () => {
  const rules = parseQuoteRules(VALID);
  assert.equal(rules.byLemma.get('say')?.id, 'say');
  assert.equal(rules.byLemma.get('say')?.thatRequired, false);
});

test('bad rule files are refused with NG_PIPELINE_CONFIG and say what is wrong', () => {
  refused(null, /cues\[\] is required/);
  refused({ ...VALID, cues: 'say' }, /cues\[\] is required/);
  refused({ ...VALID, cues: [{ ...VALID.cues[0], id: 'Bad Id' }] }, /bad id/);
  refused({ ...VALID, cues: [{ ...VALID.cues[0], reason: '' }] }, /reason is required/);
  refused({ ...VALID, cues: [{ ...VALID.cues[0], lemmas: [] }] }, /lemmas/);
  refused({ ...VALID, cues: [{ ...VALID.cues[0], frames: ['sideways'] }] }, /unknown frame/);
  refused(
    { ...VALID, cues: [VALID.cues[0], { ...VALID.cues[0], id: 'state' }] },
    /lemma "say" is in both say and state/,
  );
  refused({ ...VALID, cues: [VALID.cues[0], VALID.cues[0]] }, /duplicate id say/);
  refused({ ...VALID, phrases: [] }, /phrase according-to is missing/);
  refused({ ...VALID, speakerNouns: { words: ['x'] } }, /speakerNouns/);
});

test('an unreadable or malformed rules file is refused, not half-loaded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-rules-'));
  const file = join(dir, 'quotes.json');
  writeFileSync(file, '{"cues": [');
  assert.throws(() => quoteRules(file), /NG_PIPELINE_CONFIG|not JSON/);
  assert.throws(() => quoteRules(join(dir, 'missing.json')), /cannot read/);
  writeFileSync(file, Buffer.from([0xff, 0xfe, 0x00, 0x01]));
  assert.throws(() => quoteRules(file), /not JSON/);
});
