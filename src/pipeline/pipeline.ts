/**
 * Stages and the ordered runner. This is the only place where stage order is set.
 *
 * A stage declares the layers it `requires` and `assigns`; `buildPipeline` checks, once, that
 * every required layer is assigned by an earlier stage and that no two stages assign the same
 * layer. `run` records each stage's wall time so `newsgraph bench` can report it.
 */
import { NewsgraphError } from '../core/errors.js';
import type { Document, LayerName } from '../core/document.js';

export interface Stage {
  /** A short domain name: "language", "segment", "mentions"… */
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly assigns: readonly LayerName[];
  /** One-off preparation (loading a model); called once before the first document. */
  init?(): Promise<void>;
  /** Adds the stage's layers to the document. Skips work the document does not need. */
  process(doc: Document): void;
}

/** Accumulated wall time per stage, in milliseconds, and how many documents each saw. */
export class StageTimings {
  readonly ms = new Map<string, number>();
  documents = 0;

  add(stage: string, ms: number): void {
    this.ms.set(stage, (this.ms.get(stage) ?? 0) + ms);
  }

  reset(): void {
    this.ms.clear();
    this.documents = 0;
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries(this.ms);
  }
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  readonly timings: StageTimings;
  init(): Promise<void>;
  /** Runs every stage over the document, in order, and returns it. */
  run(doc: Document): Document;
}

/**
 * Checks and builds a pipeline. `provided` are the layers documents arrive with (ingest's).
 */
export function buildPipeline(
  stages: readonly Stage[],
  provided: readonly LayerName[] = [],
): Pipeline {
  const assignedBy = new Map<LayerName, string>(provided.map((layer) => [layer, 'ingest']));
  for (const stage of stages) {
    for (const layer of stage.requires) {
      if (!assignedBy.has(layer)) {
        throw new NewsgraphError(
          'NG_PIPELINE_CONFIG',
          `stage "${stage.name}" requires layer "${layer}", which no earlier stage assigns` +
            ` (order: ${stages.map((s) => s.name).join(' → ')})`,
        );
      }
    }
    for (const layer of stage.assigns) {
      const other = assignedBy.get(layer);
      if (other !== undefined) {
        throw new NewsgraphError(
          'NG_PIPELINE_CONFIG',
          `stages "${other}" and "${stage.name}" both assign layer "${layer}"`,
        );
      }
      assignedBy.set(layer, stage.name);
    }
  }

  const timings = new StageTimings();
  let ready: Promise<void> | undefined;
  return {
    stages,
    timings,
    init() {
      ready ??= Promise.all(stages.map((s) => s.init?.())).then(() => undefined);
      return ready;
    },
    run(doc) {
      for (const stage of stages) {
        const t0 = performance.now();
        stage.process(doc);
        timings.add(stage.name, performance.now() - t0);
      }
      timings.documents += 1;
      return doc;
    },
  };
}
