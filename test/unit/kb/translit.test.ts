/**
 * Our Cyrillic → Latin tables (data/translit) are our own data; where ../shared holds the
 * public reference tables, each of our letters must agree with one of the standard systems
 * (once that system's marks are reduced to ASCII), so our spellings are standard ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { transliterations } from '../../../src/kb/normalize.js';
import { ROOT, SHARED } from '../../helpers/cli.js';

const OURS = JSON.parse(
  readFileSync(resolve(ROOT, 'data/translit/cyrillic-latin.json'), 'utf8'),
) as Record<string, Record<string, string> | string>;
const REFERENCE = resolve(SHARED, 'kb-sources/translit/cyrillic-latin.json');

/** Where we follow English news rather than a standard: Fyodor, Pyotr, Gorbachyov. */
const NEWS_SPELLINGS: Record<string, Record<string, string>> = { ru: { ё: 'yo' } };

/** "t͡s" → "ts", "ž" → "z", "ʹ" → "": the reference's marks reduced to plain letters. */
function ascii(latin: string): string {
  return latin
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u0361]/g, '')
    .replace(/[ʹʺ′″'’]/g, '')
    .toLowerCase();
}

test('transliteration gives the Latin spellings news uses', () => {
  // Russian, Ukrainian and Bulgarian systems (the last spells ь as "y").
  assert.deepEqual(transliterations('Зеленський').sort(), ['Zelenskiy', 'Zelenskyi', 'Zelensykiy']);
  assert.ok(transliterations('Путин').includes('Putin'));
  assert.deepEqual(transliterations('Putin'), []);
});

test(
  'each of our letters agrees with a standard system of the reference tables',
  existsSync(REFERENCE)
    ? {}
    : { skip: `${REFERENCE} is absent (the shared data lives in ../shared)` },
  () => {
    const reference = JSON.parse(readFileSync(REFERENCE, 'utf8')) as Record<
      string,
      Record<string, [string, string][]>
    >;
    // Bulgarian follows the Streamlined System (zh, ch, sht), which the reference tables do
    // not hold (they have the scholarly ž, č, ŝ): only Russian and Ukrainian are compared.
    for (const language of ['ru', 'uk']) {
      const ours = OURS[language] as Record<string, string>;
      const systems = Object.values(reference[language] ?? {});
      const disagree: string[] = [];
      for (const [cyrillic, latin] of Object.entries(ours)) {
        if (!/\p{Script=Cyrillic}/u.test(cyrillic)) continue;
        if (NEWS_SPELLINGS[language]?.[cyrillic] === latin) continue;
        const standard = systems.some((pairs) =>
          pairs.some(([c, l]) => c === cyrillic && ascii(l) === latin),
        );
        // The ASCII reduction of a sign letter is "" in every system we follow.
        if (!standard && !(latin === '' && systems.some((p) => p.some(([c]) => c === cyrillic)))) {
          disagree.push(`${cyrillic}→${latin}`);
        }
      }
      assert.deepEqual(disagree, [], `${language}: letters no standard system spells so`);
    }
  },
);
