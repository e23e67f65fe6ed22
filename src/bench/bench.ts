/**
 * Throughput and memory of the whole pipeline, measured against the floor it stands on:
 * wink-nlp's own pass (readDoc, then every token's POS and lemma) over the same texts, in the
 * same process. The ratio, not the absolute speed, is what we track: it does not depend on
 * the machine.
 */
import { NewsgraphError } from '../core/errors.js';
import { percentile, readCorpus } from './measure.js';
import { createExtractor } from '../extract.js';
import type { ArticleInput } from '../stages/ingest/input.js';
import { parseJsonlRecord } from '../stages/ingest/sources.js';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { WINK_PIPE } from '../stages/segment/segment.js';

export interface BenchOptions {
  corpusPath: string;
  /** Documents read from the corpus (default: all). */
  limit?: number;
  /** Measured rounds; the median is reported (default 5). One warm-up round comes first. */
  runs?: number;
  /** Documents per chunk: the passes alternate chunk by chunk (default CHUNK). */
  chunk?: number;
}

/**
 * Documents per chunk of a round: about 0.1–0.2 s of each pass on the corpus, short against
 * the machine's slow spells, long against the timer's resolution.
 */
export const CHUNK = 50;

export interface StageRow {
  stage: string;
  msPer1000Docs: number;
  share: number;
}

export interface BenchReport {
  corpus: string;
  documents: number;
  characters: number;
  sentences: number;
  tokens: number;
  runs: number;
  /** Median wall time of one pass over the documents, ms. */
  pipelineMs: number;
  baselineMs: number;
  docsPerSecond: number;
  sentencesPerSecond: number;
  tokensPerSecond: number;
  baselineDocsPerSecond: number;
  /**
   * Pipeline throughput ÷ baseline throughput (1 = as fast as wink-nlp alone): the median of
   * the rounds' ratios.
   */
  ratioToBaseline: number;
  /** Each round's ratio, in order. */
  roundRatios: number[];
  /** Median baseline time ÷ median pipeline time (how `ratioToBaseline` was taken before). */
  ratioOfMedians: number;
  /**
   * The same against wink-nlp with only the tokenise+tag pipe the segment stage uses (no
   * negation, sentiment or entity passes): the stricter floor.
   */
  ratioToTagOnly: number;
  /** Peak resident memory of the process after the baseline's warm-up, then after all runs. */
  baselinePeakRssMB: number;
  peakRssMB: number;
  stages: StageRow[];
  node: string;
}

/** Reads corpus records as ArticleInputs; bad lines are skipped and counted. */
export function loadCorpus(path: string, limit = Infinity): ArticleInput[] {
  const inputs: ArticleInput[] = [];
  const lines = readCorpus(path).split('\n');
  for (let i = 0; i < lines.length && inputs.length < limit; i++) {
    const line = lines[i];
    if (!line?.trim()) continue;
    try {
      inputs.push(parseJsonlRecord(line, { file: path, line: i + 1 }));
    } catch {
      // A bad line is not a benchmark's concern; the extract tests cover it.
    }
  }
  if (inputs.length === 0) {
    throw new NewsgraphError('NG_INPUT_EMPTY', `no usable record in ${path}`);
  }
  return inputs;
}

const median = (values: readonly number[]) => percentile(values, 50);

const rssMB = () => process.resourceUsage().maxRSS / 1024;

/**
 * wink-nlp's own pass over the texts: readDoc, then every token's POS and lemma — what any
 * wink-based tagger must spend at least. `pipe` undefined is wink-nlp's default pipe (the
 * baseline the project committed to); WINK_PIPE is the tokenise+tag pipe our segment stage uses.
 */
function baselinePass(texts: readonly string[], nlp: ReturnType<typeof winkNLP>): number {
  const its = nlp.its;
  let sink = 0;
  for (const text of texts) {
    const tokens = nlp.readDoc(text).tokens();
    sink += tokens.out(its.pos).length;
    sink += tokens.out(its.lemma as unknown as typeof its.value).length;
  }
  return sink;
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const inputs = loadCorpus(options.corpusPath, options.limit);
  const runs = Math.max(1, options.runs ?? 5);
  // The baseline reads the same characters the pipeline is given.
  const texts = inputs.map((i) => (i.title ? `${i.title}\n\n${i.text ?? ''}` : (i.text ?? '')));
  const extractor = createExtractor();
  await extractor.init();

  let sentences = 0;
  let tokens = 0;
  let characters = 0;
  /** The pipeline over documents [from, to); the counts are of the last whole pass. */
  const pipelinePass = (from = 0, to = inputs.length): void => {
    if (from === 0) {
      sentences = 0;
      tokens = 0;
      characters = 0;
    }
    for (let i = from; i < to; i++) {
      const input = inputs[i];
      if (!input) continue;
      try {
        const doc = extractor.document(input);
        sentences += doc.sentences?.length ?? 0;
        tokens += doc.tokens?.length ?? 0;
        characters += doc.text.length;
      } catch {
        // Documents that fail (empty after cleaning) cost what they cost, like in production.
      }
    }
  };

  // Warm-up: JIT, model loading, caches.
  const defaultPipe = winkNLP(model);
  const tagOnly = winkNLP(model, WINK_PIPE);
  baselinePass(texts, defaultPipe);
  baselinePass(texts, tagOnly);
  const baselinePeakRssMB = rssMB();
  pipelinePass();
  extractor.pipeline.timings.reset();
  const baselineTimes: number[] = [];
  const tagOnlyTimes: number[] = [];
  const pipelineTimes: number[] = [];
  const timed = (pass: () => unknown): number => {
    const t0 = performance.now();
    pass();
    return performance.now() - t0;
  };
  // Each round is one pass of each kind over all documents, taken a chunk at a time: the
  // three passes over one chunk run back to back (in an order that rotates), so a slow spell
  // of the machine, which lasts seconds, slows them alike. Whole passes one after the other
  // let such spells fall on one pass only: identical code then gave round ratios of 0.41–0.70.
  const chunk = Math.max(1, options.chunk ?? CHUNK);
  for (let r = 0; r < runs; r++) {
    let baseline = 0;
    let tagged = 0;
    let pipeline = 0;
    for (let from = 0, c = 0; from < inputs.length; from += chunk, c++) {
      const to = Math.min(inputs.length, from + chunk);
      const slice = texts.slice(from, to);
      const passes = [
        () => (baseline += timed(() => baselinePass(slice, defaultPipe))),
        () => (tagged += timed(() => baselinePass(slice, tagOnly))),
        () => (pipeline += timed(() => pipelinePass(from, to))),
      ];
      for (let k = 0; k < passes.length; k++) passes[(k + c + r) % passes.length]?.();
    }
    baselineTimes.push(baseline);
    tagOnlyTimes.push(tagged);
    pipelineTimes.push(pipeline);
  }
  const peakRssMB = rssMB();

  const pipelineMs = median(pipelineTimes);
  const baselineMs = median(baselineTimes);
  // The ratio is taken within each round (its passes were interleaved chunk by chunk), and the
  // median round reported.
  const roundRatios = baselineTimes.map((b, i) => b / (pipelineTimes[i] ?? Infinity));
  const tagOnlyRatios = tagOnlyTimes.map((b, i) => b / (pipelineTimes[i] ?? Infinity));
  const timings = extractor.pipeline.timings;
  const stageTotal = [...timings.ms.values()].reduce((a, b) => a + b, 0);
  const docsMeasured = Math.max(1, runs * inputs.length);
  const stages = [...timings.ms.entries()].map(([stage, ms]) => ({
    stage,
    msPer1000Docs: (ms / docsMeasured) * 1000,
    share: stageTotal ? ms / stageTotal : 0,
  }));
  const perSecond = (n: number) => (pipelineMs ? (n / pipelineMs) * 1000 : 0);
  return {
    corpus: options.corpusPath,
    documents: inputs.length,
    characters,
    sentences,
    tokens,
    runs,
    pipelineMs,
    baselineMs,
    docsPerSecond: perSecond(inputs.length),
    sentencesPerSecond: perSecond(sentences),
    tokensPerSecond: perSecond(tokens),
    baselineDocsPerSecond: baselineMs ? (inputs.length / baselineMs) * 1000 : 0,
    ratioToBaseline: median(roundRatios),
    roundRatios,
    ratioOfMedians: pipelineMs ? baselineMs / pipelineMs : 0,
    ratioToTagOnly: median(tagOnlyRatios),
    baselinePeakRssMB,
    peakRssMB,
    stages,
    node: process.version,
  };
}

const fixed = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The report as a table for people (README figures are pasted from it). */
export function formatBench(report: BenchReport): string {
  const rows: [string, string][] = [
    ['documents', `${fixed(report.documents)} (${fixed(report.characters)} characters)`],
    ['runs', `${report.runs} (median, after a warm-up)`],
    ['docs/s', fixed(report.docsPerSecond, 1)],
    ['sentences/s', fixed(report.sentencesPerSecond)],
    ['tokens/s', fixed(report.tokensPerSecond)],
    [
      'baseline docs/s',
      `${fixed(report.baselineDocsPerSecond, 1)} (wink-nlp readDoc, default pipe, + POS + lemma)`,
    ],
    [
      'ratioToBaseline',
      `${report.ratioToBaseline.toFixed(2)} (≥ 0.50 required; median round, rounds ${Math.min(...report.roundRatios).toFixed(2)}–${Math.max(...report.roundRatios).toFixed(2)})`,
    ],
    [
      'ratioOfMedians',
      `${report.ratioOfMedians.toFixed(2)} (median baseline ÷ median pipeline time)`,
    ],
    [
      'ratioToTagOnly',
      `${report.ratioToTagOnly.toFixed(2)} (against wink-nlp's sbd+pos pipe only, the one we run)`,
    ],
    [
      'peak RSS',
      `${fixed(report.peakRssMB)} MB (baseline alone: ${fixed(report.baselinePeakRssMB)} MB)`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  lines.push('', `${'stage'.padEnd(10)}  ${'ms/1000 docs'.padStart(12)}  ${'share'.padStart(6)}`);
  for (const s of report.stages) {
    lines.push(
      `${s.stage.padEnd(10)}  ${fixed(s.msPer1000Docs, 1).padStart(12)}  ${`${(s.share * 100).toFixed(1)}%`.padStart(6)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
