/**
 * Short articles written for the export tests (our own sentences), extracted by the real
 * pipeline once per test file.
 */
import { createExtractor, type Extractor } from '../../../src/extract.js';
import type { ExtractionResult } from '../../../src/output/result.js';

/**
 * One paragraph per line. The first paragraph is the lead; the events are:
 * a refusal to meet in a city (Istanbul) on a weekday, shelling in a whole country
 * (Ukraine), an attack in a region (Darfur), a meeting in a US city (Chicago), an appeal by
 * the UN, a negated sanction, and one rejection stated twice.
 */
export const TALKS = {
  id: 'doc-talks',
  title: 'Talks stall as shelling goes on',
  date: '2025-03-04',
  url: 'https://news.example/talks',
  text: [
    'Russian President Vladimir Putin refused to meet Ukrainian President Volodymyr Zelensky in Istanbul on Tuesday.',
    'Russian forces shelled villages in Ukraine on Thursday. Sudanese troops attacked rebel positions in Darfur. Chinese officials met American diplomats in Chicago on Wednesday.',
    'The United Nations urged Russia to return to negotiations. Germany has not imposed sanctions on Hungary. Iran rejected the proposal, Iranian officials said. Iran also rejected the proposal later.',
  ].join('\n\n'),
};

/** Cells that a spreadsheet would run, quotes and line breaks, in an article's own words. */
export const HOSTILE = {
  id: 'doc-hostile',
  title: '=HYPERLINK("http://evil.example","click")',
  date: '2025-03-05',
  url: 'https://news.example/hostile,"quoted"',
  text: 'Germany accused "Russia" of lying.\n\n@Kenya sent aid to Sudan on Monday.',
};

let shared: Extractor | undefined;

export async function extractor(): Promise<Extractor> {
  if (!shared) {
    shared = createExtractor({ fallbackDate: '2025-03-04' });
    await shared.init();
  }
  return shared;
}

export async function extractArticle(article: typeof TALKS): Promise<ExtractionResult> {
  const ex = await extractor();
  return ex.extract({
    format: 'jsonl',
    id: article.id,
    title: article.title,
    text: article.text,
    date: article.date,
    url: article.url,
    origin: { file: `${article.id}.jsonl` },
  });
}

/** The JSONL line a user would write for the article (for CLI and store tests). */
export function jsonlLine(article: typeof TALKS): string {
  return JSON.stringify(article);
}
