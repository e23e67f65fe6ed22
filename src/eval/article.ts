/**
 * Article-level scoring against a `*.gold.json` file, with exactly the matching rules of
 * ../shared/eval/README.md: metadata fields right or wrong; actors, quotes and events as
 * recall over required gold items and precision over predictions (a prediction matching an
 * item with `required: false` is not a false positive).
 */
import type { ActorResult, EventResult, ExtractionResult, QuoteResult } from '../output/result.js';
import {
  anyCodeMatches,
  normaliseCode,
  normaliseName,
  normaliseQuoteText,
  normaliseWhitespace,
} from './codes.js';
import {
  asList,
  isRequired,
  type ArticleGold,
  type GoldActor,
  type GoldEvent,
  type GoldMetadata,
  type GoldQuote,
} from './article-gold.js';
import {
  addPrecisionRecall,
  addShares,
  precisionRecall,
  share,
  type PrecisionRecall,
  type Share,
} from './ratios.js';

export {
  asList,
  isRequired,
  parseArticleGold,
  type ArticleGold,
  type GoldActor,
  type GoldEvent,
  type GoldMetadata,
  type GoldQuote,
  type OneOrMany,
  type QuoteKind,
} from './article-gold.js';
export type { PrecisionRecall, Share } from './ratios.js';

// ---------------------------------------------------------------------------------------------
// Report types (plain JSON: no Maps, no undefined)

export type MetadataValue = string | number | string[] | null;

export interface MetadataFieldScore {
  /** `title`, `views`, `photoCredit`, `boilerplate` or `published`. */
  field: string;
  gold: MetadataValue;
  predicted: MetadataValue;
  right: boolean;
}

export interface MetadataScore extends Share {
  fields: MetadataFieldScore[];
}

export interface PredictedActorRef {
  id: string;
  name: string;
  code: string | null;
}

export interface ActorMiss {
  name: string;
  code: string[];
  /** `wrong-code`: identified by name or mention, but no identifying actor's code matches. */
  reason: 'not-found' | 'wrong-code';
  /** The predicted actors that identify it (for `wrong-code`). */
  predicted: PredictedActorRef[];
}

export interface ActorTotals extends PrecisionRecall {
  /** Required gold actors identified, but with no matching code. */
  wrongCode: number;
}

export interface ActorScore extends ActorTotals {
  missed: ActorMiss[];
  /** Predicted actors matching no gold actor. */
  unmatched: PredictedActorRef[];
}

export interface PredictedQuoteRef {
  id: string;
  /** The speaker as compared: the actor's name, else `speakerText`. */
  speaker: string | null;
  kind: string;
  text: string;
}

export interface QuoteMiss {
  speaker: string;
  contains: string;
  /** `wrong-speaker`: some predicted quote contains the text, none with this speaker. */
  reason: 'not-found' | 'wrong-speaker';
  /** Speakers of the predicted quotes containing the text. */
  predictedSpeakers: (string | null)[];
}

export interface QuoteTotals extends PrecisionRecall {
  /**
   * Of the required gold quotes found, those where some matching predicted quote has a kind in
   * the gold `kind` list (absent: any kind). The README does not use kind for matching, so a
   * wrong kind does not make a quote missed; it is reported here instead.
   */
  kind: Share;
}

export interface QuoteScore extends QuoteTotals {
  missed: QuoteMiss[];
  unmatched: PredictedQuoteRef[];
}

/** A predicted event as compared: one distinct (type, source code, target code, negated). */
export interface DistinctEvent {
  type: string;
  source: string | null;
  target: string | null;
  negated: boolean;
  /** The predicted event ids reduced to this tuple. */
  ids: string[];
}

export interface EventMiss {
  type: string[];
  source: string[];
  target: string[];
  negated: boolean;
  evidence: string | null;
}

export interface ModalityMiss extends EventMiss {
  modality: string[];
  /** Modalities of the predicted events that match the gold event. */
  predicted: string[];
}

export interface EventTotals extends PrecisionRecall {
  /** Of the required gold events found, those with some matching event of a gold modality. */
  modality: Share;
}

export interface EventScore extends EventTotals {
  missed: EventMiss[];
  unmatched: DistinctEvent[];
  wrongModality: ModalityMiss[];
}

/** Micro-averaged counts: one article's, or the sum over articles. */
export interface ArticleTotals {
  metadata: Share;
  actors: ActorTotals;
  quotes: QuoteTotals;
  events: EventTotals;
}

export interface ArticleScore extends ArticleTotals {
  metadata: MetadataScore;
  actors: ActorScore;
  quotes: QuoteScore;
  events: EventScore;
}

// ---------------------------------------------------------------------------------------------
// Metadata

function sameText(gold: string, predicted: unknown): boolean {
  return (
    typeof predicted === 'string' && normaliseWhitespace(gold) === normaliseWhitespace(predicted)
  );
}

function asTextOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function asTextListOrNull(value: unknown): string[] | null {
  return Array.isArray(value)
    ? value.filter((line): line is string => typeof line === 'string')
    : null;
}

/** Every gold boilerplate line is among the predicted ones (whitespace normalised). */
function containsBoilerplate(gold: string[], predicted: string[] | null): boolean {
  const lines = new Set((predicted ?? []).map(normaliseWhitespace));
  return gold.every((line) => lines.has(normaliseWhitespace(line)));
}

function scoreMetadataFields(
  gold: GoldMetadata,
  predicted: ExtractionResult,
): MetadataFieldScore[] {
  const { title, metadata } = predicted.document;
  const fields: MetadataFieldScore[] = [];
  if (gold.title !== undefined) {
    const right = sameText(gold.title, title);
    fields.push({ field: 'title', gold: gold.title, predicted: title, right });
  }
  if (gold.views !== undefined) {
    const views = typeof metadata.views === 'number' ? metadata.views : null;
    fields.push({
      field: 'views',
      gold: gold.views,
      predicted: views,
      right: views === gold.views,
    });
  }
  if (gold.photoCredit !== undefined) {
    const credit = asTextOrNull(metadata.photoCredit);
    const right = sameText(gold.photoCredit, credit);
    fields.push({ field: 'photoCredit', gold: gold.photoCredit, predicted: credit, right });
  }
  if (gold.boilerplate !== undefined) {
    const lines = asList(gold.boilerplate);
    const boilerplate = asTextListOrNull(metadata.boilerplate);
    const right = containsBoilerplate(lines, boilerplate);
    fields.push({ field: 'boilerplate', gold: lines, predicted: boilerplate, right });
  }
  return fields;
}

function scoreMetadata(gold: ArticleGold, predicted: ExtractionResult): MetadataScore {
  const fields = scoreMetadataFields(gold.metadata ?? {}, predicted);
  if (gold.published !== undefined) {
    const published = predicted.document.published;
    const right = published === gold.published;
    fields.push({ field: 'published', gold: gold.published, predicted: published, right });
  }
  return { ...share(fields.filter((field) => field.right).length, fields.length), fields };
}

// ---------------------------------------------------------------------------------------------
// Actors

function actorRef(actor: ActorResult): PredictedActorRef {
  return { id: actor.id, name: actor.name, code: actor.code };
}

/** Same canonical name (case and diacritics ignored), or a mention equal to a gold mention. */
function identifiesActor(gold: GoldActor, actor: ActorResult): boolean {
  if (normaliseName(actor.name) === normaliseName(gold.name)) return true;
  const goldMentions = new Set(asList(gold.mentions).map(normaliseWhitespace));
  return actor.mentions.some((mention) => goldMentions.has(normaliseWhitespace(mention.text)));
}

function actorMiss(gold: GoldActor, identifying: ActorResult[]): ActorMiss {
  return {
    name: gold.name,
    code: asList(gold.code),
    reason: identifying.length === 0 ? 'not-found' : 'wrong-code',
    predicted: identifying.map(actorRef),
  };
}

function scoreActors(golds: GoldActor[], actors: ActorResult[]): ActorScore {
  const required = golds.filter(isRequired);
  const missed: ActorMiss[] = [];
  let found = 0;
  for (const gold of required) {
    const identifying = actors.filter((actor) => identifiesActor(gold, actor));
    if (identifying.some((actor) => anyCodeMatches(asList(gold.code), actor.code))) found += 1;
    else missed.push(actorMiss(gold, identifying));
  }
  const unmatched = actors.filter((actor) => !golds.some((gold) => identifiesActor(gold, actor)));
  const matched = actors.length - unmatched.length;
  return {
    ...precisionRecall(found, required.length, matched, actors.length),
    wrongCode: missed.filter((miss) => miss.reason === 'wrong-code').length,
    missed,
    unmatched: unmatched.map(actorRef),
  };
}

// ---------------------------------------------------------------------------------------------
// Quotes

/** The speaker as compared: the speaker actor's name, else the quote's `speakerText`. */
function speakerOf(
  quote: QuoteResult,
  actorsById: ReadonlyMap<string, ActorResult>,
): string | null {
  const actor = quote.speaker === null ? undefined : actorsById.get(quote.speaker);
  return actor?.name ?? quote.speakerText;
}

interface SpokenQuote {
  quote: QuoteResult;
  speaker: string | null;
  /** The speaker actor, when the quote names one. */
  actor: ActorResult | undefined;
}

function containsGoldText(gold: GoldQuote, spoken: SpokenQuote): boolean {
  return normaliseQuoteText(spoken.quote.text).includes(normaliseQuoteText(gold.contains));
}

/**
 * The speaker is the gold one when the names are equal, or — when the gold speaker is one of the
 * gold actors — when the speaker actor is that actor by the Actors rule (same name, or a mention
 * with one of its texts): a speaker the KB spells "Adil Abdul-Mahdi" is the gold actor "Adel
 * Abdul Mahdi" whose mention the text spells so.
 */
function sameSpeaker(gold: GoldQuote, spoken: SpokenQuote, goldActors: GoldActor[]): boolean {
  if (spoken.speaker === null) return false;
  const name = normaliseName(gold.speaker);
  if (normaliseName(spoken.speaker) === name) return true;
  const actor = spoken.actor;
  if (!actor) return false;
  return goldActors.some((g) => normaliseName(g.name) === name && identifiesActor(g, actor));
}

function matchesQuote(gold: GoldQuote, spoken: SpokenQuote, goldActors: GoldActor[]): boolean {
  return sameSpeaker(gold, spoken, goldActors) && containsGoldText(gold, spoken);
}

function hasGoldKind(gold: GoldQuote, matching: SpokenQuote[]): boolean {
  const kinds = asList(gold.kind);
  return kinds.length === 0 || matching.some((spoken) => kinds.includes(spoken.quote.kind));
}

function quoteMiss(gold: GoldQuote, spokenQuotes: SpokenQuote[]): QuoteMiss {
  const containing = spokenQuotes.filter((spoken) => containsGoldText(gold, spoken));
  return {
    speaker: gold.speaker,
    contains: gold.contains,
    reason: containing.length === 0 ? 'not-found' : 'wrong-speaker',
    predictedSpeakers: containing.map((spoken) => spoken.speaker),
  };
}

function quoteRef(spoken: SpokenQuote): PredictedQuoteRef {
  const { id, kind, text } = spoken.quote;
  return { id, speaker: spoken.speaker, kind, text };
}

function scoreQuotes(
  golds: GoldQuote[],
  predicted: ExtractionResult,
  goldActors: GoldActor[] = [],
): QuoteScore {
  const actorsById = new Map(predicted.actors.map((actor) => [actor.id, actor]));
  const spokenQuotes = predicted.quotes.map((quote) => ({
    quote,
    speaker: speakerOf(quote, actorsById),
    actor: quote.speaker === null ? undefined : actorsById.get(quote.speaker),
  }));
  const required = golds.filter(isRequired);
  const missed: QuoteMiss[] = [];
  let found = 0;
  let rightKind = 0;
  for (const gold of required) {
    const matching = spokenQuotes.filter((spoken) => matchesQuote(gold, spoken, goldActors));
    if (matching.length === 0) {
      missed.push(quoteMiss(gold, spokenQuotes));
      continue;
    }
    found += 1;
    if (hasGoldKind(gold, matching)) rightKind += 1;
  }
  const unmatched = spokenQuotes.filter(
    (spoken) => !golds.some((gold) => matchesQuote(gold, spoken, goldActors)),
  );
  const matched = spokenQuotes.length - unmatched.length;
  return {
    ...precisionRecall(found, required.length, matched, spokenQuotes.length),
    kind: share(rightKind, found),
    missed,
    unmatched: unmatched.map(quoteRef),
  };
}

// ---------------------------------------------------------------------------------------------
// Events

type EventTuple = Omit<DistinctEvent, 'ids'>;

/** The compared tuple of a predicted event; codes normalised (IGO shorthands read as codes). */
function eventTuple(event: EventResult): EventTuple {
  const code = (value: string | null | undefined): string | null =>
    value === null || value === undefined ? null : normaliseCode(value);
  return {
    type: event.type.trim().toUpperCase(),
    source: code(event.source.code),
    target: code(event.target?.code),
    negated: event.negated === true,
  };
}

/** Predicted events reduced to distinct (type, source code, target code, negated). */
export function distinctEvents(events: EventResult[]): DistinctEvent[] {
  const byKey = new Map<string, DistinctEvent>();
  for (const event of events) {
    const tuple = eventTuple(event);
    const key = JSON.stringify([tuple.type, tuple.source, tuple.target, tuple.negated]);
    const distinct = byKey.get(key);
    if (distinct) distinct.ids.push(event.id);
    else byKey.set(key, { ...tuple, ids: [event.id] });
  }
  return [...byKey.values()];
}

function matchesEvent(gold: GoldEvent, tuple: EventTuple): boolean {
  const types = asList(gold.type).map((type) => type.trim().toUpperCase());
  return (
    types.includes(tuple.type) &&
    anyCodeMatches(asList(gold.source), tuple.source) &&
    anyCodeMatches(asList(gold.target), tuple.target) &&
    (gold.negated ?? false) === tuple.negated
  );
}

function goldModalities(gold: GoldEvent): string[] {
  const modalities = asList(gold.modality);
  return modalities.length === 0 ? ['asserted'] : modalities;
}

function eventMiss(gold: GoldEvent): EventMiss {
  return {
    type: asList(gold.type),
    source: asList(gold.source),
    target: asList(gold.target),
    negated: gold.negated ?? false,
    evidence: gold.evidence ?? null,
  };
}

/** Modalities of the predicted events (not reduced) that match the gold event. */
function matchingModalities(gold: GoldEvent, events: EventResult[]): string[] {
  const matching = events.filter((event) => matchesEvent(gold, eventTuple(event)));
  return [...new Set(matching.map((event) => event.modality ?? 'asserted'))];
}

function scoreEvents(golds: GoldEvent[], events: EventResult[]): EventScore {
  const distinct = distinctEvents(events);
  const required = golds.filter(isRequired);
  const missed: EventMiss[] = [];
  const wrongModality: ModalityMiss[] = [];
  let found = 0;
  for (const gold of required) {
    if (!distinct.some((tuple) => matchesEvent(gold, tuple))) {
      missed.push(eventMiss(gold));
      continue;
    }
    found += 1;
    const modality = goldModalities(gold);
    const predicted = matchingModalities(gold, events);
    if (!predicted.some((value) => modality.includes(value))) {
      wrongModality.push({ ...eventMiss(gold), modality, predicted });
    }
  }
  const unmatched = distinct.filter((tuple) => !golds.some((gold) => matchesEvent(gold, tuple)));
  const matched = distinct.length - unmatched.length;
  return {
    ...precisionRecall(found, required.length, matched, distinct.length),
    modality: share(found - wrongModality.length, found),
    missed,
    unmatched,
    wrongModality,
  };
}

// ---------------------------------------------------------------------------------------------
// Articles

/** Scores one extraction result against its article gold. */
export function scoreArticle(gold: ArticleGold, predicted: ExtractionResult): ArticleScore {
  return {
    metadata: scoreMetadata(gold, predicted),
    actors: scoreActors(gold.actors ?? [], predicted.actors),
    quotes: scoreQuotes(gold.quotes ?? [], predicted, gold.actors ?? []),
    events: scoreEvents(gold.events ?? [], predicted.events),
  };
}

/** An empty sum, the start of `sumArticleScores`. */
function noTotals(): ArticleTotals {
  const none = precisionRecall(0, 0, 0, 0);
  return {
    metadata: share(0, 0),
    actors: { ...none, wrongCode: 0 },
    quotes: { ...none, kind: share(0, 0) },
    events: { ...none, modality: share(0, 0) },
  };
}

function addTotals(sum: ArticleTotals, score: ArticleTotals): ArticleTotals {
  return {
    metadata: addShares(sum.metadata, score.metadata),
    actors: {
      ...addPrecisionRecall(sum.actors, score.actors),
      wrongCode: sum.actors.wrongCode + score.actors.wrongCode,
    },
    quotes: {
      ...addPrecisionRecall(sum.quotes, score.quotes),
      kind: addShares(sum.quotes.kind, score.quotes.kind),
    },
    events: {
      ...addPrecisionRecall(sum.events, score.events),
      modality: addShares(sum.events.modality, score.events.modality),
    },
  };
}

/** Micro-averaged totals: counts summed over articles, ratios computed from the sums. */
export function sumArticleScores(scores: readonly ArticleTotals[]): ArticleTotals {
  return scores.reduce(addTotals, noTotals());
}
