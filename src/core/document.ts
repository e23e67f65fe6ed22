/**
 * The Document: one article flowing through the pipeline. Ingest creates it with the clean
 * text and metadata; every later stage adds one layer. No stage re-tokenises or keeps private
 * copies of the text: all layers are spans over `text`.
 */
import type { Warning } from './errors.js';
import type { OffsetMap, Span } from './offsets.js';

/** Page leftovers and page facts that cleaning moved out of the text. */
export interface DocumentMetadata {
  /** Boilerplate lines removed from the text (navigation, share buttons…), in input order. */
  boilerplate?: string[];
  /** A view counter printed near the title. */
  views?: number;
  /** A photo-credit line ("Photo: …", "Снимка: …"), the credit only. */
  photoCredit?: string;
  /** Further photo credits, when a page has several. */
  otherPhotoCredits?: string[];
  byline?: string;
  /** A dateline line as printed ("25 August 2025, 14:03"). */
  dateline?: string;
  url?: string;
  /** The character encoding the input was decoded from. */
  encoding?: string;
  /** How the input was read: txt, html, jsonl. */
  format?: InputFormat;
  /** The page's own language declaration (HTML lang), when present. */
  declaredLanguage?: string;
  siteName?: string;
  [key: string]: unknown;
}

export type InputFormat = 'txt' | 'html' | 'jsonl';

export interface Sentence extends Span {
  /** Index of the first token and one past the last, into `Document.tokens`. */
  tokenStart: number;
  tokenEnd: number;
}

export interface Token extends Span {
  /** Universal POS tag from wink-nlp (NOUN, PROPN, VERB…). */
  pos: string;
  lemma: string;
  /** Lower-cased normal form. */
  normal: string;
  /** wink-nlp token type (word, number, punctuation, quoted_phrase…). */
  kind: string;
}

export interface LanguageGuess {
  /** ISO 639-1 code, or "und" when unknown. */
  code: string;
  /** 0..1 */
  confidence: number;
  /** Which detector decided: "ascii-stopwords", "cld3", "script", "declared". */
  method: string;
}

/**
 * The layers. A stage's `assigns` names the layers it fills; `requires` those it reads.
 * Later issues add mentions, actors, quotes and events.
 */
export interface DocumentLayers {
  language?: LanguageGuess;
  sentences?: Sentence[];
  tokens?: Token[];
  /** Paragraph spans of the body (the title is paragraph 0). */
  paragraphs?: Span[];
  /** Candidate actor mentions (stages/actors/types.ts MentionCandidate). */
  mentions?: unknown[];
  /** Mentions linked to actors (ActorMention); coref adds the ones it resolves. */
  links?: unknown[];
  actors?: unknown[];
  quotes?: unknown[];
  events?: unknown[];
}

export type LayerName = keyof DocumentLayers;

export interface Document extends DocumentLayers {
  /** Input id (JSONL `id`), else the content hash. */
  id: string;
  /** First 16 hex digits of SHA-256 of the NFC-normalised decoded input. */
  contentHash: string;
  title: string | null;
  /** Publication date, YYYY-MM-DD, or null when neither the input nor --date gives one. */
  published: string | null;
  /** The clean text: title line, blank line, body paragraphs separated by blank lines. */
  text: string;
  metadata: DocumentMetadata;
  /** Clean offsets → offsets in the decoded raw input. */
  offsetMap: OffsetMap;
  warnings: Warning[];
  /** Where the document came from, for error messages: a path, `-`, path:line. */
  origin: DocumentOrigin;
}

export interface DocumentOrigin {
  file: string;
  line?: number;
}
