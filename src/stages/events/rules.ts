/**
 * Event rules: data/rules/events/<type>.json, one file per PLOVER type, validated on load
 * against the CAMEO → PLOVER table (data/events/cameo.json) and the PLOVER types and modes
 * (data/events/plover.json).
 *
 * A rule names a trigger — verb lemmas (with an optional particle, object heads or a control
 * complement) or noun lemmas — and says where its source and target are. See docs/events.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NewsgraphError } from '../../core/errors.js';

export const EVENT_RULES_DIR = resolve(import.meta.dirname, '../../../data/rules/events');
export const CAMEO_FILE = resolve(import.meta.dirname, '../../../data/events/cameo.json');
export const PLOVER_FILE = resolve(import.meta.dirname, '../../../data/events/plover.json');

/** Where an argument is found, relative to the trigger. */
export type ArgumentSlot =
  | 'subject'
  | 'object'
  | 'recipient'
  | 'possessor'
  | 'none'
  | `prep:${string}`
  | 'between'
  /** The speaker of the quote the trigger stands in (events.ts `judgements`). */
  | 'speaker';

export interface RuleExample {
  text: string;
  /** Expected: the type (default the rule's), source and target texts or codes ("-": none). */
  source?: string;
  target?: string;
  negated?: boolean;
  modality?: string;
  /** A sentence the rule must NOT code. */
  none?: boolean;
}

export interface EventRule {
  id: string;
  type: string;
  mode: string | null;
  cameo: string;
  quadClass: number;
  /** Verb lemmas, or noun lemmas for a nominal trigger. */
  verbs: string[];
  nouns: string[];
  /** Particles one of which must follow the verb: "call off", "pull out", "call for|on". */
  particle: string[];
  /** The particle must follow the verb directly: "called on Iran", not "called Putin on Monday". */
  particleAdjacent: boolean;
  /** Head lemmas one of which the object must have: impose + sanction. */
  objects: string[];
  /** Control complement: refuse + to + meet ("*": any verb). */
  then: string[];
  /** Words one of which must stand near the trigger ("joint" exercises, "telephone" talks). */
  with: string[];
  /** Words none of which may stand between the trigger and its object ("strike a deal"). */
  without: string[];
  /** Drop the event when no target actor is found (verbs too common otherwise). */
  requireTarget: boolean;
  /** The verb takes no object in this sense: "demonstrated in Minsk", not "demonstrated skill". */
  intransitive: boolean;
  /** A negated trigger codes nothing: not wanting something is no request. */
  affirmative: boolean;
  /** Predicate nouns one of which must follow the object: call + X + "a farce". */
  predicates: string[];
  /**
   * Where the target is found when the clause names none: `winner`, the one the article says
   * won ("X conceded defeat" → the winner of the election). Null: nowhere else.
   */
  fallbackTarget: 'winner' | null;
  /**
   * The source when none is named ("a journalist was arrested"): the body of this sector
   * (`COP`) of the country where it happened, else of the country the article is about alone.
   */
  fallbackSource: string | null;
  /**
   * A role noun as target with no country named is the source's own: "Putin ordered the army"
   * → the Russian army (`inferred: "source-country"`).
   */
  ownAgents: boolean;
  /**
   * Coordinated subjects do it to each other when no target is named ("X and Y met", "X and
   * Y severed relations"). Default: the types whose acts are mutual by nature.
   */
  reciprocal: boolean;
  source: ArgumentSlot;
  target: ArgumentSlot;
  /** Passive voice swaps: "was attacked by X" → source X, target the subject. */
  passive: boolean;
  reason: string;
  examples: RuleExample[];
  file: string;
}

export interface CameoCode {
  code: string;
  name: string;
  quadClass: number;
  plover: { type: string | null; mode: string | null; context: string | null };
}

export interface EventRules {
  rules: EventRule[];
  byId: Map<string, EventRule>;
  /** Lemma → rules triggered by that verb / noun. */
  byVerb: Map<string, EventRule[]>;
  byNoun: Map<string, EventRule[]>;
  /** CAMEO code → its records (a few codes map to two PLOVER types, e.g. 08). */
  cameo: Map<string, CameoCode[]>;
  /** PLOVER type → its modes. */
  modes: Map<string, Set<string>>;
}

const ID = /^[a-z]+\.[a-z0-9-]+$/;

/** Types a pair does to each other: "the two sides agreed", "X and Y met", "clashed". */
export const RECIPROCAL_TYPES = new Set([
  'CONSULT',
  'AGREE',
  'COOPERATE',
  'ASSAULT',
  'SUPPORT',
  'CONCEDE',
]);
const SLOT =
  /^(?:subject|object|recipient|possessor|none|between|speaker|prep:[a-z]+(?:\|[a-z]+)*)$/;

function invalid(file: string, message: string): NewsgraphError {
  return new NewsgraphError('NG_PIPELINE_CONFIG', `event rules: ${message}`, { file });
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw invalid(file, 'cannot read the file');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalid(file, `not JSON: ${(error as Error).message}`);
  }
}

function lemmas(value: unknown, where: string, file: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    throw invalid(file, `${where}: a list of words is expected`);
  }
  return (value as string[]).map((v) => v.toLowerCase());
}

export function loadCameo(file = CAMEO_FILE): Map<string, CameoCode[]> {
  const data = readJson(file) as { codes?: CameoCode[] };
  if (!Array.isArray(data.codes)) throw invalid(file, 'codes[] is required');
  const map = new Map<string, CameoCode[]>();
  for (const c of data.codes) map.set(c.code, [...(map.get(c.code) ?? []), c]);
  return map;
}

export function loadModes(file = PLOVER_FILE): Map<string, Set<string>> {
  const data = readJson(file) as { types?: { type: string; modes?: { mode: string }[] }[] };
  if (!Array.isArray(data.types)) throw invalid(file, 'types[] is required');
  return new Map(data.types.map((t) => [t.type, new Set((t.modes ?? []).map((m) => m.mode))]));
}

export function parseRule(
  raw: unknown,
  type: string,
  file: string,
  cameo: Map<string, CameoCode[]>,
  modes: Map<string, Set<string>>,
): EventRule {
  const r = raw as Record<string, unknown>;
  const id = r.id;
  if (typeof id !== 'string' || !ID.test(id)) throw invalid(file, `bad rule id ${String(id)}`);
  if (!id.startsWith(`${type.toLowerCase()}.`)) {
    throw invalid(file, `${id}: ids of ${type} rules start with "${type.toLowerCase()}."`);
  }
  if (typeof r.reason !== 'string' || r.reason.trim().length < 10) {
    throw invalid(file, `${id}: a reason is required`);
  }
  const records = typeof r.cameo === 'string' ? cameo.get(r.cameo) : undefined;
  if (!records) throw invalid(file, `${id}: unknown CAMEO code ${String(r.cameo)}`);
  const code = records.find((c) => c.plover.type === type);
  if (!code) {
    const types = records.map((c) => c.plover.type ?? 'not coded').join('/');
    throw invalid(file, `${id}: CAMEO ${String(r.cameo)} is ${types} in PLOVER, not ${type}`);
  }
  const mode = typeof r.mode === 'string' ? r.mode : null;
  if (mode !== null && !modes.get(type)?.has(mode)) {
    throw invalid(file, `${id}: ${type} has no mode "${mode}"`);
  }
  const verbs = lemmas(r.verbs, `${id}.verbs`, file);
  const nouns = lemmas(r.nouns, `${id}.nouns`, file);
  if (verbs.length === 0 && nouns.length === 0) throw invalid(file, `${id}: verbs or nouns needed`);
  if (verbs.length > 0 && nouns.length > 0) throw invalid(file, `${id}: verbs or nouns, not both`);
  const source = (r.source ?? (verbs.length ? 'subject' : 'possessor')) as ArgumentSlot;
  const target = (r.target ?? (verbs.length ? 'object' : 'none')) as ArgumentSlot;
  for (const slot of [source, target]) {
    if (typeof slot !== 'string' || !SLOT.test(slot))
      throw invalid(file, `${id}: bad slot ${String(slot)}`);
  }
  if (r.fallbackTarget !== undefined && r.fallbackTarget !== 'winner') {
    throw invalid(file, `${id}: fallbackTarget is "winner" or absent`);
  }
  if (r.fallbackSource !== undefined && !/^(?:COP|JUD|MIL|GOV)$/.test(String(r.fallbackSource))) {
    throw invalid(file, `${id}: fallbackSource is a sector (COP, JUD, MIL, GOV) or absent`);
  }
  if (r.ownAgents !== undefined && typeof r.ownAgents !== 'boolean') {
    throw invalid(file, `${id}: ownAgents is true, false or absent`);
  }
  if (r.particleAdjacent !== undefined && typeof r.particleAdjacent !== 'boolean') {
    throw invalid(file, `${id}: particleAdjacent is true, false or absent`);
  }
  if (r.intransitive !== undefined && typeof r.intransitive !== 'boolean') {
    throw invalid(file, `${id}: intransitive is true, false or absent`);
  }
  if (r.reciprocal !== undefined && typeof r.reciprocal !== 'boolean') {
    throw invalid(file, `${id}: reciprocal is true, false or absent`);
  }
  if (!Array.isArray(r.examples) || r.examples.length === 0) {
    throw invalid(file, `${id}: at least one example sentence is required`);
  }
  const examples = (r.examples as unknown[]).map((e) => {
    const example = e as RuleExample;
    if (typeof example?.text !== 'string' || example.text.trim() === '') {
      throw invalid(file, `${id}: an example needs a text`);
    }
    return example;
  });
  return {
    id,
    type,
    mode,
    cameo: code.code,
    quadClass: code.quadClass,
    verbs,
    nouns,
    particle:
      typeof r.particle === 'string'
        ? r.particle.toLowerCase().split('|')
        : lemmas(r.particle, `${id}.particle`, file),
    particleAdjacent: r.particleAdjacent === true,
    objects: lemmas(r.objects, `${id}.objects`, file),
    then: lemmas(r.then, `${id}.then`, file),
    with: lemmas(r.with, `${id}.with`, file),
    without: lemmas(r.without, `${id}.without`, file),
    requireTarget: r.requireTarget === true,
    affirmative: r.affirmative === true,
    intransitive: r.intransitive === true,
    predicates: lemmas(r.predicates, `${id}.predicates`, file),
    fallbackTarget: r.fallbackTarget === 'winner' ? 'winner' : null,
    fallbackSource: typeof r.fallbackSource === 'string' ? r.fallbackSource : null,
    ownAgents: r.ownAgents === true,
    reciprocal: typeof r.reciprocal === 'boolean' ? r.reciprocal : RECIPROCAL_TYPES.has(type),
    source,
    target,
    passive: r.passive !== false && verbs.length > 0,
    reason: r.reason,
    examples,
    file,
  };
}

export function loadEventRules(
  dir = EVENT_RULES_DIR,
  cameoFile = CAMEO_FILE,
  ploverFile = PLOVER_FILE,
): EventRules {
  const cameo = loadCameo(cameoFile);
  const modes = loadModes(ploverFile);
  const rules: EventRule[] = [];
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    throw invalid(dir, 'cannot read the rules directory');
  }
  for (const name of files) {
    const file = join(dir, name);
    const data = readJson(file) as { type?: unknown; rules?: unknown };
    if (typeof data.type !== 'string' || !modes.has(data.type)) {
      throw invalid(file, `"type" must be a PLOVER type, not ${String(data.type)}`);
    }
    if (!Array.isArray(data.rules)) throw invalid(file, 'rules[] is required');
    for (const raw of data.rules) rules.push(parseRule(raw, data.type, file, cameo, modes));
  }
  const byId = new Map<string, EventRule>();
  const byVerb = new Map<string, EventRule[]>();
  const byNoun = new Map<string, EventRule[]>();
  for (const rule of rules) {
    if (byId.has(rule.id)) throw invalid(rule.file, `duplicate rule id ${rule.id}`);
    byId.set(rule.id, rule);
    for (const lemma of rule.verbs) byVerb.set(lemma, [...(byVerb.get(lemma) ?? []), rule]);
    for (const lemma of rule.nouns) byNoun.set(lemma, [...(byNoun.get(lemma) ?? []), rule]);
  }
  return { rules, byId, byVerb, byNoun, cameo, modes };
}

let cached: EventRules | undefined;

export function eventRules(): EventRules {
  cached ??= loadEventRules();
  return cached;
}
