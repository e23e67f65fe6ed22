/**
 * The default stage order: the one place where it is set. Later issues add mentions, link,
 * coref, quotes and events after segmentation.
 */
import { languageStage } from '../stages/language/language.js';
import { segmentStage } from '../stages/segment/segment.js';
import { INGEST_LAYERS } from '../stages/ingest/ingest.js';
import { buildPipeline, type Pipeline } from './pipeline.js';

export function defaultPipeline(): Pipeline {
  return buildPipeline([languageStage(), segmentStage()], INGEST_LAYERS);
}
