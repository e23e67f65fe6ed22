/**
 * Real extraction results for the store tests: short articles written for these tests, run
 * through the real extractor, with the DocumentInfo ingest would give them.
 */
import { createHash } from 'node:crypto';
import { createExtractor } from '../../../src/extract.js';
import type { ExtractionResult } from '../../../src/output/result.js';
import type { DocumentInfo, Store } from '../../../src/store/store.js';

export const ARTICLES = [
  {
    date: '2025-03-04',
    url: 'https://news.example/berlin-air-defence',
    text:
      'Berlin pledges air defence to Kyiv\n\nGermany promised on Tuesday to send two more air ' +
      'defence systems to Ukraine. "We will stand with Ukraine for as long as it takes," the ' +
      'German chancellor Friedrich Merz said in Berlin. Russia accused Germany of prolonging ' +
      'the war.',
  },
  {
    date: '2025-03-11',
    url: 'https://news.example/riyadh-talks',
    text:
      'Talks in Riyadh end without a deal\n\nUkrainian and Russian delegations met in Riyadh on ' +
      "Monday but failed to agree on a ceasefire. Ukraine's president Volodymyr Zelensky said " +
      'Moscow had rejected every proposal. The Kremlin denied that it had refused to negotiate.',
  },
  {
    date: '2025-04-02',
    url: null,
    text:
      'Beijing warns Manila over reef\n\nChina warned the Philippines on Wednesday against ' +
      'further patrols near the disputed reef. The Philippine foreign ministry said it would ' +
      'protest to Beijing. Chinese coast guard ships fired water cannon at a Philippine vessel ' +
      'last week, officials said.',
  },
  {
    date: '2025-05-20',
    url: 'https://news.example/eu-sanctions',
    text:
      'EU adopts new sanctions on Russia\n\nThe European Union imposed a new package of sanctions ' +
      'on Russia on Tuesday, targeting its oil exports. Hungary criticised the decision. "These ' +
      'sanctions hurt Europe more than Moscow," the Hungarian prime minister Viktor Orban said.',
  },
] as const;

export interface StoredArticle {
  result: ExtractionResult;
  info: DocumentInfo;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A SimHash with the given bits (0 = lowest) flipped. */
export function flipBits(simhash: string, bits: readonly number[]): string {
  let value = BigInt(`0x${simhash}`);
  for (const bit of bits) value ^= 1n << BigInt(bit);
  return value.toString(16).padStart(16, '0');
}

let extracted: Promise<StoredArticle[]> | undefined;

/** The articles' results (extracted once per test process) with their DocumentInfo. */
export function articles(): Promise<StoredArticle[]> {
  extracted ??= (async () => {
    const extractor = createExtractor();
    await extractor.init();
    return ARTICLES.map((a) => {
      const result = extractor.extract({
        format: 'txt',
        text: a.text,
        date: a.date,
        ...(a.url === null ? {} : { url: a.url }),
        origin: { file: 'test' },
      });
      const info: DocumentInfo = {
        contentHash: sha256(result.document.text),
        // Distinct articles get unrelated hashes (about 32 bits apart).
        simhash: sha256(`simhash:${result.document.text}`).slice(0, 16),
        origin: 'test',
        url: a.url,
        duplicateOf: null,
      };
      return { result, info };
    });
  })();
  return extracted;
}

/** A changed copy of an article: another id, content hash and URL unless given. */
export function variant(
  article: StoredArticle,
  id: string,
  change: (result: ExtractionResult) => void = () => undefined,
  info: Partial<DocumentInfo> = {},
): StoredArticle {
  const result = structuredClone(article.result);
  result.id = id;
  change(result);
  return {
    result,
    info: { ...article.info, contentHash: sha256(id), url: null, ...info },
  };
}

/** Every item of a listing, page after page. */
export async function all<T>(
  list: (filter: {
    limit: number;
    cursor?: string;
  }) => Promise<{ items: T[]; next: string | null }>,
  limit = 100,
  start?: string,
): Promise<T[]> {
  const items: T[] = [];
  let cursor = start;
  for (;;) {
    const page = await list(cursor === undefined ? { limit } : { limit, cursor });
    items.push(...page.items);
    if (page.next === null) return items;
    cursor = page.next;
  }
}

export async function putAll(store: Store, list: readonly StoredArticle[]): Promise<void> {
  for (const a of list) await store.put(a.result, a.info);
}
