/**
 * Bytes → string, without silently producing mojibake.
 *
 * Decisions, in order: size limit, BOM, binary refusal, declared charset (caller, then `<meta>`),
 * strict UTF-8, and only then a small statistical guess among the legacy single-byte encodings
 * still served in Eastern and Western Europe. Every uncertain step leaves a warning, and inputs
 * that fit nothing are refused with a stable error code instead of being decoded lossily.
 */
import { isUtf8 } from 'node:buffer';

import { NewsgraphError, type Warning } from '../../core/errors.js';

export interface DecodeOptions {
  /** Charset declared by the caller (HTTP header, CLI option), wins over sniffing except BOM. */
  declaredCharset?: string;
  /** When true, look for <meta charset> / <meta http-equiv content-type> in the first 4 KB. */
  html?: boolean;
  /** Maximum input size in bytes; default DEFAULT_MAX_BYTES (5 MiB). */
  maxBytes?: number;
}

export interface DecodedText {
  /** The decoded text, without a BOM. */
  text: string;
  /** WHATWG encoding name actually used: 'utf-8', 'utf-16le', 'windows-1251', 'koi8-r', ... */
  encoding: string;
  source: 'bom' | 'declared' | 'meta' | 'utf8-valid' | 'ascii' | 'guess';
  /** 0..1; 1 when the bytes leave no doubt (BOM, pure ASCII). */
  confidence: number;
  warnings: Warning[];
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Binary sniffing and UTF-16 heuristics look at this prefix only, so cost stays flat. */
const SNIFF_BYTES = 8 * 1024;
/** `<meta>` must appear this early, as in the HTML prescan. */
const META_BYTES = 4 * 1024;
/** The guesser scores this prefix; the whole input is then decoded once with the winner. */
const GUESS_SAMPLE_BYTES = 64 * 1024;
/** Share of C0 control bytes (other than whitespace and ESC) above which input is binary. */
const MAX_CONTROL_SHARE = 0.03;

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(maxBytes > 0)) {
    throw new NewsgraphError('NG_USAGE', `maxBytes must be a positive number, got ${maxBytes}`);
  }
  if (bytes.length > maxBytes) {
    throw new NewsgraphError(
      'NG_INPUT_TOO_LARGE',
      `input is ${bytes.length} bytes (${formatSize(bytes.length)}), over the limit of ` +
        `${maxBytes} bytes (${formatSize(maxBytes)}); raise it with --max-bytes`,
    );
  }
  if (bytes.length === 0) throw emptyError();

  const bom = sniffBom(bytes);
  if (bom) return decodeWithBom(bytes, bom);

  const magic = sniffMagic(bytes);
  if (magic) throw new NewsgraphError('NG_INPUT_BINARY', `input looks like ${magic}, not text`);

  const warnings: Warning[] = [];
  const declared = resolveDeclared(bytes, options, warnings);

  // A caller may legitimately declare UTF-16 without a BOM; its NUL bytes are not binary then.
  if (declared && declared.encoding.startsWith('utf-16') && declared.origin === 'declared') {
    const text = decodeStrict(bytes, declared.encoding, 'declared');
    return finish(text, declared.encoding, 'declared', 1, warnings);
  }

  if (asBuffer(bytes).indexOf(0) !== -1) {
    const utf16 = sniffUtf16WithoutBom(bytes);
    if (utf16) {
      warnings.push({
        code: 'NG_WARN_ENCODING_GUESSED',
        message: `no BOM or charset declared; the NUL-byte pattern looks like ${utf16.encoding}`,
      });
      return finish(utf16.text, utf16.encoding, 'guess', 0.8, warnings);
    }
    throw new NewsgraphError('NG_INPUT_BINARY', 'input contains NUL bytes; it is binary, not text');
  }
  if (controlShare(bytes) > MAX_CONTROL_SHARE) {
    throw new NewsgraphError(
      'NG_INPUT_BINARY',
      'input is mostly control bytes in its first 8 KB; it is binary, not text',
    );
  }

  if (declared) {
    const result = decodeDeclared(bytes, declared, warnings);
    if (result) return result;
  }

  // Fast path: one strict decode; a shorter string than the byte count means multi-byte chars.
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) {
    const ascii = utf8.length === bytes.length;
    return finish(utf8, 'utf-8', ascii ? 'ascii' : 'utf8-valid', ascii ? 1 : 0.99, warnings);
  }

  return guessLegacy(bytes, warnings);
}

/**
 * The charset named by the first `<meta charset>` or `<meta http-equiv="Content-Type">` in the
 * first 4 KB, lower-cased; undefined when there is none. Works on bytes because the document's
 * encoding is not known yet (every candidate encoding is ASCII-compatible for markup).
 */
export function charsetFromHtmlHead(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes.subarray(0, META_BYTES)).replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  for (const tag of head.matchAll(/<meta\b([^>]*)>?/gi)) {
    const attrs = parseAttributes(tag[1] ?? '');
    const charset = attrs.get('charset');
    if (charset) return cleanLabel(charset);
    if (attrs.get('http-equiv')?.trim().toLowerCase() === 'content-type') {
      const match = /charset\s*=\s*["']?\s*([^\s"';]+)/i.exec(attrs.get('content') ?? '');
      if (match?.[1]) return cleanLabel(match[1]);
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// BOM, binary and UTF-16 sniffing
// ---------------------------------------------------------------------------------------------

interface Bom {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  length: number;
}

function sniffBom(bytes: Uint8Array): Bom | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  // UTF-32 BOMs overlap the UTF-16LE one; decoding them as UTF-16 would yield NUL garbage.
  const utf32le = a === 0xff && b === 0xfe && c === 0 && d === 0;
  const utf32be = a === 0 && b === 0 && c === 0xfe && d === 0xff;
  if (utf32le || utf32be) {
    throw new NewsgraphError('NG_INPUT_ENCODING', 'input is UTF-32, which is not supported');
  }
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

function decodeWithBom(bytes: Uint8Array, bom: Bom): DecodedText {
  // The WHATWG decoder strips the matching BOM itself.
  const text = decodeStrict(bytes, bom.encoding, 'bom');
  if (bom.encoding !== 'utf-8' && controlShareOfText(text) > MAX_CONTROL_SHARE) {
    throw new NewsgraphError(
      'NG_INPUT_BINARY',
      `input starts with a ${bom.encoding} BOM but decodes to control characters; it is binary`,
    );
  }
  return finish(text, bom.encoding, 'bom', 1, []);
}

const MAGIC: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61], what: 'a GIF image' },
  { bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], what: 'a GIF image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or DOCX/XLSX/ODT/EPUB document)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'a ZIP archive (empty)' },
  { bytes: [0x1f, 0x8b], what: 'gzip-compressed data' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'xz-compressed data' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'an ELF executable' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an OLE2 file (DOC/XLS)' },
];

function sniffMagic(bytes: Uint8Array): string | undefined {
  return MAGIC.find((m) => m.bytes.every((b, i) => bytes[i] === b))?.what;
}

/** C0 controls other than \t \n \r \f and ESC (used by ISO-2022 and terminal logs), plus DEL. */
function isControlByte(b: number): boolean {
  return (
    (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f
  );
}

function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let count = 0;
  for (let i = 0; i < n; i++) if (isControlByte(bytes[i]!)) count++;
  return count / n;
}

function controlShareOfText(text: string): number {
  const n = Math.min(text.length, SNIFF_BYTES);
  if (n === 0) return 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x80 && isControlByte(c)) || c === 0xfffe || c === 0xffff) count++;
  }
  return count / n;
}

/**
 * UTF-16 without a BOM: Latin/Cyrillic text puts NUL in the high byte of every space,
 * digit and ASCII letter, so NULs cluster on one parity. Binary data has them on both.
 */
function sniffUtf16WithoutBom(bytes: Uint8Array): { text: string; encoding: string } | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  const pairs = n >> 1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  let encoding: string | undefined;
  if (oddNul >= pairs * 0.1 && evenNul <= pairs * 0.01) encoding = 'utf-16le';
  else if (evenNul >= pairs * 0.1 && oddNul <= pairs * 0.01) encoding = 'utf-16be';
  if (!encoding) return undefined;
  const text = tryDecode(bytes, encoding);
  if (text === undefined || controlShareOfText(text) > 0) return undefined;
  return { text, encoding };
}

// ---------------------------------------------------------------------------------------------
// Declared charsets
// ---------------------------------------------------------------------------------------------

interface Declared {
  encoding: string;
  origin: 'declared' | 'meta';
}

/** Labels seen in the wild that the WHATWG list lacks. */
const LABEL_ALIASES: Readonly<Record<string, string>> = {
  'win-1251': 'windows-1251',
  win1251: 'windows-1251',
  'win-1250': 'windows-1250',
  win1250: 'windows-1250',
  'win-1252': 'windows-1252',
  win1252: 'windows-1252',
  koi8r: 'koi8-r',
  koi8u: 'koi8-u',
  utf: 'utf-8',
  'utf-8n': 'utf-8',
};

/** Label without quotes, spaces or trailing junk (`utf-8/>`, `koi8-r;`), lower-cased. */
function cleanLabel(label: string): string {
  return (/[^\s"';/>]+/.exec(label)?.[0] ?? '').toLowerCase();
}

const labelCache = new Map<string, string | undefined>();

/** WHATWG encoding name for a label, or undefined when neither WHATWG nor the aliases know it. */
function resolveLabel(label: string): string | undefined {
  const clean = cleanLabel(label);
  if (labelCache.has(clean)) return labelCache.get(clean);
  let encoding: string | undefined;
  try {
    encoding = new TextDecoder(LABEL_ALIASES[clean] ?? clean).encoding;
  } catch {
    encoding = undefined;
  }
  labelCache.set(clean, encoding);
  return encoding;
}

function resolveDeclared(
  bytes: Uint8Array,
  options: DecodeOptions,
  warnings: Warning[],
): Declared | undefined {
  const fromCaller = options.declaredCharset?.trim() ? options.declaredCharset : undefined;
  const label = fromCaller ?? (options.html ? charsetFromHtmlHead(bytes) : undefined);
  if (label === undefined) return undefined;
  const origin = fromCaller !== undefined ? 'declared' : 'meta';
  let encoding = resolveLabel(label);
  if (encoding === undefined) {
    warnings.push({
      code: 'NG_WARN_ENCODING_GUESSED',
      message: `unknown charset "${label}" ${origin === 'meta' ? 'in <meta>' : 'declared'} was ignored; the encoding was detected from the bytes`,
    });
    return undefined;
  }
  // HTML: a <meta> that could be read as ASCII cannot truthfully say UTF-16.
  if (origin === 'meta' && encoding.startsWith('utf-16')) encoding = 'utf-8';
  return { encoding, origin };
}

/** Undefined means "ignore the declaration and carry on sniffing" (a lying <meta>). */
function decodeDeclared(
  bytes: Uint8Array,
  declared: Declared,
  warnings: Warning[],
): DecodedText | undefined {
  const { encoding, origin } = declared;
  const where = origin === 'meta' ? '<meta> declares' : 'declared charset is';

  if (encoding === 'utf-8') {
    const text = tryDecode(bytes, 'utf-8');
    if (text !== undefined) return finish(text, 'utf-8', origin, 1, warnings);
    const offset = firstInvalidUtf8(bytes);
    if (origin === 'declared') {
      throw new NewsgraphError(
        'NG_INPUT_ENCODING',
        `declared charset is utf-8 but the bytes are not valid UTF-8: invalid sequence at byte offset ${offset}; pass the right --encoding`,
      );
    }
    // Page templates often claim UTF-8 over legacy bodies: distrust the page, not the bytes.
    warnings.push({
      code: 'NG_WARN_ENCODING_GUESSED',
      message: `<meta> declares utf-8 but the bytes are not valid UTF-8 (invalid sequence at byte offset ${offset}); the declaration was ignored`,
    });
    return undefined;
  }

  // Pages often say windows-1251 while serving UTF-8: valid multi-byte UTF-8 is no accident.
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined && utf8.length < bytes.length) {
    warnings.push({
      code: 'NG_WARN_ENCODING_GUESSED',
      message: `${where} ${encoding} but the bytes are valid UTF-8 with multi-byte characters; decoded as utf-8`,
    });
    return finish(utf8, 'utf-8', 'utf8-valid', 0.95, warnings);
  }

  const text = tryDecode(bytes, encoding);
  if (text === undefined) {
    const offset = firstInvalidOffset(bytes, encoding);
    if (origin === 'declared') {
      throw new NewsgraphError(
        'NG_INPUT_ENCODING',
        `the bytes are not valid ${encoding} (declared): invalid sequence at byte offset ${offset}; pass the right --encoding`,
      );
    }
    warnings.push({
      code: 'NG_WARN_ENCODING_GUESSED',
      message: `<meta> declares ${encoding} but the bytes are not valid ${encoding} (byte offset ${offset}); the declaration was ignored`,
    });
    return undefined;
  }

  let confidence = 0.9;
  // Declared wins, but a declaration contradicted by the letters is worth a warning.
  const model = MODEL_SPECS.find((m) => m.encoding === encoding);
  if (model && utf8 === undefined) {
    const ranked = rankCandidates(bytes.subarray(0, GUESS_SAMPLE_BYTES));
    const best = ranked[0];
    const mine = ranked.find((r) => r.encoding === encoding);
    if (best && mine && best.text !== mine.text && best.total - mine.total > SURE_MARGIN) {
      confidence = 0.5;
      warnings.push({
        code: 'NG_WARN_ENCODING_UNSURE',
        message: `${where} ${encoding} but the bytes read more naturally as ${best.encoding}; decoded as ${encoding}`,
      });
    }
  }
  return finish(text, encoding, origin, confidence, warnings);
}

// ---------------------------------------------------------------------------------------------
// Strict decoding and error offsets
// ---------------------------------------------------------------------------------------------

/** Without the DOM lib, Node's typings expose TextDecoder as a value only. */
type Decoder = InstanceType<typeof TextDecoder>;

/** Decoders are stateless between non-streaming calls, so one per encoding is reused. */
const fatalDecoders = new Map<string, Decoder>();

function fatalDecoder(encoding: string): Decoder {
  let decoder = fatalDecoders.get(encoding);
  if (!decoder) {
    decoder = new TextDecoder(encoding, { fatal: true });
    fatalDecoders.set(encoding, decoder);
  }
  return decoder;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  if (encoding === 'utf-8') return decodeUtf8(bytes);
  try {
    return fixWindows1252(fatalDecoder(encoding).decode(bytes), encoding);
  } catch {
    return undefined;
  }
}

/**
 * Strict UTF-8, BOM stripped. simdutf validation plus Buffer's decoder is faster than a fatal
 * TextDecoder, which in Node 20 leaves the SIMD path; validation is not a second decode.
 */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return asBuffer(bytes).toString('utf8', start);
}

/** Non-fatal decode (undefined bytes become U+FFFD); single-byte encodings never throw anyway. */
function decodeLoose(bytes: Uint8Array, encoding: string): string {
  return fixWindows1252(new TextDecoder(encoding).decode(bytes), encoding);
}

/** WHATWG windows-1252 for bytes 0x80–0x9F; the five undefined ones map to their C1 selves. */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node 20's TextDecoder takes a Latin-1 fast path for windows-1252 (and its labels latin1,
 * iso-8859-1, ascii), turning 0x80–0x9F into C1 controls instead of € ’ “ œ …
 * (nodejs/node#56542). Latin-1 maps byte b to U+00b, so the C1 chars mark exactly those bytes.
 */
function fixWindows1252(text: string, encoding: string): string {
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

function decodeStrict(bytes: Uint8Array, encoding: string, why: 'bom' | 'declared'): string {
  const text = tryDecode(bytes, encoding);
  if (text !== undefined) return text;
  const offset = firstInvalidOffset(bytes, encoding);
  const reason = why === 'bom' ? `starts with a ${encoding} BOM` : `is declared ${encoding}`;
  throw new NewsgraphError(
    'NG_INPUT_ENCODING',
    `input ${reason} but has an invalid sequence at byte offset ${offset}`,
  );
}

/** Length of the well-formed UTF-8 sequence starting at i (Unicode table 3-7), 0 if none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b === 0xe0) [need, lo] = [2, 0xa0];
  else if (b === 0xed) [need, hi] = [2, 0x9f];
  else if (b >= 0xe1 && b <= 0xef) need = 2;
  else if (b === 0xf0) [need, lo] = [3, 0x90];
  else if (b === 0xf4) [need, hi] = [3, 0x8f];
  else if (b >= 0xf1 && b <= 0xf3) need = 3;
  else return 0;
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    if (c === undefined || c < lo || c > hi) return 0;
    lo = 0x80;
    hi = 0xbf;
  }
  return need + 1;
}

/** Byte offset where the first ill-formed UTF-8 sequence starts, or -1 when all is valid. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

function firstInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): number {
  const n = bytes.length;
  const unit = (i: number): number =>
    littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
  for (let i = 0; i + 1 < n; i += 2) {
    const u = unit(i);
    if (u >= 0xdc00 && u <= 0xdfff) return i;
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= n) return i;
      const v = unit(i + 2);
      if (v < 0xdc00 || v > 0xdfff) return i;
      i += 2;
    }
  }
  return n % 2 === 1 ? n - 1 : -1;
}

/** Error-path only: exact for UTF-8/16, else the first byte at which a streaming decode fails. */
function firstInvalidOffset(bytes: Uint8Array, encoding: string): number {
  if (encoding === 'utf-8') return firstInvalidUtf8(bytes);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    return firstInvalidUtf16(bytes, encoding === 'utf-16le');
  }
  const failsAt = (length: number): boolean => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, length), {
        stream: true,
      });
      return false;
    } catch {
      return true;
    }
  };
  let lo = 1;
  let hi = bytes.length;
  if (!failsAt(hi)) return bytes.length - 1; // only the truncated tail is wrong
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsAt(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

// ---------------------------------------------------------------------------------------------
// The legacy single-byte guesser
// ---------------------------------------------------------------------------------------------

/**
 * Byte classes. Only bytes ≥ 0x80 differ between candidates, so only they are scored; ASCII
 * classes serve as context (word boundaries, mixed-script words).
 */
const C_OTHER = 0; // ASCII non-letter
const C_ASCII_LOWER = 1;
const C_ASCII_UPPER = 2;
const C_HIGH_LOWER = 3;
const C_HIGH_UPPER = 4;
const C_SPACE = 5; // no-break space
const C_JOINER = 6; // apostrophes and soft hyphen: legitimate inside words
const C_TYPO = 7; // typographic punctuation, fine between words
const C_SYMBOL = 8; // box drawing, maths, rare signs: implausible in prose
const C_BAD = 9; // C1 control or undefined byte

const isLetterClass = (c: number): boolean => c >= C_ASCII_LOWER && c <= C_HIGH_UPPER;
const isUpperClass = (c: number): boolean => c === C_ASCII_UPPER || c === C_HIGH_UPPER;
const isLowerClass = (c: number): boolean => c === C_ASCII_LOWER || c === C_HIGH_LOWER;

type Script = 'cyrillic' | 'latin';

/**
 * Candidate order is also the tie-break order when readings are identical: windows-1252 for
 * English with only curly quotes (which 1250 and 1251 share), koi8-r for Russian KOI8.
 */
const MODEL_SPECS: readonly { encoding: string; script: Script }[] = [
  { encoding: 'windows-1252', script: 'latin' },
  { encoding: 'windows-1251', script: 'cyrillic' },
  { encoding: 'koi8-r', script: 'cyrillic' },
  { encoding: 'koi8-u', script: 'cyrillic' },
  { encoding: 'iso-8859-5', script: 'cyrillic' },
  { encoding: 'ibm866', script: 'cyrillic' },
  { encoding: 'windows-1250', script: 'latin' },
  { encoding: 'iso-8859-2', script: 'latin' },
];

/** Cyrillic letter scores by frequency tier across Russian, Bulgarian and Ukrainian. */
const CYRILLIC_TIERS: readonly [string, number][] = [
  ['оеаинтсрвлкі', 1],
  ['мдпуяыьгзбчйъ', 0.6],
  ['хжшюцщэфїєё', 0.2],
  ['ґ', -0.5],
];
/** Any other Cyrillic letter (Serbian, Macedonian, Belarusian, old orthography). */
const CYRILLIC_RARE = -1.5;

/** Frequent letter pairs of Russian, Bulgarian and Ukrainian news prose. */
const CYRILLIC_BIGRAMS = new Set(
  (
    'ст но то на ен ов ни ра во ко ро ре пр по ал ли ор ос от ер ка ан ет не ло ел ва ом ол ат ' +
    'де ль та ит ле ам ог ла ки ны ск ие ий ть ми ви ак тр ин ем он ес ых го ое ая ия ся чт мо ' +
    'ма ди ти ве се да ед об за ич ме им ул ус ру ту ду ой ей ее ию ью из ез аз ид ав ев ив ют ' +
    'ят уд ча че жи ше ши ще бо бы бе ры ды мы вы сь нь дь рь зн гр бр др кр вл вн сп см сл ' +
    'сн ол иц ц ик ин ил ир ис им ие ег ег ен ер ес ез ем од ок ом ор ос ту ук ум ун ую ая ' +
    'ът ъл ър ъп ъм ъд ъз ъв ъс ък ъг ят са би ци ги ме ще ни ні ів ої ає ін ій іт іл ік ір ' +
    'іс ід ім ця ки ри ли зі ві рі ці сі ді лі ті мі пі кі ює єт ує їн її єм ьк ах ях ям ми'
  )
    .split(' ')
    .filter((pair) => pair.length === 2)
    .map((pair) => pair.charCodeAt(0) * 0x10000 + pair.charCodeAt(1)),
);

/** Accented letters of the Latin-script languages served in windows-1252/1250, ISO-8859-2. */
const LATIN_LANGUAGES: readonly string[] = [
  'àâæçéèêëîïôœùûüÿ', // French
  'äöüß', // German
  'áéíñóúü', // Spanish
  'áâãàçéêíóôõú', // Portuguese
  'àèéìíòóù', // Italian
  'áčďéěíňóřšťúůýž', // Czech
  'áäčďéíĺľňóôŕšťúýž', // Slovak
  'ąćęłńóśźż', // Polish
  'áéíóöőúüű', // Hungarian
  'ăâîșțşţ', // Romanian
  'čćđšž', // Croatian, Slovene, Bosnian
  'åæøäöé', // Nordic
];
const LATIN_ANY = new Set(LATIN_LANGUAGES.join(''));
/** Alphabet letters that are rare even in their own language (ŕ is what à becomes in 1250). */
const LATIN_RARE = new Set('ŕĺÿìòãõæđ');
/** Accented letters that are words on their own (French à, Italian è, ...). */
const LATIN_ONE_LETTER_WORDS = new Set('àèéóÀÈÉÓ');

/** Plausible as prose punctuation in any of the candidates. */
const TYPOGRAPHIC = new Set('«»„“”‘‚–—…•·№§°€©®™‹›±£¥¢');
const JOINERS = new Set('’ʼ\u00ad');

interface Model {
  encoding: string;
  script: Script;
  cls: Uint8Array;
  /** Base score of a high letter (Cyrillic tier, or Latin membership). */
  base: Float32Array;
  /** Lower-cased UTF-16 code of each byte, for bigram lookups. */
  lower: Uint16Array;
  /** Bit i set when the (lower-cased) letter belongs to LATIN_LANGUAGES[i]. */
  langs: Uint16Array;
  /** 1 for accented Latin letters that are implausible as a one-letter word. */
  alone: Uint8Array;
}

let models: Model[] | undefined;

/** Per-byte tables, built once, so scoring never touches strings. */
function getModels(): Model[] {
  if (models) return models;
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  models = MODEL_SPECS.map(({ encoding, script }) => {
    const chars = decodeLoose(all, encoding);
    const cls = new Uint8Array(256);
    const base = new Float32Array(256);
    const lower = new Uint16Array(256);
    const langs = new Uint16Array(256);
    const alone = new Uint8Array(256);
    for (let b = 0; b < 256; b++) {
      const ch = chars[b] ?? '\ufffd';
      const lc = ch.toLowerCase();
      lower[b] = lc.charCodeAt(0);
      if (b < 0x80) {
        cls[b] = /[a-z]/.test(ch) ? C_ASCII_LOWER : /[A-Z]/.test(ch) ? C_ASCII_UPPER : C_OTHER;
        continue;
      }
      const code = ch.charCodeAt(0);
      if (ch === '\ufffd' || (code >= 0x80 && code <= 0x9f)) cls[b] = C_BAD;
      else if (ch === '\u00a0') cls[b] = C_SPACE;
      else if (JOINERS.has(ch)) cls[b] = C_JOINER;
      else if (TYPOGRAPHIC.has(ch)) cls[b] = C_TYPO;
      else if (/\p{Script=Cyrillic}/u.test(ch) && /\p{L}/u.test(ch)) {
        cls[b] = lc === ch ? C_HIGH_LOWER : C_HIGH_UPPER;
        const tier = CYRILLIC_TIERS.find(([letters]) => letters.includes(lc));
        base[b] = script === 'cyrillic' ? (tier?.[1] ?? CYRILLIC_RARE) : -2;
      } else if (/\p{Script=Latin}/u.test(ch) && /\p{L}/u.test(ch) && !'ªº'.includes(ch)) {
        cls[b] = lc === ch ? C_HIGH_LOWER : C_HIGH_UPPER;
        base[b] = LATIN_RARE.has(lc) ? 0.3 : LATIN_ANY.has(lc) ? 1 : -1;
        if (!LATIN_ONE_LETTER_WORDS.has(ch)) alone[b] = 1;
        LATIN_LANGUAGES.forEach((letters, i) => {
          if (letters.includes(lc)) langs[b] = langs[b]! | (1 << i);
        });
      } else cls[b] = C_SYMBOL;
    }
    return { encoding, script, cls, base, lower, langs, alone };
  });
  return models;
}

interface Ranked {
  encoding: string;
  /** Mean score per byte ≥ 0x80: how plausible this reading is, independent of length. */
  avg: number;
  /** Summed score; differences between candidates are the weight of evidence. */
  total: number;
  letters: number;
  /** Decoded sample, to tell apart candidates that read these bytes identically. */
  text: string;
}

/**
 * How natural the bytes read under one model. Per high byte: letter frequency tier and common
 * bigrams (Cyrillic) or membership in a language's alphabet (Latin), minus penalties for what
 * wrong decodings produce: upper case inside lower-case words (1251 read as KOI8 and back),
 * Cyrillic letters glued to ASCII ones, words made mostly of accented letters (Cyrillic read as
 * Latin), symbols between letters, C1 controls, and alphabets from several languages at once.
 */
function scoreSample(bytes: Uint8Array, m: Model): { avg: number; total: number; letters: number } {
  const { cls, base, lower, langs, alone } = m;
  const cyrillic = m.script === 'cyrillic';
  const n = bytes.length;
  let total = 0;
  let high = 0;
  let letters = 0;
  let asciiLetters = 0;
  let highLetters = 0;
  let upperHigh = 0;
  const langHits = new Array<number>(LATIN_LANGUAGES.length).fill(0);

  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    const c = cls[b]!;
    if (isLetterClass(c)) {
      let j = i;
      let ascii = 0;
      while (j < n && isLetterClass(cls[bytes[j]!]!)) {
        if (bytes[j]! < 0x80) ascii++;
        j++;
      }
      const len = j - i;
      const hi = len - ascii;
      letters += len;
      asciiLetters += ascii;
      highLetters += hi;
      high += hi;
      if (hi > 0) {
        for (let k = i; k < j; k++) {
          const x = bytes[k]!;
          if (x < 0x80) continue;
          const cx = cls[x]!;
          const prev = k > i ? bytes[k - 1]! : -1;
          const cp = prev >= 0 ? cls[prev]! : C_OTHER;
          let s = base[x]!;
          if (cx === C_HIGH_UPPER) upperHigh++;
          if (cyrillic) {
            if (ascii > 0) s = -2;
            else if (prev >= 0 && CYRILLIC_BIGRAMS.has(lower[prev]! * 0x10000 + lower[x]!)) s += 1;
          } else {
            // Cyrillic read as Latin: whole words of accented letters (Czech "tří" is fine).
            if ((hi === len && len >= 3) || (len >= 5 && hi * 2 > len)) s -= 2;
            else if (prev >= 0x80) s -= 0.5;
            else if (len === 1 && alone[x]) s -= 1;
            const mask = langs[x]!;
            for (let l = 0; l < langHits.length; l++) if (mask & (1 << l)) langHits[l]!++;
          }
          if (isUpperClass(cx) && isLowerClass(cp)) s -= 2;
          total += s;
        }
      }
      i = j;
      continue;
    }
    if (b >= 0x80) {
      high++;
      const before = i > 0 && isLetterClass(cls[bytes[i - 1]!]!);
      const after = i + 1 < n && isLetterClass(cls[bytes[i + 1]!]!);
      if (c === C_BAD) total -= 3;
      else if (c === C_SYMBOL) total -= before || after ? 2 : 1;
      else if (c === C_TYPO) total += before && after ? -2 : 0.5;
      else if (c === C_JOINER) total += before && after ? 0.5 : 0;
      else total += 0.5; // no-break space
    }
    i++;
  }

  if (cyrillic) {
    // Cyrillic bytes make up most letters of a Cyrillic document; a few among ASCII words are noise.
    const share = highLetters / Math.max(1, highLetters + asciiLetters);
    if (share < 0.5) total -= (0.5 - share) * 2 * highLetters;
    // Prose is mostly lower case; the KOI8 ↔ 1251 confusion flips it.
    if (upperHigh * 2 > highLetters) total -= 0.5 * upperHigh;
  } else {
    const latinHigh = highLetters;
    total -= 1.5 * (latinHigh - Math.max(...langHits));
  }
  return { avg: high > 0 ? total / high : 0, total, letters };
}

/** Candidates best first; ties keep MODEL_SPECS order. */
function rankCandidates(sample: Uint8Array): Ranked[] {
  return getModels()
    .map((m) => {
      const score = scoreSample(sample, m);
      return { encoding: m.encoding, ...score, text: decodeLoose(sample, m.encoding) };
    })
    .sort((a, b) => b.total - a.total);
}

/** Below this mean score per high byte, no candidate reads like prose. */
const MIN_PLAUSIBLE = 0.3;
/** Total-score margins under this are close calls (a decisive letter is worth about 3). */
const SURE_MARGIN = 8;
/** Fewer letters than this is too little evidence for any statistical guess. */
const SURE_LETTERS = 40;

function guessLegacy(bytes: Uint8Array, warnings: Warning[]): DecodedText {
  const sample = bytes.subarray(0, GUESS_SAMPLE_BYTES);
  assertNotBrokenUtf8(bytes, sample);
  const ranked = rankCandidates(sample);
  const best = ranked[0]!;
  if (best.avg < MIN_PLAUSIBLE) {
    throw new NewsgraphError(
      'NG_INPUT_ENCODING',
      'input is not valid UTF-8 and no single-byte encoding fits; pass --encoding',
    );
  }
  const second = ranked.find((r) => r.text !== best.text);
  const margin = second ? best.total - second.total : Infinity;
  const marginPart = Math.min(1, margin / 30);
  const lengthPart = Math.min(1, best.letters / 200);
  let confidence = 0.3 + 0.65 * marginPart * (0.4 + 0.6 * lengthPart);

  warnings.push({
    code: 'NG_WARN_ENCODING_GUESSED',
    message: `encoding not declared and not UTF-8; guessed ${best.encoding} from the letters`,
  });
  if (second && (margin < SURE_MARGIN || best.letters < SURE_LETTERS)) {
    const why = best.letters < SURE_LETTERS ? `only ${best.letters} letters` : 'close scores';
    warnings.push({
      code: 'NG_WARN_ENCODING_UNSURE',
      message: `unsure between ${best.encoding} and ${second.encoding} (${why}); pass --encoding if the text looks wrong`,
    });
    confidence = Math.min(confidence, 0.5);
  }
  const text = bytes.length === sample.length ? best.text : decodeLoose(bytes, best.encoding);
  return finish(text, best.encoding, 'guess', Math.round(confidence * 100) / 100, warnings);
}

/**
 * Mostly-valid UTF-8 with a few bad bytes is damaged UTF-8, not a legacy encoding: legacy
 * text almost never forms valid multi-byte sequences, and guessing would turn it into mojibake.
 */
function assertNotBrokenUtf8(bytes: Uint8Array, sample: Uint8Array): void {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < sample.length;) {
    const length = utf8SequenceLength(sample, i);
    if (length === 0) invalid++;
    else if (length > 1) valid++;
    i += Math.max(1, length);
  }
  if (valid >= 3 && valid >= invalid * 4) {
    throw new NewsgraphError(
      'NG_INPUT_ENCODING',
      `input looks like damaged UTF-8: the first invalid sequence is at byte offset ${firstInvalidUtf8(bytes)}, amid valid multi-byte characters; pass --encoding if it is not UTF-8`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function finish(
  text: string,
  encoding: string,
  source: DecodedText['source'],
  confidence: number,
  warnings: Warning[],
): DecodedText {
  if (!/\S/.test(text)) throw emptyError();
  return { text, encoding, source, confidence, warnings };
}

function emptyError(): NewsgraphError {
  return new NewsgraphError('NG_INPUT_EMPTY', 'input holds no text (empty or only whitespace)');
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** A Buffer view (no copy), for Node's fast byte search and decoding. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function latin1(bytes: Uint8Array): string {
  return asBuffer(bytes).toString('latin1');
}

function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s"'=<>/]+)\s*(?:=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]+)))?/g;
  for (const m of source.matchAll(re)) {
    const name = m[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}
