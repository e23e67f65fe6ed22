import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  anyCodeMatches,
  codeMatches,
  normaliseCode,
  normaliseName,
  normaliseQuoteText,
} from '../../../src/eval/codes.js';

describe('codeMatches', () => {
  it('matches a predicted code that starts with the gold code', () => {
    assert.equal(codeMatches('RUS', 'RUSGOV'), true);
    assert.equal(codeMatches('RUS', 'RUS'), true);
  });

  it('matches a vague predicted code of at least 3 letters that the gold code starts with', () => {
    assert.equal(codeMatches('BLROPP', 'BLR'), true);
    assert.equal(codeMatches('RUSGOV', 'RUS'), true);
  });

  it('does not match a 2-letter predicted prefix', () => {
    assert.equal(codeMatches('RUSGOV', 'RU'), false);
    assert.equal(codeMatches('BLR', 'BL'), false);
  });

  it('does not match different codes or different sectors', () => {
    assert.equal(codeMatches('RUS', 'UKRGOV'), false);
    assert.equal(codeMatches('RUSGOV', 'RUSMIL'), false);
    assert.equal(codeMatches('RUS', ''), false);
  });

  it('lets * match anything, null included, and nothing else match null', () => {
    assert.equal(codeMatches('*', 'USAGOV'), true);
    assert.equal(codeMatches('*', null), true);
    assert.equal(codeMatches('RUS', null), false);
  });

  it('reads the IGO shorthands as the CAMEO/Phoenix codes, on both sides', () => {
    assert.equal(codeMatches('NATO', 'IGOWSTNAT'), true);
    assert.equal(codeMatches('IGOWSTNAT', 'IGONAT'), true);
    assert.equal(codeMatches('IGOEUREEC', 'IGOEU'), true);
    assert.equal(codeMatches('IGOEU', 'IGOEUREEC'), true);
    assert.equal(codeMatches('IGOAU', 'IGOAFRAFU'), true);
    assert.equal(codeMatches('IGOEUREEC', 'IGOAU'), false);
    assert.equal(codeMatches('NATO', 'IGOEUREEC'), false);
  });

  it('ignores case and surrounding spaces in codes', () => {
    assert.equal(codeMatches('rus', ' RUSGOV '), true);
    assert.equal(normaliseCode(' nato '), 'IGOWSTNAT');
    assert.equal(normaliseCode('IGOEUREEC'), 'IGOEUREEC');
  });
});

describe('anyCodeMatches', () => {
  it('matches when any alternative matches', () => {
    assert.equal(anyCodeMatches(['IGOEUREEC', 'EST'], 'ESTGOV'), true);
    assert.equal(anyCodeMatches(['IGOEUREEC', 'EST'], 'LVA'), false);
    assert.equal(anyCodeMatches(['UKR', '*'], null), true);
    assert.equal(anyCodeMatches([], 'RUS'), false);
  });
});

describe('normaliseName', () => {
  it('ignores case, diacritics and extra whitespace', () => {
    assert.equal(normaliseName('  Volodýmyr   ZELENSKÝ '), 'volodymyr zelensky');
    assert.equal(normaliseName('Jean-Claude Juncker'), 'jean-claude juncker');
    assert.notEqual(normaliseName('Zelenskyy'), normaliseName('Zelensky'));
  });
});

describe('normaliseQuoteText', () => {
  it('removes quotation marks of every kind and ignores case and whitespace', () => {
    assert.equal(normaliseQuoteText('“This is  the TRAP”'), 'this is the trap');
    assert.equal(normaliseQuoteText('«Non» ‚so‘ „so“ ‟x‟'), 'non so so x');
    assert.equal(normaliseQuoteText("Putin's"), normaliseQuoteText('Putin’s'));
    assert.equal(normaliseQuoteText('"a"\n\t\'b\''), 'a b');
  });
});
