/**
 * `newsgraph eval` without the pipeline: reads gold files and their inputs, calls an
 * `Extract` function on each input, and scores the results. The CLI passes the real
 * pipeline; tests pass a plain function.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { NewsgraphError } from '../core/errors.js';
import type { ExtractionResult } from '../output/result.js';
import type { ArticleInput } from '../stages/ingest/input.js';
import {
  parseArticleGold,
  scoreArticle,
  sumArticleScores,
  type ArticleGold,
  type ArticleScore,
  type ArticleTotals,
} from './article.js';
import { parseJsonlLine } from './jsonl.js';
import { readPloverLines, scorePlover, type PloverScore } from './plover.js';

export { formatArticleReport, formatPloverReport } from './format.js';

export type Extract = (input: ArticleInput) => Promise<ExtractionResult>;

export interface ArticleEvalOptions {
  /** The corpus JSONL for gold files that name a corpus `id`. */
  corpusPath?: string;
  /**
   * Where the shared data lives; default `../shared` from the working directory. The corpus
   * is `corpus/wikinews-politics.jsonl` in it (unless `corpusPath` is given).
   */
  sharedDir?: string;
}

export interface ArticleEvalRow {
  /** The gold file, as given. */
  gold: string;
  /** The input scored: a text file path, or `corpus-path#id`. */
  input: string;
  score: ArticleScore;
}

export interface ArticleEvalReport {
  rows: ArticleEvalRow[];
  /** Micro-averaged over all rows. */
  total: ArticleTotals;
}

export interface PloverEvalReport extends PloverScore {
  file: string;
}

const CORPUS_FILE = path.join('corpus', 'wikinews-politics.jsonl');
const SHARED_HINT =
  'the gold samples and the Wikinews corpus live in ../shared, beside the project';

/** A corpus line: `{id, date, title, text}`. */
interface CorpusArticle {
  id: string;
  date: string | null;
  title: string | null;
  text: string;
  line: number;
}

// ---------------------------------------------------------------------------------------------
// Files

function notFound(file: string, what: string, cause: unknown): NewsgraphError {
  const message = `${what} not found: ${file} (${SHARED_HINT})`;
  return new NewsgraphError('NG_INPUT_NOT_FOUND', message, { file }, { cause });
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw notFound(file, what, error);
  }
}

/** The 1-based line of a character position in a text. */
function lineAt(text: string, position: number): number {
  return text.slice(0, position).split('\n').length;
}

function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/u.exec(reason)?.[1];
    const line = position === undefined ? undefined : lineAt(text, Number(position));
    throw new NewsgraphError('NG_JSONL_PARSE', `gold file is not valid JSON: ${reason}`, {
      file,
      ...(line === undefined ? {} : { line }),
    });
  }
}

/** Reads and validates one `*.gold.json` file. */
export async function loadArticleGold(file: string): Promise<ArticleGold> {
  const text = await readText(file, 'gold file');
  return parseArticleGold(parseJsonFile(text, file), file);
}

// ---------------------------------------------------------------------------------------------
// The corpus

function readCorpusArticle(value: unknown, file: string, line: number): CorpusArticle | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string') return null;
  if (typeof record.text !== 'string') {
    throw new NewsgraphError('NG_JSONL_RECORD', `corpus article "${record.id}" has no text`, {
      file,
      line,
    });
  }
  const date = typeof record.date === 'string' ? record.date : null;
  const title = typeof record.title === 'string' ? record.title : null;
  return { id: record.id, date, title, text: record.text, line };
}

/** Streams the corpus once and keeps the articles with the wanted ids. */
async function loadCorpusArticles(
  file: string,
  ids: ReadonlySet<string>,
): Promise<Map<string, CorpusArticle>> {
  try {
    await stat(file);
  } catch (error) {
    throw notFound(file, 'corpus', error);
  }
  const articles = new Map<string, CorpusArticle>();
  const input = createReadStream(file, 'utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      if (text.trim() === '') continue;
      const article = readCorpusArticle(parseJsonlLine(text, file, line), file, line);
      if (article && ids.has(article.id) && !articles.has(article.id)) {
        articles.set(article.id, article);
        if (articles.size === ids.size) break;
      }
    }
  } finally {
    lines.close();
    input.destroy();
  }
  return articles;
}

// ---------------------------------------------------------------------------------------------
// Articles

/** An article input and how the report names it. */
interface ResolvedInput {
  input: ArticleInput;
  label: string;
}

/** The corpus articles some gold file names, by id. */
interface CorpusIndex {
  file: string;
  articles: ReadonlyMap<string, CorpusArticle>;
}

interface LoadedGold {
  file: string;
  gold: ArticleGold;
}

function corpusPathOf(options: ArticleEvalOptions): string {
  if (options.corpusPath !== undefined) return path.resolve(options.corpusPath);
  const sharedDir = path.resolve(options.sharedDir ?? path.join('..', 'shared'));
  return path.join(sharedDir, CORPUS_FILE);
}

async function textFileInput(
  goldFile: string,
  gold: ArticleGold,
  file: string,
): Promise<ResolvedInput> {
  const inputFile = path.resolve(path.dirname(goldFile), file);
  const text = await readText(inputFile, `input of ${goldFile}`);
  const input: ArticleInput = {
    format: 'txt',
    text,
    date: gold.published ?? null,
    origin: { file: inputFile },
  };
  return { input, label: inputFile };
}

function corpusInput(
  goldFile: string,
  gold: ArticleGold,
  id: string,
  corpus: CorpusIndex,
): ResolvedInput {
  const corpusFile = corpus.file;
  const article = corpus.articles.get(id);
  if (!article) {
    throw new NewsgraphError(
      'NG_INPUT_NOT_FOUND',
      `corpus id "${id}" (named by ${goldFile}) is not in ${corpusFile} (${SHARED_HINT})`,
      { file: goldFile },
    );
  }
  const input: ArticleInput = {
    format: 'jsonl',
    id,
    title: article.title,
    text: article.text,
    date: gold.published ?? article.date,
    origin: { file: corpusFile, line: article.line },
  };
  return { input, label: `${corpusFile}#${id}` };
}

async function resolveInput(
  { file, gold }: LoadedGold,
  corpus: CorpusIndex,
): Promise<ResolvedInput> {
  if (gold.id !== undefined) return corpusInput(file, gold, gold.id, corpus);
  if (gold.file !== undefined) return textFileInput(file, gold, gold.file);
  throw new NewsgraphError('NG_JSONL_RECORD', 'gold file names no input', { file });
}

/**
 * Scores `extract` against article gold files, one at a time, in the order given. Every gold
 * file is read and checked before the first extraction; the corpus is read once, and only
 * when some gold file names a corpus id.
 */
export async function evalArticles(
  goldPaths: string[],
  extract: Extract,
  options: ArticleEvalOptions = {},
): Promise<ArticleEvalReport> {
  const golds: LoadedGold[] = [];
  for (const file of goldPaths) golds.push({ file, gold: await loadArticleGold(file) });
  const ids = new Set(golds.flatMap(({ gold }) => (gold.id === undefined ? [] : [gold.id])));
  const corpusFile = corpusPathOf(options);
  const articles =
    ids.size > 0 ? await loadCorpusArticles(corpusFile, ids) : new Map<string, CorpusArticle>();
  const corpus: CorpusIndex = { file: corpusFile, articles };

  const rows: ArticleEvalRow[] = [];
  for (const { file, gold } of golds) {
    const { input, label } = await resolveInput({ file, gold }, corpus);
    rows.push({ gold: file, input: label, score: scoreArticle(gold, await extract(input)) });
  }
  return { rows, total: sumArticleScores(rows.map((row) => row.score)) };
}

// ---------------------------------------------------------------------------------------------
// PLOVER sentences

/** Scores `extract` against a PLOVER gold JSONL file, one record at a time. */
export async function evalPlover(file: string, extract: Extract): Promise<PloverEvalReport> {
  const lines = readPloverLines(await readText(file, 'PLOVER gold file'), file);
  const predictions = new Map<string, ExtractionResult>();
  for (const { line, record } of lines) {
    const input: ArticleInput = {
      format: 'jsonl',
      id: record.id,
      title: null,
      text: record.text,
      date: record.date,
      origin: { file, line },
    };
    predictions.set(record.id, await extract(input));
  }
  const records = lines.map(({ record }) => record);
  return { file, ...scorePlover(records, predictions) };
}
