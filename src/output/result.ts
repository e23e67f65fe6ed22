/**
 * The extraction result: the public JSON contract (../shared/CONTRACT.md, docs/output.md,
 * schema/extraction-result.schema.json). Fields may be added; none may be renamed.
 */
import type { Document, DocumentMetadata } from '../core/document.js';
import type { Warning } from '../core/errors.js';
import type { Span } from '../core/offsets.js';

export interface MentionResult extends Span {
  text: string;
  method: string;
}

export interface ActorResult {
  id: string;
  name: string;
  type: string;
  code: string | null;
  /**
   * Where `code` comes from: `role` (a role held on the publication date), `kb` (the record's
   * own code), `title` (a title in the text: "Irish Prime Minister X"), `document-country`
   * (an unknown name in an article mostly about one country: a guess), or null.
   */
  codeSource?: 'role' | 'kb' | 'title' | 'document-country' | null;
  country: string | null;
  role: string | null;
  mentions: MentionResult[];
}

export interface QuoteResult extends Span {
  id: string;
  speaker: string | null;
  speakerText: string | null;
  text: string;
  kind: 'direct' | 'indirect';
  cue: string | null;
  /** The cue rule that found it (`quote.say`, `quote.according-to`); absent for a continued speaker. */
  rule?: string;
}

export type ArgumentInference = 'document-country' | 'counterpart' | 'winner' | 'source-country';

export interface EventArgument {
  actor: string | null;
  code: string | null;
  text: string;
  /**
   * Set when the text does not name the argument: `document-country` (the country the article
   * is about), `counterpart` (the other of the two countries an article is about), `winner`
   * (the one the article says won, for a concession of defeat that names no one),
   * `source-country` (the source's country, for its own body named by a role noun: "Putin
   * ordered the army").
   */
  inferred?: ArgumentInference;
}

export interface EventMention {
  trigger: Span & { text: string };
  sentence: Span;
  rule: string;
}

export interface EventResult {
  id: string;
  type: string;
  mode: string | null;
  cameo: string;
  quadClass: number;
  source: EventArgument;
  target: EventArgument | null;
  trigger: Span & { text: string };
  sentence: Span;
  negated: boolean;
  modality: 'asserted' | 'planned' | 'hypothetical' | 'question';
  /**
   * The date of the event: `source` says whether it comes from a date expression in the text
   * or is the publication date (when the text gives none).
   */
  date: { text: string; start: string; end: string; source?: 'text' | 'published' } | null;
  location: { name: string; country: string | null; lat: number | null; lon: number | null } | null;
  attribution: string | null;
  rule: string;
  confidence: number;
  mentions: EventMention[];
  /**
   * With `--explain` only: the sentence with the trigger and arguments marked, the rule and
   * why each argument was chosen.
   */
  explanation?: string[];
}

export interface ExtractionResult {
  id: string;
  document: {
    title: string | null;
    published: string | null;
    language: string;
    text: string;
    metadata: DocumentMetadata;
    /** `[clean, raw, cleanLength, rawLength]` pieces: see src/core/offsets.ts. */
    offsetMap: number[][];
    /** The sentence spans, for highlighting and for tools that re-read the text. */
    sentences: Span[];
  };
  actors: ActorResult[];
  quotes: QuoteResult[];
  events: EventResult[];
  warnings: Warning[];
}

export function toResult(doc: Document): ExtractionResult {
  return {
    id: doc.id,
    document: {
      title: doc.title,
      published: doc.published,
      language: doc.language?.code ?? 'und',
      text: doc.text,
      metadata: doc.metadata,
      offsetMap: doc.offsetMap.toJSON(),
      sentences: (doc.sentences ?? []).map((s) => ({ start: s.start, end: s.end })),
    },
    actors: (doc.actors ?? []) as ActorResult[],
    quotes: (doc.quotes ?? []) as QuoteResult[],
    events: (doc.events ?? []) as EventResult[],
    warnings: doc.warnings,
  };
}
