/**
 * The default stage order: the one place where it is set. Later issues add mentions, link,
 * coref, quotes and events after segmentation.
 */
import { languageStage } from '../stages/language/language.js';
import { segmentStage } from '../stages/segment/segment.js';
import { actorStages, knowledgeBaseOnce, type ActorStagesOptions } from '../stages/actors/index.js';
import { eventsStage } from '../stages/events/events.js';
import { quotesStage } from '../stages/quotes/quotes.js';
import { INGEST_LAYERS } from '../stages/ingest/ingest.js';
import { buildPipeline, type Pipeline } from './pipeline.js';

export interface PipelineOptions {
  /** Knowledge-base files and users' overlays (`--kb`). */
  kb?: ActorStagesOptions;
  /** Events carry an `explanation` (`extract --explain`). */
  explain?: boolean;
}

export function defaultPipeline(options: PipelineOptions = {}): Pipeline {
  const kb = knowledgeBaseOnce(options.kb);
  return buildPipeline(
    [
      languageStage(),
      segmentStage(),
      ...actorStages(options.kb, kb),
      quotesStage(),
      eventsStage(undefined, kb, options.explain === true),
    ],
    INGEST_LAYERS,
  );
}
