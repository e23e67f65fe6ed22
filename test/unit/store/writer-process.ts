/**
 * A writer process for the two-writer test: opens the store, says `ready`, waits for `go` on
 * standard input, then puts every article of a JSONL file (in the order asked) and prints
 * how many were new, already there or near-duplicates.
 *
 * Usage: node --import tsx writer-process.ts STORE_URL ARTICLES.jsonl forward|backward
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { openStore } from '../../../src/store/open.js';
import type { StoredArticle } from './fixtures.js';

const [url, file, order] = process.argv.slice(2);
if (!url || !file) throw new Error('usage: writer-process.ts STORE_URL ARTICLES.jsonl ORDER');
const list = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as StoredArticle);
if (order === 'backward') list.reverse();

const store = await openStore(url);
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) if (line === 'go') break;
const counts = { new: 0, exists: 0, duplicate: 0 };
for (const article of list) counts[(await store.put(article.result, article.info)).stored]++;
await store.close();
process.stdout.write(`${JSON.stringify(counts)}\n`);
