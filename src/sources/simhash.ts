/**
 * Near-duplicate detection: a 64-bit SimHash (Charikar 2002; Manku et al. 2007 for web pages)
 * over 3-word shingles of the normalised text. Copies of one article that differ in a byline,
 * a dateline or an edited sentence land within a few bits of each other; different articles
 * land 32 bits apart on average, as any two unrelated 64-bit values do.
 *
 * Each shingle is hashed to 64 bits as two 32-bit halves: FNV-1a with two different offset
 * bases, each passed through MurmurHash3's finaliser (fmix32), which spreads FNV's weakly
 * mixed last byte over all bits. Plain 32-bit integer arithmetic keeps it fast (no BigInt).
 */

/** Words per shingle. */
export const SHINGLE_WORDS = 3;

/**
 * Hamming distance at or below which a stored document is a near-duplicate candidate, and
 * the share of 3-word shingles two texts must have in common (Jaccard) to confirm it.
 * Both chosen by measurement on the Wikinews politics corpus (docs/ingest.md):
 * - edited copies of 600 articles: a changed byline, or a dateline and a boilerplate line,
 *   are found (both tests pass) for 99.8 %; one rewritten sentence for 82 %, all three
 *   edits at once for 75 % (short articles change most with an edit);
 * - the 7.7 million pairs of the 3,936 different articles: none within 9 bits, 5 within 12
 *   (6.5e-7 a pair), so with 10,000 articles stored SimHash alone would link about one new
 *   article in 150 to an unrelated one by chance;
 * - ingesting the whole corpus, the SimHash test and a Jaccard of 0.5 linked two pairs: one
 *   article filed twice under two titles (Jaccard 0.84), and a report of a death that reuses
 *   the background of an earlier report on the same person (0.61). The second is news of
 *   its own, and a linked copy's events are not stored: hence 0.7, which costs 4–6 points of
 *   recall on edited copies. Counting an event twice is the lesser harm than losing one.
 */
export const NEAR_DUPLICATE_DISTANCE = 12;
export const NEAR_DUPLICATE_JACCARD = 0.7;

const FNV_PRIME = 0x01000193;
const FNV_BASIS_HIGH = 0x811c9dc5;
// An arbitrary second offset basis for the low half, so the halves are independent hashes.
const FNV_BASIS_LOW = 0x6e1c5e2b;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(text: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return fmix32(h);
}

/** Lower-cased words (letters and digits, NFKC), punctuation and spacing dropped. */
export function normalisedWords(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The text's 3-word shingles, in order (a text of fewer than 3 words: its words). */
export function shingles(text: string): string[] {
  const words = normalisedWords(text);
  const n = Math.max(1, words.length - SHINGLE_WORDS + 1);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}

/** Shared shingles over all shingles of the two texts (0–1). */
export function shingleJaccard(a: string, b: string): number {
  const left = new Set(shingles(a));
  const right = new Set(shingles(b));
  let shared = 0;
  for (const s of left) if (right.has(s)) shared++;
  const union = left.size + right.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** The SimHash of a text, as 16 hex digits. Each shingle counts as often as it occurs. */
export function simhash(text: string): string {
  const counts = new Int32Array(64);
  for (const shingle of shingles(text)) {
    const high = fnv1a(shingle, FNV_BASIS_HIGH);
    const low = fnv1a(shingle, FNV_BASIS_LOW);
    for (let bit = 0; bit < 32; bit++) {
      counts[bit]! += (high >>> (31 - bit)) & 1 ? 1 : -1;
      counts[32 + bit]! += (low >>> (31 - bit)) & 1 ? 1 : -1;
    }
  }
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (counts[bit]! > 0) high |= 1 << (31 - bit);
    if (counts[32 + bit]! > 0) low |= 1 << (31 - bit);
  }
  return hex32(high) + hex32(low);
}

function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

function popcount32(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Bits in which two SimHashes (16 hex digits each) differ: 0–64. */
export function hammingDistance(a: string, b: string): number {
  if (!/^[0-9a-f]{16}$/i.test(a) || !/^[0-9a-f]{16}$/i.test(b)) {
    throw new TypeError(`SimHashes are 16 hex digits: "${a}", "${b}"`);
  }
  return (
    popcount32(parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) +
    popcount32(parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16))
  );
}
