/**
 * The quote cues of data/rules/quotes.json, loaded once and validated: every cue has an id, its
 * lemmas, known frames and a reason; no lemma belongs to two cues.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NewsgraphError } from '../../core/errors.js';

export const QUOTE_FRAMES = ['that', 'object', 'trailing', 'direct', 'colon'] as const;
export type QuoteFrame = (typeof QUOTE_FRAMES)[number];

export interface QuoteCue {
  id: string;
  lemmas: string[];
  frames: Set<QuoteFrame>;
  /** The reported clause must begin with `that` (or follow a colon). */
  thatRequired: boolean;
  reason: string;
}

export interface QuoteRules {
  /** Verb lemma → its cue. */
  byLemma: Map<string, QuoteCue>;
  cues: QuoteCue[];
  /** Words before a quoted phrase that make it a name or term. */
  notQuoteBefore: Set<string>;
  /** Heads of speaker descriptions that speak for another ("a spokesman for …"). */
  representatives: Set<string>;
  /** Heads a speaker description must have when no actor is named ("a senior official"). */
  speakerNouns: Set<string>;
  /** Heads of "according to …" phrases that are documents or numbers, not speakers. */
  notSpeakers: Set<string>;
  /** Phrase cues by id: `according-to`, `quoted-as-saying` (the code knows their frames). */
  phrases: Map<string, string[]>;
}

/** The phrase cues the quote stage reads; the file must define each. */
export const PHRASE_IDS = ['according-to', 'quoted-as-saying'] as const;

export const QUOTE_RULES_FILE = resolve(import.meta.dirname, '../../../data/rules/quotes.json');

const ID = /^[a-z][a-z0-9-]*$/;

function invalid(file: string, message: string): NewsgraphError {
  return new NewsgraphError('NG_PIPELINE_CONFIG', `quote rules: ${message}`, { file });
}

function wordList(data: Record<string, unknown>, key: string, file: string): Set<string> {
  const entry = data[key] as { words?: unknown; reason?: unknown } | undefined;
  if (!entry || !Array.isArray(entry.words) || typeof entry.reason !== 'string' || !entry.reason) {
    throw invalid(file, `"${key}" needs words[] and a reason`);
  }
  return new Set((entry.words as unknown[]).map((w) => String(w).toLowerCase()));
}

function parseCue(raw: unknown, index: number, file: string): QuoteCue {
  const cue = raw as Record<string, unknown>;
  const where = `cue ${index + 1}`;
  if (typeof cue.id !== 'string' || !ID.test(cue.id)) throw invalid(file, `${where}: bad id`);
  if (typeof cue.reason !== 'string' || cue.reason.trim() === '') {
    throw invalid(file, `${cue.id}: a reason is required`);
  }
  if (!Array.isArray(cue.lemmas) || cue.lemmas.length === 0) {
    throw invalid(file, `${cue.id}: lemmas[] is required`);
  }
  if (!Array.isArray(cue.frames) || cue.frames.length === 0) {
    throw invalid(file, `${cue.id}: frames[] is required`);
  }
  for (const frame of cue.frames as unknown[]) {
    if (!QUOTE_FRAMES.includes(frame as QuoteFrame)) {
      throw invalid(file, `${cue.id}: unknown frame ${JSON.stringify(frame)}`);
    }
  }
  return {
    id: cue.id,
    lemmas: (cue.lemmas as unknown[]).map((l) => String(l).toLowerCase()),
    frames: new Set(cue.frames as QuoteFrame[]),
    thatRequired: cue.thatRequired === true,
    reason: cue.reason,
  };
}

export function parseQuoteRules(data: unknown, file = QUOTE_RULES_FILE): QuoteRules {
  if (!data || typeof data !== 'object' || !Array.isArray((data as { cues?: unknown }).cues)) {
    throw invalid(file, 'cues[] is required');
  }
  const record = data as Record<string, unknown>;
  const cues = (record.cues as unknown[]).map((raw, i) => parseCue(raw, i, file));
  const byLemma = new Map<string, QuoteCue>();
  const ids = new Set<string>();
  for (const cue of cues) {
    if (ids.has(cue.id)) throw invalid(file, `duplicate id ${cue.id}`);
    ids.add(cue.id);
    for (const lemma of cue.lemmas) {
      const other = byLemma.get(lemma);
      if (other) throw invalid(file, `lemma "${lemma}" is in both ${other.id} and ${cue.id}`);
      byLemma.set(lemma, cue);
    }
  }
  const phrases = new Map<string, string[]>();
  for (const raw of (record.phrases as unknown[] | undefined) ?? []) {
    const phrase = raw as { id?: unknown; words?: unknown; reason?: unknown };
    if (typeof phrase.id !== 'string' || !Array.isArray(phrase.words) || !phrase.reason) {
      throw invalid(file, 'each phrase needs an id, words[] and a reason');
    }
    phrases.set(
      phrase.id,
      (phrase.words as unknown[]).map((w) => String(w).toLowerCase()),
    );
  }
  for (const id of PHRASE_IDS) if (!phrases.has(id)) throw invalid(file, `phrase ${id} is missing`);
  return {
    byLemma,
    cues,
    phrases,
    notQuoteBefore: wordList(record, 'notQuoteBefore', file),
    representatives: wordList(record, 'representatives', file),
    speakerNouns: wordList(record, 'speakerNouns', file),
    notSpeakers: wordList(record, 'notSpeakers', file),
  };
}

let cached: QuoteRules | undefined;

export function quoteRules(file = QUOTE_RULES_FILE): QuoteRules {
  if (cached && file === QUOTE_RULES_FILE) return cached;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw invalid(file, 'cannot read the file');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalid(file, `not JSON: ${(error as Error).message}`);
  }
  const rules = parseQuoteRules(data, file);
  if (file === QUOTE_RULES_FILE) cached = rules;
  return rules;
}
