import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { NewsgraphError, type ErrorCode } from '../../../../src/core/errors.js';
import {
  DEFAULT_MAX_BYTES,
  charsetFromHtmlHead,
  decodeBytes,
  type DecodedText,
} from '../../../../src/stages/ingest/decode.js';

// ---------------------------------------------------------------------------------------------
// Fixtures: short news-like sentences written for these tests, encoded here byte by byte.
// ---------------------------------------------------------------------------------------------

const RU =
  'Правительство объявило в понедельник, что новые выборы пройдут осенью, а оппозиция ' +
  'потребовала независимого наблюдения.';
const BG =
  'Министрите се събраха в четвъртък, за да обсъдят бюджета за следващата година и помощта ' +
  'за земеделците.';
const UK =
  'Уряд України повідомив у середу, що переговори щодо нової угоди про експорт зерна ' +
  'продовжаться наступного тижня.';
const DE =
  'Die Bundesregierung hat am Dienstag beschlossen, die Förderung für Brücken und Straßen im ' +
  'Süden zu erhöhen.';
const FR =
  'Le président a déclaré mercredi que la réforme des retraites sera présentée à l’Assemblée ' +
  'après les élections. Les syndicats répondent qu’ils manifesteront dès la semaine prochaine.';
const CS =
  'Vláda ve čtvrtek schválila návrh zákona, který má zjednodušit žádosti o příspěvek na ' +
  'bydlení. Ministr řekl, že změny začnou platit od ledna a dotknou se zhruba tří set tisíc ' +
  'domácností.';
const PL = 'Rząd ogłosił w piątek, że zwiększy wydatki na obronę i ochronę granic.';
const EN = 'The ministers met on Tuesday to discuss the budget and the border talks.';

/**
 * Node 20's TextDecoder reads windows-1252 as plain Latin-1 (nodejs/node#56542), so the test
 * oracle spells out the WHATWG mapping of 0x80–0x9F instead of trusting the decoder under test.
 */
const WINDOWS_1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function byteTable(label: string): string {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  const table = new TextDecoder(label).decode(all);
  if (label !== 'windows-1252') return table;
  return table.slice(0, 0x80) + WINDOWS_1252_80_9F + table.slice(0xa0);
}

/** Encodes text into a single-byte legacy encoding with a reverse of the decoder's table. */
function encodeLegacy(text: string, label: string): Uint8Array {
  const reverse = new Map<string, number>();
  [...byteTable(label)].forEach((ch, byte) => {
    if (!reverse.has(ch)) reverse.set(ch, byte);
  });
  return Uint8Array.from([...text], (ch) => {
    const byte = reverse.get(ch);
    if (byte === undefined) throw new Error(`fixture: ${ch} cannot be encoded in ${label}`);
    return byte;
  });
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (order === 'le' ? 0 : 1)] = u & 0xff;
    out[2 * i + (order === 'le' ? 1 : 0)] = u >> 8;
  }
  return out;
}

function concat(...parts: (Uint8Array | number[] | string)[]): Uint8Array {
  const arrays = parts.map((p) =>
    typeof p === 'string' ? utf8(p) : p instanceof Uint8Array ? p : Uint8Array.from(p),
  );
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/** mulberry32: small, seeded, so "random" inputs are the same on every run. */
function seededBytes(seed: number, length: number, map: (b: number) => number = (b) => b) {
  let s = seed >>> 0;
  return Uint8Array.from({ length }, () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return map(((t ^ (t >>> 14)) >>> 0) & 0xff);
  });
}

function fails(code: ErrorCode, message?: RegExp) {
  return (e: unknown): boolean => {
    assert.ok(e instanceof NewsgraphError, `expected NewsgraphError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    return true;
  };
}

function codes(result: DecodedText): string[] {
  return result.warnings.map((w) => w.code);
}

function assertGuessed(result: DecodedText, text: string, encoding: string): void {
  assert.equal(result.text, text);
  assert.equal(result.encoding, encoding);
  assert.equal(result.source, 'guess');
  assert.ok(result.confidence > 0 && result.confidence < 1, `confidence ${result.confidence}`);
  const guessed = result.warnings.find((w) => w.code === 'NG_WARN_ENCODING_GUESSED');
  assert.ok(guessed, 'NG_WARN_ENCODING_GUESSED expected');
  assert.match(guessed.message, new RegExp(encoding));
}

// ---------------------------------------------------------------------------------------------

describe('decodeBytes: size and emptiness', () => {
  it('refuses input over maxBytes, naming size, limit and --max-bytes', () => {
    assert.throws(
      () => decodeBytes(utf8('x'.repeat(100)), { maxBytes: 50 }),
      fails('NG_INPUT_TOO_LARGE', /100 bytes.*50 bytes.*--max-bytes/),
    );
  });

  it('accepts input of exactly maxBytes', () => {
    assert.equal(decodeBytes(utf8('x'.repeat(50)), { maxBytes: 50 }).text, 'x'.repeat(50));
  });

  it('defaults the limit to 5 MiB', () => {
    assert.equal(DEFAULT_MAX_BYTES, 5 * 1024 * 1024);
    const big = new Uint8Array(DEFAULT_MAX_BYTES + 1).fill(0x61);
    assert.throws(() => decodeBytes(big), fails('NG_INPUT_TOO_LARGE'));
  });

  it('refuses empty, whitespace-only and BOM-only input', () => {
    const empties = [
      new Uint8Array(0),
      utf8(' \n\t\r\n  '),
      Uint8Array.of(0xef, 0xbb, 0xbf),
      concat([0xef, 0xbb, 0xbf], '  \n'),
      utf16(' \n', 'le', true),
      utf8('\u00a0\u2003\n'), // no-break and em spaces
    ];
    for (const bytes of empties) {
      assert.throws(() => decodeBytes(bytes), fails('NG_INPUT_EMPTY'), String([...bytes]));
    }
  });
});

describe('decodeBytes: BOM', () => {
  it('decodes UTF-8 with a BOM and strips it', () => {
    const result = decodeBytes(concat([0xef, 0xbb, 0xbf], RU));
    assert.deepEqual(result, {
      text: RU,
      encoding: 'utf-8',
      source: 'bom',
      confidence: 1,
      warnings: [],
    });
  });

  it('decodes UTF-16LE and UTF-16BE with a BOM', () => {
    const le = decodeBytes(utf16(UK, 'le', true));
    assert.equal(le.text, UK);
    assert.equal(le.encoding, 'utf-16le');
    assert.equal(le.source, 'bom');
    const be = decodeBytes(utf16(BG + ' 😀', 'be', true));
    assert.equal(be.text, BG + ' 😀');
    assert.equal(be.encoding, 'utf-16be');
    assert.equal(be.source, 'bom');
  });

  it('lets a BOM win over a declared charset', () => {
    const result = decodeBytes(concat([0xef, 0xbb, 0xbf], BG), { declaredCharset: 'koi8-r' });
    assert.equal(result.text, BG);
    assert.equal(result.source, 'bom');
  });

  it('refuses a lone surrogate after a UTF-16 BOM, with its byte offset', () => {
    const bytes = Uint8Array.of(0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00);
    assert.throws(() => decodeBytes(bytes), fails('NG_INPUT_ENCODING', /byte offset 4\b/));
  });

  it('refuses invalid UTF-8 after a UTF-8 BOM', () => {
    const bytes = concat([0xef, 0xbb, 0xbf], 'abc', [0xff], 'def');
    assert.throws(() => decodeBytes(bytes), fails('NG_INPUT_ENCODING', /byte offset 6\b/));
  });

  it('refuses UTF-32 rather than misreading it as UTF-16', () => {
    const bytes = Uint8Array.of(0xff, 0xfe, 0, 0, 0x41, 0, 0, 0);
    assert.throws(() => decodeBytes(bytes), fails('NG_INPUT_ENCODING', /UTF-32/));
  });
});

describe('decodeBytes: binary input', () => {
  it('refuses text containing NUL bytes', () => {
    const bytes = concat('Some text', [0], 'more text that goes on for a while longer');
    assert.throws(() => decodeBytes(bytes), fails('NG_INPUT_BINARY', /NUL/));
  });

  it('names common binary formats by their magic numbers', () => {
    const cases: [number[] | string, RegExp][] = [
      ['%PDF-1.7\n%âãÏÓ\n1 0 obj', /PDF/],
      [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x12, 0x34], /PNG/],
      [[0xff, 0xd8, 0xff, 0xe0, 0x10, 0x4a, 0x46, 0x49, 0x46], /JPEG/],
      ['GIF89a\x01\x02', /GIF/],
      [[0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], /ZIP.*DOCX/],
      [[0x1f, 0x8b, 0x08, 0x00, 0x11, 0x22], /gzip/],
      [[0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01], /ELF/],
    ];
    for (const [bytes, name] of cases) {
      assert.throws(() => decodeBytes(concat(bytes)), fails('NG_INPUT_BINARY', name));
    }
  });

  it('refuses random bytes from a fixed seed', () => {
    assert.throws(() => decodeBytes(seededBytes(20240501, 4096)), fails('NG_INPUT_BINARY'));
  });

  it('refuses a high share of control bytes even without NUL', () => {
    const bytes = seededBytes(7, 2000, (b) => (b % 3 === 0 ? 1 + (b % 8) : 0x41 + (b % 26)));
    assert.throws(() => decodeBytes(bytes), fails('NG_INPUT_BINARY', /control/));
  });

  it('tolerates tabs, form feeds and ESC in text', () => {
    const text = 'Col A\tCol B\fpage two \x1b[1mbold\x1b[0m\r\n';
    assert.equal(decodeBytes(utf8(text)).text, text);
  });

  it('decodes UTF-16 without a BOM from its NUL pattern, with a warning', () => {
    const le = decodeBytes(utf16(EN, 'le', false));
    assert.equal(le.text, EN);
    assert.equal(le.encoding, 'utf-16le');
    assert.equal(le.source, 'guess');
    assert.deepEqual(codes(le), ['NG_WARN_ENCODING_GUESSED']);

    const be = decodeBytes(utf16(RU, 'be', false));
    assert.equal(be.text, RU);
    assert.equal(be.encoding, 'utf-16be');
  });

  it('decodes BOM-less UTF-16 that the caller declared, without a warning', () => {
    const result = decodeBytes(utf16(UK, 'le', false), { declaredCharset: 'utf-16le' });
    assert.equal(result.text, UK);
    assert.equal(result.source, 'declared');
    assert.deepEqual(result.warnings, []);
  });
});

describe('decodeBytes: UTF-8', () => {
  it('reports pure ASCII as ascii with full confidence', () => {
    assert.deepEqual(decodeBytes(utf8(EN)), {
      text: EN,
      encoding: 'utf-8',
      source: 'ascii',
      confidence: 1,
      warnings: [],
    });
  });

  it('decodes UTF-8 without a BOM', () => {
    const text = `${RU}\n${BG}\n${UK}\n${CS} — €5 😀`;
    const result = decodeBytes(utf8(text));
    assert.equal(result.text, text);
    assert.equal(result.encoding, 'utf-8');
    assert.equal(result.source, 'utf8-valid');
    assert.deepEqual(result.warnings, []);
  });

  it('refuses damaged UTF-8 instead of guessing mojibake, with the offset', () => {
    const good = utf8(RU);
    // Drop the second byte of a two-byte Cyrillic letter: its lead byte is left orphaned.
    const cut = good.findIndex((b, i) => i > 40 && b >= 0x80 && b < 0xc0);
    assert.ok(good[cut - 1]! >= 0xd0 && good[cut - 1]! <= 0xd1);
    const broken = concat(good.subarray(0, cut), good.subarray(cut + 1));
    assert.throws(
      () => decodeBytes(broken),
      fails('NG_INPUT_ENCODING', new RegExp(`byte offset ${cut - 1}\\b`)),
    );
  });

  it('refuses invalid UTF-8 that no single-byte encoding fits', () => {
    const bytes = seededBytes(99, 400, (b) => 0x80 | b);
    assert.throws(
      () => decodeBytes(bytes),
      fails('NG_INPUT_ENCODING', /no single-byte encoding fits; pass --encoding/),
    );
  });
});

describe('decodeBytes: declared charsets', () => {
  it('decodes a charset declared by the caller, normalising its label', () => {
    const bytes = encodeLegacy(RU, 'windows-1251');
    for (const label of ['windows-1251', 'CP1251', ' "Windows-1251" ', 'win-1251']) {
      const result = decodeBytes(bytes, { declaredCharset: label });
      assert.equal(result.text, RU, label);
      assert.equal(result.encoding, 'windows-1251');
      assert.equal(result.source, 'declared');
      assert.deepEqual(result.warnings, []);
    }
  });

  it('decodes windows-1252 punctuation correctly despite the Node Latin-1 shortcut', () => {
    const text = '„Die Preise steigen um 3 €“, sagte der Minister – ein Œuvre.';
    const result = decodeBytes(encodeLegacy(text, 'windows-1252'), { declaredCharset: 'latin1' });
    assert.equal(result.text, text);
    assert.equal(result.encoding, 'windows-1252');
  });

  it('decodes with the <meta charset> of an HTML page', () => {
    const html = `<html><head><meta charset="windows-1251"><title>Новини</title></head><body><p>${BG}</p></body></html>`;
    const result = decodeBytes(encodeLegacy(html, 'windows-1251'), { html: true });
    assert.equal(result.text, html);
    assert.equal(result.encoding, 'windows-1251');
    assert.equal(result.source, 'meta');
  });

  it('decodes with a <meta http-equiv="Content-Type"> charset', () => {
    const html = `<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=koi8-r"></HEAD><BODY>${RU}</BODY></HTML>`;
    const result = decodeBytes(encodeLegacy(html, 'koi8-r'), { html: true });
    assert.equal(result.text, html);
    assert.equal(result.encoding, 'koi8-r');
    assert.equal(result.source, 'meta');
  });

  it('ignores <meta> unless html is set, and lets the caller win over it', () => {
    const html = `<meta charset="koi8-r"><p>${RU}</p>`;
    const bytes = encodeLegacy(html, 'windows-1251');
    assert.equal(decodeBytes(bytes).source, 'guess');
    const declared = decodeBytes(bytes, { html: true, declaredCharset: 'windows-1251' });
    assert.equal(declared.text, html);
    assert.equal(declared.source, 'declared');
  });

  it('refuses a declared utf-8 that is not valid UTF-8, giving the byte offset', () => {
    const bytes = concat('Hello, world: ', [0xe9], 'te');
    assert.throws(
      () => decodeBytes(bytes, { declaredCharset: 'UTF-8' }),
      fails('NG_INPUT_ENCODING', /byte offset 14\b/),
    );
  });

  it('refuses bytes undefined in a declared legacy charset, giving the byte offset', () => {
    const bytes = concat('abc', [0xd2], 'def'); // 0xD2 is unassigned in windows-1253
    assert.throws(
      () => decodeBytes(bytes, { declaredCharset: 'windows-1253' }),
      fails('NG_INPUT_ENCODING', /windows-1253.*byte offset 3\b/),
    );
  });

  it('points at a truncated multi-byte character at the end of a declared charset', () => {
    const bytes = concat('abc', [0x82]); // a Shift_JIS lead byte with nothing after it
    assert.throws(
      () => decodeBytes(bytes, { declaredCharset: 'shift_jis' }),
      fails('NG_INPUT_ENCODING', /shift_jis.*byte offset 3\b/),
    );
  });

  it('reads a <meta> claiming UTF-16 as UTF-8, as browsers do', () => {
    const html = `<meta charset="utf-16"><p>${BG}</p>`;
    const result = decodeBytes(utf8(html), { html: true });
    assert.equal(result.text, html);
    assert.equal(result.encoding, 'utf-8');
    assert.equal(result.source, 'meta');
  });

  it('ignores an unknown label with a warning and carries on sniffing', () => {
    const result = decodeBytes(utf8(UK), { declaredCharset: 'x-klingon-8' });
    assert.equal(result.text, UK);
    assert.equal(result.encoding, 'utf-8');
    assert.equal(result.source, 'utf8-valid');
    assert.deepEqual(codes(result), ['NG_WARN_ENCODING_GUESSED']);
    assert.match(result.warnings[0]!.message, /x-klingon-8/);
  });

  it('trusts valid multi-byte UTF-8 over a declared legacy charset, with a warning', () => {
    const result = decodeBytes(utf8(RU), { declaredCharset: 'windows-1251' });
    assert.equal(result.text, RU);
    assert.equal(result.encoding, 'utf-8');
    assert.equal(result.source, 'utf8-valid');
    assert.deepEqual(codes(result), ['NG_WARN_ENCODING_GUESSED']);
    assert.match(result.warnings[0]!.message, /windows-1251.*valid UTF-8/);
  });

  it('keeps ASCII under a declared legacy charset as declared', () => {
    const result = decodeBytes(utf8(EN), { declaredCharset: 'koi8-r' });
    assert.equal(result.text, EN);
    assert.equal(result.encoding, 'koi8-r');
    assert.equal(result.source, 'declared');
  });

  it('sees through a lying <meta> that claims windows-1251 over UTF-8', () => {
    const html = `<meta charset="windows-1251"><p>${UK}</p>`;
    const result = decodeBytes(utf8(html), { html: true });
    assert.equal(result.text, html);
    assert.equal(result.encoding, 'utf-8');
    assert.deepEqual(codes(result), ['NG_WARN_ENCODING_GUESSED']);
    assert.match(result.warnings[0]!.message, /<meta> declares windows-1251/);
  });

  it('sees through a lying <meta> that claims utf-8 over windows-1251', () => {
    const html = `<meta charset="utf-8"><p>${RU}</p>`;
    const result = decodeBytes(encodeLegacy(html, 'windows-1251'), { html: true });
    assert.equal(result.text, html);
    assert.equal(result.encoding, 'windows-1251');
    assert.equal(result.source, 'guess');
    assert.match(result.warnings[0]!.message, /<meta> declares utf-8.*byte offset 25\b/);
    assert.ok(codes(result).includes('NG_WARN_ENCODING_GUESSED'));
  });

  it('keeps a declared charset the letters contradict, but warns', () => {
    const bytes = encodeLegacy(RU, 'koi8-r');
    const result = decodeBytes(bytes, { declaredCharset: 'windows-1251' });
    assert.equal(result.encoding, 'windows-1251');
    assert.equal(result.source, 'declared');
    assert.notEqual(result.text, RU);
    assert.deepEqual(codes(result), ['NG_WARN_ENCODING_UNSURE']);
    assert.match(result.warnings[0]!.message, /koi8-r/);
  });
});

describe('decodeBytes: guessing legacy encodings', () => {
  const cyrillic: [string, string, string][] = [
    ['Russian', RU, 'windows-1251'],
    ['Bulgarian', BG, 'windows-1251'],
    ['Ukrainian', UK, 'windows-1251'],
    ['Russian', RU, 'koi8-r'],
    ['Bulgarian', BG, 'koi8-r'],
    ['Ukrainian', UK, 'koi8-u'],
    ['Russian', RU, 'iso-8859-5'],
    ['Russian', RU, 'ibm866'],
  ];
  for (const [language, text, encoding] of cyrillic) {
    it(`guesses undeclared ${language} in ${encoding}`, () => {
      const result = decodeBytes(encodeLegacy(text, encoding));
      assertGuessed(result, text, encoding);
      assert.ok(!codes(result).includes('NG_WARN_ENCODING_UNSURE'), JSON.stringify(result));
    });
  }

  it('tells windows-1251 from KOI8 on one-sentence news items', () => {
    const sentences = [
      'Министр заявил журналистам, что переговоры зашли в тупик, но обещал продолжить их в среду.',
      'В Москве прошла встреча глав МИД России и Турции; стороны обсудили поставки зерна.',
      'НАТО и ЕС осудили удар по Харькову, сообщает агентство Reuters.',
      'Парламентът прие на първо четене промените в Изборния кодекс с гласовете на ГЕРБ и БСП.',
      'Президентът насрочи предсрочни избори за втори април, съобщиха от пресслужбата.',
      'Верховна Рада ухвалила закон про мобілізацію, його підписав президент.',
      'Київ отримав нову партію допомоги від союзників, повідомив міністр оборони.',
      'Суд у Львові відмовив у задоволенні позову щодо ціни на електроенергію.',
    ];
    for (const sentence of sentences) {
      const koi8 = /[іїєґІЇЄҐ]/.test(sentence) ? 'koi8-u' : 'koi8-r';
      for (const encoding of ['windows-1251', koi8]) {
        const result = decodeBytes(encodeLegacy(sentence, encoding));
        assert.equal(result.text, sentence, `${encoding}: ${sentence}`);
        assert.equal(result.encoding, encoding);
      }
    }
  });

  it('guesses undeclared German and French in windows-1252', () => {
    const de = decodeBytes(encodeLegacy(DE, 'windows-1252'));
    assertGuessed(de, DE, 'windows-1252');
    // ä ö ü ß read the same in all Latin candidates: nothing to be unsure about.
    assert.deepEqual(codes(de), ['NG_WARN_ENCODING_GUESSED']);
    assertGuessed(decodeBytes(encodeLegacy(FR, 'windows-1252')), FR, 'windows-1252');
  });

  it('guesses English with curly quotes as windows-1252', () => {
    const text = 'The minister said “we will not resign” after Tuesday’s vote — and left.';
    assertGuessed(decodeBytes(encodeLegacy(text, 'windows-1252')), text, 'windows-1252');
  });

  it('guesses undeclared Czech in windows-1250 and Polish in iso-8859-2', () => {
    const cs = decodeBytes(encodeLegacy(CS, 'windows-1250'));
    assertGuessed(cs, CS, 'windows-1250');
    assert.ok(!codes(cs).includes('NG_WARN_ENCODING_UNSURE'));
    assertGuessed(decodeBytes(encodeLegacy(PL, 'iso-8859-2')), PL, 'iso-8859-2');
    assertGuessed(decodeBytes(encodeLegacy(CS, 'iso-8859-2')), CS, 'iso-8859-2');
  });

  it('flags a short Cyrillic string as unsure, naming two candidates', () => {
    const text = 'Выборы в мэрию';
    const result = decodeBytes(encodeLegacy(text, 'windows-1251'));
    assertGuessed(result, text, 'windows-1251');
    const unsure = result.warnings.find((w) => w.code === 'NG_WARN_ENCODING_UNSURE');
    assert.ok(unsure, 'NG_WARN_ENCODING_UNSURE expected');
    assert.match(unsure.message, /between windows-1251 and (koi8-r|koi8-u|iso-8859-5|ibm866)/);
    assert.ok(result.confidence <= 0.5);
  });

  it('decodes the whole of a long legacy document, not just the scored sample', () => {
    const text = Array.from({ length: 800 }, (_, i) => `${i}. ${RU}`).join('\n');
    const bytes = encodeLegacy(text, 'koi8-r');
    assert.ok(bytes.length > 64 * 1024);
    assertGuessed(decodeBytes(bytes), text, 'koi8-r');
  });
});

describe('charsetFromHtmlHead', () => {
  const head = (html: string) => charsetFromHtmlHead(utf8(html));

  it('reads <meta charset> in its usual spellings', () => {
    assert.equal(head('<meta charset="UTF-8">'), 'utf-8');
    assert.equal(head("<META CHARSET = 'Windows-1251' />"), 'windows-1251');
    assert.equal(head('<meta charset=koi8-r>'), 'koi8-r');
    assert.equal(head('<meta name="x" charset=" iso-8859-2 ">'), 'iso-8859-2');
  });

  it('reads <meta http-equiv="Content-Type" content="...; charset=...">', () => {
    assert.equal(
      head('<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">'),
      'windows-1250',
    );
    assert.equal(
      head('<META content=\'text/html;charset="KOI8-U"\' http-equiv=content-type>'),
      'koi8-u',
    );
  });

  it('returns undefined without a usable declaration', () => {
    assert.equal(head('<html><head><title>charset=utf-8</title></head>'), undefined);
    assert.equal(head('<meta name="description" content="charset=koi8-r">'), undefined);
    assert.equal(head('<!-- <meta charset="koi8-r"> --><p>x</p>'), undefined);
    assert.equal(head(`${' '.repeat(4096)}<meta charset="koi8-r">`), undefined);
  });

  it('takes the first declaration', () => {
    assert.equal(head('<meta charset="utf-8"><meta charset="windows-1251">'), 'utf-8');
  });
});
