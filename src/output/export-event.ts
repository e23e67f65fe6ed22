/**
 * One event with what the export layouts (GDELT, PLOVER/POLECAT, CSV) need around it: its
 * document, its arguments' actors, and, when the document text is at hand, its sentence and
 * whether it is stated in the lead. Built either from an extraction result (`extract --format`)
 * or from a stored event (`export`), so each layout is written once.
 */
import type { ActorResult, EventArgument, EventResult, ExtractionResult } from './result.js';
import type { StoredEvent } from '../store/store.js';

export interface ExportArgument {
  /** The KB actor id, `unlinked:…`, or null. */
  actor: string | null;
  code: string | null;
  /** The words of the text that name it ("" when inferred from the article's country). */
  text: string;
  inferred: string | null;
  /** From the actor record when the argument is a known actor. */
  name: string | null;
  type: string | null;
  country: string | null;
  role: string | null;
}

export interface ExportEvent {
  event: EventResult;
  documentId: string;
  /** `<documentId>/<event id>`, as the store names it. */
  uid: string;
  url: string | null;
  title: string | null;
  language: string | null;
  published: string | null;
  source: ExportArgument;
  target: ExportArgument | null;
  /** Articles that state the event: 1 + near-duplicates in the store, else 1. */
  numArticles: number;
  /** When the event entered the store (ingest time), else when this export ran: ISO 8601. */
  addedAt: string;
  /** Text of the first sentence that states it, when the document text is at hand. */
  sentenceText: string | null;
  /** 1-based number of that sentence in the document. */
  sentenceNumber: number | null;
  /** Stated in the title or first body paragraph; null when the text is not at hand. */
  lead: boolean | null;
  /**
   * Whether the event's location names a whole country ("in Ukraine", "in Britain") rather
   * than a place in it; null when the document's actors are not at hand to tell.
   */
  locationIsCountry: boolean | null;
}

type ActorInfo = Pick<ActorResult, 'name' | 'type' | 'country' | 'role'>;

function argumentOf(arg: EventArgument, actor: ActorInfo | null | undefined): ExportArgument {
  return {
    actor: arg.actor,
    code: arg.code,
    text: arg.text,
    inferred: arg.inferred ?? null,
    name: actor?.name ?? null,
    type: actor?.type ?? null,
    country: actor?.country ?? null,
    role: actor?.role ?? null,
  };
}

/**
 * The end of the lead: the clean text is the title line, a blank line, then paragraphs
 * separated by blank lines (see the contract), so the lead ends at the first blank line after
 * the title's.
 */
function leadEnd(result: ExtractionResult): number {
  const { text, title } = result.document;
  const bodyStart = title === null ? 0 : title.length + 2;
  const end = text.indexOf('\n\n', bodyStart);
  return end < 0 ? text.length : end;
}

interface TextFacts {
  sentenceText: string | null;
  sentenceNumber: number | null;
  lead: boolean | null;
  locationIsCountry: boolean | null;
}

/**
 * A location without coordinates is a country or a KB place (a region); the result does not
 * say which, but a country named in the text is one of the document's country actors.
 */
function namesCountry(location: EventResult['location'], result: ExtractionResult): boolean {
  if (!location) return false;
  return result.actors.some(
    (a) =>
      a.type === 'country' &&
      a.country === location.country &&
      a.mentions.some((m) => m.text === location.name),
  );
}

function textFacts(event: EventResult, result: ExtractionResult | null): TextFacts {
  if (!result) {
    return { sentenceText: null, sentenceNumber: null, lead: null, locationIsCountry: null };
  }
  const { text, sentences } = result.document;
  const index = sentences.findIndex((s) => s.start === event.sentence.start);
  const end = leadEnd(result);
  const starts = [event.sentence.start, ...event.mentions.map((m) => m.sentence.start)];
  return {
    sentenceText: text.slice(event.sentence.start, event.sentence.end),
    sentenceNumber: index < 0 ? null : index + 1,
    lead: starts.some((start) => start < end),
    locationIsCountry: namesCountry(event.location, result),
  };
}

/** The events of one extraction result, for `extract --format gdelt|polecat|csv`. */
export function exportEventsOf(result: ExtractionResult, addedAt: Date): ExportEvent[] {
  const actors = new Map(result.actors.map((a) => [a.id, a]));
  const doc = result.document;
  const url = typeof doc.metadata.url === 'string' ? doc.metadata.url : null;
  return result.events.map((event) => ({
    event,
    documentId: result.id,
    uid: `${result.id}/${event.id}`,
    url,
    title: doc.title,
    language: doc.language,
    published: doc.published,
    source: argumentOf(event.source, event.source.actor ? actors.get(event.source.actor) : null),
    target: event.target
      ? argumentOf(event.target, event.target.actor ? actors.get(event.target.actor) : null)
      : null,
    numArticles: 1,
    addedAt: addedAt.toISOString(),
    ...textFacts(event, result),
  }));
}

/** A stored event; `result` (its document's, for the text) and `addedAt` come from the store. */
export function exportEventOfStored(
  stored: StoredEvent,
  context: { result: ExtractionResult | null; addedAt: string },
): ExportEvent {
  const doc = context.result?.document;
  return {
    event: stored,
    documentId: stored.documentId,
    uid: stored.uid,
    url: stored.url,
    title: doc?.title ?? null,
    language: doc?.language ?? null,
    published: stored.published,
    source: argumentOf(stored.source, stored.sourceActor),
    target: stored.target ? argumentOf(stored.target, stored.targetActor) : null,
    numArticles: stored.numArticles,
    addedAt: context.addedAt,
    ...textFacts(stored, context.result),
  };
}
