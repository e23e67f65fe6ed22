import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createLanguageDetector,
  guessFromScript,
  loadCld3,
} from '../../../../src/stages/language/language.js';

const EN =
  'The foreign ministers of both countries met in Vienna on Tuesday and agreed to resume the talks.';
const BG =
  'Министрите на външните работи на двете страни се срещнаха във Виена във вторник и се договориха да възобновят преговорите.';
const RU =
  'Министры иностранных дел двух стран встретились в Вене во вторник и договорились возобновить переговоры.';
const UK =
  'Міністри закордонних справ двох країн зустрілися у Відні у вівторок і домовилися відновити переговори.';
const DE =
  'Die Außenminister beider Länder trafen sich am Dienstag in Wien und vereinbarten, die Gespräche wieder aufzunehmen.';
const FR =
  'Les ministres des affaires étrangères des deux pays se sont rencontrés mardi à Vienne et ont convenu de reprendre les pourparlers.';

test('plain English is decided by the cheap check, without cld3', () => {
  const guess = createLanguageDetector().detect(EN);
  assert.equal(guess.code, 'en');
  assert.equal(guess.method, 'ascii-stopwords');
});

test('cld3 tells other languages apart', async () => {
  const cld3 = await loadCld3();
  assert.ok(cld3, 'cld3-asm must load');
  const detector = createLanguageDetector(cld3);
  assert.equal(detector.detect(BG).code, 'bg');
  assert.equal(detector.detect(RU).code, 'ru');
  assert.equal(detector.detect(UK).code, 'uk');
  assert.equal(detector.detect(DE).code, 'de');
  assert.equal(detector.detect(FR).code, 'fr');
  assert.equal(detector.detect(DE).method, 'cld3');
});

test('without cld3 the script fallback still separates Cyrillic languages', () => {
  assert.equal(guessFromScript(UK).code, 'uk');
  assert.equal(guessFromScript(RU).code, 'ru');
  assert.equal(guessFromScript(BG).code, 'bg');
  assert.equal(guessFromScript(EN).code, 'en');
  assert.equal(guessFromScript('12345 !!!').code, 'und');
});

test('a short English sentence is English, not a cld3 guess', async () => {
  const detector = createLanguageDetector(await loadCld3());
  assert.equal(detector.detect('Putin met European leaders in Moscow.').code, 'en');
  assert.equal(
    detector.detect('Russian President Vladimir Putin met Volodymyr Zelensky.').code,
    'en',
  );
  assert.equal(detector.detect('Der Präsident traf die Minister in Berlin.').code, 'de');
});
