/** Hand-made extraction results for scorer tests: only the fields the scorers read matter. */
import type {
  ActorResult,
  EventResult,
  ExtractionResult,
  QuoteResult,
} from '../../../src/output/result.js';

export function makeActor(
  id: string,
  name: string,
  code: string | null,
  mentions: string[] = [],
): ActorResult {
  return {
    id,
    name,
    type: 'person',
    code,
    country: null,
    role: null,
    mentions: mentions.map((text) => ({ start: 0, end: text.length, text, method: 'test' })),
  };
}

export function makeQuote(
  id: string,
  text: string,
  speaker: { actor?: string; text?: string },
  kind: 'direct' | 'indirect' = 'direct',
): QuoteResult {
  return {
    id,
    speaker: speaker.actor ?? null,
    speakerText: speaker.text ?? null,
    text,
    start: 0,
    end: text.length,
    kind,
    cue: 'said',
  };
}

export interface EventOptions {
  negated?: boolean;
  modality?: EventResult['modality'];
  sourceText?: string;
}

export function makeEvent(
  id: string,
  type: string,
  source: string | null,
  target: string | null,
  options: EventOptions = {},
): EventResult {
  const span = { start: 0, end: 1 };
  return {
    id,
    type,
    mode: null,
    cameo: '000',
    quadClass: 1,
    source: { actor: null, code: source, text: options.sourceText ?? source ?? '' },
    target: target === null ? null : { actor: null, code: target, text: target },
    trigger: { ...span, text: 'x' },
    sentence: span,
    negated: options.negated ?? false,
    modality: options.modality ?? 'asserted',
    date: null,
    location: null,
    attribution: null,
    rule: 'test',
    confidence: 1,
    mentions: [],
  };
}

export interface ResultParts {
  id?: string;
  title?: string | null;
  published?: string | null;
  metadata?: ExtractionResult['document']['metadata'];
  actors?: ActorResult[];
  quotes?: QuoteResult[];
  events?: EventResult[];
}

/** A minimal ExtractionResult holding the given layers. */
export function makeResult(parts: ResultParts = {}): ExtractionResult {
  return {
    id: parts.id ?? 'doc',
    document: {
      title: parts.title ?? null,
      published: parts.published ?? null,
      language: 'en',
      text: '',
      metadata: parts.metadata ?? {},
      offsetMap: [],
      sentences: [],
    },
    actors: parts.actors ?? [],
    quotes: parts.quotes ?? [],
    events: parts.events ?? [],
    warnings: [],
  };
}
