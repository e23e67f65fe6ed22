/**
 * Scoring against PLOVER gold-standard sentences (../shared/eval/README.md, "PLOVER
 * sentences"). Each record holds one sentence and its one gold event:
 *
 * - type recall: some predicted event of the record has the gold type;
 * - type+source recall: such an event also has a source whose code starts with the country
 *   part (first 3 letters) of a gold source code, or whose text overlaps a gold source text
 *   (case-insensitively, either containing the other);
 * - type precision: predicted events with the gold type ÷ all predicted events, over all
 *   records — an extra event of another type lowers it.
 *
 * Every predicted event counts, negated or not, whatever its modality.
 */
import { NewsgraphError } from '../core/errors.js';
import type { EventResult, ExtractionResult } from '../output/result.js';
import { normaliseCode, normaliseName } from './codes.js';
import { parseJsonl } from './jsonl.js';
import { share, type Share } from './ratios.js';

export interface PloverActor {
  text: string;
  code: string;
  sector: string;
}

export interface PloverRecord {
  id: string;
  date: string | null;
  text: string;
  /** The gold PLOVER event type. */
  type: string;
  mode: string | null;
  source: PloverActor[];
  target: PloverActor[];
}

export interface PloverTypeRow {
  type: string;
  /** Records whose gold event has this type. */
  records: number;
  typeHits: number;
  typeSourceHits: number;
  /** Predicted events of this type, over all records. */
  predicted: number;
  /** Of those, the ones in a record whose gold type is this type. */
  predictedCorrect: number;
  typeRecall: number | null;
  typeSourceRecall: number | null;
  precision: number | null;
}

export interface PloverMiss {
  id: string;
  goldType: string;
  /** `type`: no event of the gold type; `source`: one, but none with a gold source. */
  reason: 'type' | 'source';
  predictedTypes: string[];
  /** Gold sources as `text (CODE)`. */
  goldSources: string[];
  /** Sources of the predicted events of the gold type, as `text (CODE)`. */
  predictedSources: string[];
  text: string;
}

export interface PloverScore {
  records: number;
  typeRecall: Share;
  typeSourceRecall: Share;
  /** Predicted events with their record's gold type, of all predicted events. */
  typePrecision: Share;
  byType: PloverTypeRow[];
  /** Records without a type+source hit, in input order. */
  misses: PloverMiss[];
}

// ---------------------------------------------------------------------------------------------
// Reading

function recordError(message: string, path: string, line: number): NewsgraphError {
  return new NewsgraphError('NG_JSONL_RECORD', message, { file: path, line });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readActors(value: unknown, field: string, path: string, line: number): PloverActor[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw recordError(`"${field}" must be a list`, path, line);
  return value.map((actor: unknown) => {
    if (!isObject(actor) || typeof actor.text !== 'string' || typeof actor.code !== 'string') {
      throw recordError(`"${field}" entries need a string "text" and "code"`, path, line);
    }
    const sector = typeof actor.sector === 'string' ? actor.sector : '';
    return { text: actor.text, code: actor.code, sector };
  });
}

function readNullableString(
  value: unknown,
  field: string,
  path: string,
  line: number,
): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string')
    throw recordError(`"${field}" must be a string or null`, path, line);
  return value;
}

function readRecord(value: unknown, path: string, line: number): PloverRecord {
  if (!isObject(value)) throw recordError('a record must be a JSON object', path, line);
  for (const field of ['id', 'text', 'type'] as const) {
    const fieldValue = value[field];
    if (typeof fieldValue !== 'string' || fieldValue.trim() === '') {
      throw recordError(`"${field}" must be a non-empty string`, path, line);
    }
  }
  return {
    id: value.id as string,
    date: readNullableString(value.date, 'date', path, line),
    text: value.text as string,
    type: value.type as string,
    mode: readNullableString(value.mode, 'mode', path, line),
    source: readActors(value.source, 'source', path, line),
    target: readActors(value.target, 'target', path, line),
  };
}

/**
 * Reads PLOVER gold records, one JSON object a line (blank lines skipped). Invalid JSON is
 * NG_JSONL_PARSE, a record with missing or mistyped fields NG_JSONL_RECORD, both with the
 * 1-based line number.
 */
export function parsePloverJsonl(text: string, path: string): PloverRecord[] {
  return readPloverLines(text, path).map(({ record }) => record);
}

/** `parsePloverJsonl`, keeping each record's 1-based line number. */
export function readPloverLines(
  text: string,
  path: string,
): { line: number; record: PloverRecord }[] {
  const seen = new Set<string>();
  return parseJsonl(text, path).map(({ line, value }) => {
    const record = readRecord(value, path, line);
    if (seen.has(record.id)) throw recordError(`duplicate id "${record.id}"`, path, line);
    seen.add(record.id);
    return { line, record };
  });
}

// ---------------------------------------------------------------------------------------------
// Scoring

/** Case-insensitive overlap: either text contains the other (empty texts never overlap). */
function textsOverlap(a: string, b: string): boolean {
  const left = normaliseName(a);
  const right = normaliseName(b);
  if (left === '' || right === '') return false;
  return left.includes(right) || right.includes(left);
}

/** The country part of a code: its first 3 letters (`ISRMIL` → `ISR`, `IGO` → `IGO`). */
function countryPart(code: string): string {
  return normaliseCode(code).slice(0, 3);
}

function hasGoldSource(event: EventResult, record: PloverRecord): boolean {
  const { code, text } = event.source;
  return record.source.some((gold) => {
    const country = countryPart(gold.code);
    const codeHit = country !== '' && code !== null && normaliseCode(code).startsWith(country);
    return codeHit || textsOverlap(text, gold.text);
  });
}

function describeActor(text: string, code: string | null): string {
  return `${text} (${code ?? '-'})`;
}

interface RecordOutcome {
  record: PloverRecord;
  events: EventResult[];
  typeHit: boolean;
  typeSourceHit: boolean;
}

function scoreRecord(record: PloverRecord, predicted: ExtractionResult | undefined): RecordOutcome {
  const events = predicted?.events ?? [];
  const ofGoldType = events.filter((event) => event.type === record.type);
  return {
    record,
    events,
    typeHit: ofGoldType.length > 0,
    typeSourceHit: ofGoldType.some((event) => hasGoldSource(event, record)),
  };
}

function missOf(outcome: RecordOutcome): PloverMiss {
  const { record, events } = outcome;
  return {
    id: record.id,
    goldType: record.type,
    reason: outcome.typeHit ? 'source' : 'type',
    predictedTypes: events.map((event) => event.type),
    goldSources: record.source.map((gold) => describeActor(gold.text, gold.code)),
    predictedSources: events
      .filter((event) => event.type === record.type)
      .map((event) => describeActor(event.source.text, event.source.code)),
    text: record.text,
  };
}

interface TypeCounts {
  records: number;
  typeHits: number;
  typeSourceHits: number;
  predicted: number;
  predictedCorrect: number;
}

function countsFor(table: Map<string, TypeCounts>, type: string): TypeCounts {
  let counts = table.get(type);
  if (!counts) {
    counts = { records: 0, typeHits: 0, typeSourceHits: 0, predicted: 0, predictedCorrect: 0 };
    table.set(type, counts);
  }
  return counts;
}

function addToTypeTable(table: Map<string, TypeCounts>, outcome: RecordOutcome): void {
  const gold = countsFor(table, outcome.record.type);
  gold.records += 1;
  if (outcome.typeHit) gold.typeHits += 1;
  if (outcome.typeSourceHit) gold.typeSourceHits += 1;
  for (const event of outcome.events) {
    const predicted = countsFor(table, event.type);
    predicted.predicted += 1;
    if (event.type === outcome.record.type) predicted.predictedCorrect += 1;
  }
}

function typeRow(type: string, counts: TypeCounts): PloverTypeRow {
  return {
    type,
    ...counts,
    typeRecall: share(counts.typeHits, counts.records).ratio,
    typeSourceRecall: share(counts.typeSourceHits, counts.records).ratio,
    precision: share(counts.predictedCorrect, counts.predicted).ratio,
  };
}

/**
 * Scores predictions (keyed by record id; a record without one counts as predicting no event)
 * against PLOVER gold records.
 */
export function scorePlover(
  records: readonly PloverRecord[],
  predictions: ReadonlyMap<string, ExtractionResult>,
): PloverScore {
  const outcomes = records.map((record) => scoreRecord(record, predictions.get(record.id)));
  const table = new Map<string, TypeCounts>();
  outcomes.forEach((outcome) => addToTypeTable(table, outcome));
  const count = (test: (outcome: RecordOutcome) => boolean): number => outcomes.filter(test).length;
  const predicted = outcomes.reduce((sum, outcome) => sum + outcome.events.length, 0);
  const correct = outcomes.reduce(
    (sum, { record, events }) => sum + events.filter((event) => event.type === record.type).length,
    0,
  );
  return {
    records: records.length,
    typeRecall: share(
      count((outcome) => outcome.typeHit),
      records.length,
    ),
    typeSourceRecall: share(
      count((outcome) => outcome.typeSourceHit),
      records.length,
    ),
    typePrecision: share(correct, predicted),
    byType: [...table.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([type, counts]) => typeRow(type, counts)),
    misses: outcomes.filter((outcome) => !outcome.typeSourceHit).map(missOf),
  };
}
