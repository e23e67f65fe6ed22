/**
 * The extractor: ingest + the default pipeline, for one ArticleInput at a time. The CLI, the
 * evaluator, the benchmark and (later) the API all extract through this.
 */
import type { Document } from './core/document.js';
import { DEFAULT_MAX_BYTES } from './stages/ingest/decode.js';
import { ingestArticle } from './stages/ingest/ingest.js';
import type { ArticleInput } from './stages/ingest/input.js';
import { defaultPipeline } from './pipeline/default.js';
import type { Pipeline } from './pipeline/pipeline.js';
import { toResult, type ExtractionResult } from './output/result.js';

export interface ExtractorOptions {
  /** Publication date used when the input carries none (YYYY-MM-DD). */
  fallbackDate?: string | null;
  /** Maximum size of one document (bytes of a file, characters of a decoded text). */
  maxBytes?: number;
  /** Users' knowledge-base files, loaded over the built-in KB (`--kb`). */
  kbOverlays?: string[];
  pipeline?: Pipeline;
  /** Events carry an `explanation` (`--explain`). */
  explain?: boolean;
}

export interface Extractor {
  readonly pipeline: Pipeline;
  /** Loads models once (cld3, wink-nlp); extract() may be called after it resolves. */
  init(): Promise<void>;
  document(input: ArticleInput): Document;
  extract(input: ArticleInput): ExtractionResult;
}

export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const pipeline =
    options.pipeline ??
    defaultPipeline({
      ...(options.kbOverlays?.length ? { kb: { overlays: options.kbOverlays } } : {}),
      explain: options.explain === true,
    });
  const ingestOptions = {
    fallbackDate: options.fallbackDate ?? null,
    maxChars: options.maxBytes ?? DEFAULT_MAX_BYTES,
  };
  const document = (input: ArticleInput): Document => {
    const t0 = performance.now();
    const doc = ingestArticle(input, ingestOptions);
    pipeline.timings.add('ingest', performance.now() - t0);
    return pipeline.run(doc);
  };
  return {
    pipeline,
    init: () => pipeline.init(),
    document,
    extract: (input) => toResult(document(input)),
  };
}
