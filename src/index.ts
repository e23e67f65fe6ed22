/** The public library API of newsgraph. */
export { createExtractor, type Extractor, type ExtractorOptions } from './extract.js';
export type { ArticleInput } from './stages/ingest/input.js';
export type { Document, Sentence, Token, DocumentMetadata } from './core/document.js';
export { NewsgraphError, ERROR_CATALOGUE, WARNING_CATALOGUE } from './core/errors.js';
export type { ErrorCode, WarningCode, Warning } from './core/errors.js';
export { OffsetMap, type Span } from './core/offsets.js';
export type { ExtractionResult } from './output/result.js';
export { buildPipeline, type Stage, type Pipeline } from './pipeline/pipeline.js';
