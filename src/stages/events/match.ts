/**
 * Rule matching over one sentence's tokens: triggers (verbs with their particle, object or
 * control complement; nouns), then arguments from a shallow reading of the clause — the
 * subject phrase before the verb (through relative pronouns, appositions, coordination and
 * participles: speaker.ts), the object or a prepositional phrase after it, a possessor before
 * a noun — and the verb group's negation and modality.
 */
import type { Sentence } from '../../core/document.js';
import type { ActorMention } from '../actors/types.js';
import {
  afterWritten,
  inDate,
  PASSIVE_AUX,
  POSSESSIVE,
  phraseEndingAt,
  phraseFrom,
  floating,
  skipVerbGroup,
  speakerBefore,
  WEEKDAY,
  speakerFromPhrase,
  type QuoteContext,
  type Speaker,
  resolveDescription,
} from '../quotes/speaker.js';
import type { EventContext } from './context.js';
import type { EventRule, EventRules } from './rules.js';

export type Modality = 'asserted' | 'planned' | 'hypothetical' | 'question';

export interface Argument {
  actor: string | null;
  text: string;
  start: number;
  end: number;
  /** The code the mention gives its actor here ("the Kremlin" → RUSGOV), if any. */
  code: string | null;
}

export interface EventDraft {
  rule: EventRule;
  /** Token indexes of the trigger (first, last inclusive). */
  first: number;
  last: number;
  sentence: number;
  sources: Argument[];
  targets: Argument[];
  negated: boolean;
  modality: Modality;
  /** Under "must"/"should": what someone is asked to do, not an event (events.ts). */
  obliged: boolean;
  /** "will withdraw … unless …": a conditional threat (events.ts). */
  conditional: boolean;
  /** Planned as the future of reported speech ("said it would prohibit aid"), not announced. */
  reported?: boolean;
  /** Why each argument was chosen, for --explain. */
  why: string[];
}

const NEGATION = new Set(['not', "n't", 'never', 'no']);
/** Words before "to" that say the act did not happen. */
const FAILED = new Set(['fail', 'failed', 'unable', 'inability', 'failure']);
/**
 * Nouns whose "to"-verb is intended, not done: "the EU's threat to impose sanctions", "a bid
 * to oust the president" ("a decision to", "a move to" say nothing of when; "an attempt to
 * assassinate" is the act in CAMEO, done or foiled).
 */
const INTENT_NOUN =
  /^(?:plans?|threats?|intentions?|readiness|willingness|determination|resolve|pledges?|promises?|vows?|offers?|proposals?|bids?|efforts?|push|drive|campaign)$/;
/** Modals of obligation: "Sudan must return the helicopter" states a demand, not an event. */
const OBLIGATION = new Set(['must', 'should', 'ought']);
const PLANNED_AUX = new Set(['will', "'ll", 'shall']);
const HYPOTHETICAL_AUX = new Set(['would', 'could', 'may', 'might', "'d", 'should']);
/** Verbs whose "to"-complement is planned: "intends to provide", "is preparing to". */
const PLANNING = new Set([
  'plan',
  'intend',
  'prepare',
  'aim',
  'expect',
  'schedule',
  'set',
  'want',
  'seek',
  'hope',
  'decide',
  'vow',
  'pledge',
  'promise',
  'consider',
  'propose',
  'offer',
  'due',
  'invite',
  'slate',
  'poise',
  // "accused of plotting to blow up", "a plot to kill": intended, not done.
  'plot',
  'conspire',
  'scheme',
  'wish',
]);
/**
 * Verbs whose "to"-complement verb is planned, though a noun after them is not: "agreed to
 * withdraw", "threatened to impose sanctions" (but "agreed to talks" is the agreement's own).
 */
const COMMITTING = new Set(['agree', 'consent', 'threaten']);
/** Tokens that end a clause for argument search. */
const CLAUSE_END = new Set([
  ',',
  ';',
  ':',
  '.',
  '!',
  '?',
  '—',
  '–',
  'that',
  'which',
  'who',
  'while',
  'whereas',
  'but',
  'because',
  'after',
  'before',
  'when',
  'if',
  'although',
]);
const MAX_OBJECT = 10;
const RELATIVE_DAY = /^(?:today|yesterday)$/;
/** Where the search for the verb governing a noun stops. */
const GOVERNING_END = new Set([
  ',',
  ';',
  ':',
  '.',
  'that',
  'which',
  'who',
  'while',
  'whereas',
  'because',
  'although',
  // "…deployed force as a general strike spread": the noun's own clause.
  'as',
  // "living there at the time of the attacks": an act referred to, not governed.
  'time',
  'aftermath',
  'wake',
  'anniversary',
  'since',
  'victims',
]);
/** Prepositions after which a city is where someone is, not who: "protesters in Minsk". */
const PLACE_PREP = new Set(['in', 'at', 'near', 'outside', 'inside', 'across']);
const DETERMINER = /^(?:the|a|an|its|their|his|her|our|this|these|those)$/;
/** Words between a verb and its addressee: "met with", "called on", "demanded that". */
const OBJECT_LEAD = new Set(['with', 'on', 'upon', 'that', 'from', 'for', 'to', 'against']);

function lemma(ctx: QuoteContext, t: number): string {
  return (ctx.tokens[t]?.lemma ?? '').toLowerCase();
}

/**
 * The noun rules token t may trigger: by its form, and by its lemma only for a plural (the
 * lemma costs a call into wink-nlp).
 */
function nounRules(ctx: QuoteContext, t: number, rules: EventRules): EventRule[] | undefined {
  const form = ctx.word(t);
  return (
    rules.byNoun.get(form) ?? (form.endsWith('s') ? rules.byNoun.get(lemma(ctx, t)) : undefined)
  );
}

/** Past forms wink-nlp's tagger may take for nouns after a plural subject ("troops shot"). */
const IRREGULAR: Record<string, string> = {
  shot: 'shoot',
  forbidden: 'forbid',
  retaken: 'retake',
  overran: 'overrun',
  taken: 'take',
  stolen: 'steal',
  driven: 'drive',
  forbade: 'forbid',
  broken: 'break',
  frozen: 'freeze',
  withdrawn: 'withdraw',
  overthrown: 'overthrow',
  beaten: 'beat',
  fought: 'fight',
  held: 'hold',
  met: 'meet',
  sent: 'send',
  took: 'take',
  led: 'lead',
  struck: 'strike',
  withdrew: 'withdraw',
  threw: 'throw',
  broke: 'break',
  froze: 'freeze',
  began: 'begin',
  gave: 'give',
  made: 'make',
  told: 'tell',
  sought: 'seek',
  brought: 'bring',
  hit: 'hit',
  cut: 'cut',
  put: 'put',
  set: 'set',
  shut: 'shut',
  beat: 'beat',
  fled: 'flee',
  retook: 'retake',
  swore: 'swear',
  bombed: 'bomb',
  rose: 'rise',
  kept: 'keep',
  left: 'leave',
  won: 'win',
  lost: 'lose',
  spoke: 'speak',
  blew: 'blow',
};

/**
 * IRREGULAR as a map, for verbLemma and governingVerb (once per noun or adjective after a subject): looking a
 * token's form up in the object literal cost more. (An inherited name there, "constructor",
 * finds no rule either way.)
 */
const IRREGULAR_PAST: ReadonlyMap<string, string> = new Map(Object.entries(IRREGULAR));

/** Copulas of a reported judgement: "said the plan was a mistake". */
const COPULA = /^(?:is|are|was|were|be|been|being|remains|remained)$/;

/**
 * The predicate after the object of the verb at t: "X a farce", "X as a visionary", or after a
 * copula in a reported clause ("said the plan was a clear distortion", "…is unacceptable"); a
 * quote mark may open it. Within the clause; -1 if none of `predicates` or if it is negated
 * ("said the vote was not a farce").
 */
function predicateAfter(ctx: QuoteContext, t: number, s: Sentence, predicates: string[]): number {
  let sawObject = false;
  for (let k = t + 1; k < s.tokenEnd && k - t <= 12; k++) {
    const word = ctx.word(k);
    if (/^[,;:.!?]$/.test(word) || ctx.tokens[k]?.pos === 'VERB') return -1;
    const copula = sawObject && COPULA.test(word);
    if (sawObject && (word === 'a' || word === 'an' || word === 'as' || copula)) {
      for (let j = k + 1; j < s.tokenEnd && j - k <= 4; j++) {
        const w = ctx.word(j);
        if (NEGATION.has(w)) return -1;
        if (predicates.includes(w) || predicates.includes(lemma(ctx, j))) return j;
        if (!/^(?:ADJ|ADV|DET|PUNCT)$/.test(ctx.tokens[j]?.pos ?? '') && !/^["“”']$/.test(w)) {
          break;
        }
      }
      if (copula) return -1;
    }
    if (ctx.tokens[k]?.pos === 'NOUN' || ctx.tokens[k]?.pos === 'PROPN') sawObject = true;
    if (ctx.tokens[k]?.pos === 'PRON') sawObject = true;
  }
  return -1;
}

/** Tags a verb form wink-nlp took for a noun may follow, and precede its object. */
const SUBJECT_END = new Set(['NOUN', 'PROPN', 'PRON', 'ADV', 'AUX']);
const OBJECT_START = new Set(['DET', 'ADJ', 'PROPN', 'NUM', 'PRON']);

/**
 * The verb lemma of token t, when it is a verb: wink-nlp's own tag, or a past form it tagged as
 * a noun or adjective right after a subject ("The police tortured detainees", "Qatar
 * mediated"), when that lemma triggers a rule.
 */
function verbLemma(ctx: QuoteContext, t: number, rules: EventRules): string | undefined {
  const token = ctx.tokens[t];
  if (!token) return undefined;
  if (token.pos === 'VERB') {
    const base = lemma(ctx, t);
    // wink-nlp reads "raped" as a form of "rap": a past form whose "-d" ends a rule's verb
    // is that verb.
    if (rules.byVerb.has(base) || !token.normal.endsWith('ed')) return base;
    const verb = token.normal.slice(0, -1);
    return rules.byVerb.has(verb) ? verb : base;
  }
  if (token.pos !== 'NOUN' && token.pos !== 'ADJ') return undefined;
  // "is ready to contribute", "are willing to forgive": an adjective with its complement.
  if (token.pos === 'ADJ' && ctx.word(t + 1) === 'to' && rules.byVerb.has(token.normal)) {
    return token.normal;
  }
  const before = ctx.tokens[t - 1];
  // "Carter toured the region, meeting with Meshaal": a participle after a comma that the
  // tagger read as a noun, before its object or preposition.
  if (token.pos === 'NOUN' && token.normal.endsWith('ing') && before?.normal === ',') {
    const next = ctx.tokens[t + 1]?.pos ?? '';
    if (next === 'ADP' || OBJECT_START.has(next)) {
      const stem = token.normal.slice(0, -3);
      for (const guess of [stem, `${stem}e`, stem.replace(/(.)\1$/, '$1')]) {
        if (rules.byVerb.has(guess)) return guess;
      }
    }
  }
  // "was found shot dead": a participle after "found".
  const afterFound = before?.normal === 'found';
  if (!before || (!afterFound && !floating(ctx, t - 1) && !SUBJECT_END.has(before.pos))) {
    return undefined;
  }
  // "their shot at the top job": a possessive makes the word a noun.
  if (POSSESSIVE.has(before.normal)) return undefined;
  const form = token.normal;
  // "Iran attacks Israeli targets": a present-tense verb between a name and its object.
  if (token.pos === 'NOUN' && form.endsWith('s') && ['PROPN', 'PRON'].includes(before.pos)) {
    const after = ctx.tokens[t + 1];
    if (after && OBJECT_START.has(after.pos)) {
      for (const guess of [form.slice(0, -1), form.slice(0, -2)]) {
        if (rules.byVerb.has(guess)) return guess;
      }
    }
  }
  const irregular = IRREGULAR_PAST.get(form);
  if (irregular) return rules.byVerb.has(irregular) ? irregular : undefined;
  if (!form.endsWith('ed')) return undefined;
  const stem = form.slice(0, -2);
  for (const guess of [stem, `${stem}e`, stem.replace(/(.)\1$/, '$1'), stem.replace(/i$/, 'y')]) {
    if (rules.byVerb.has(guess)) return guess;
  }
  return undefined;
}

/**
 * Whether the attack verb at t is followed, after its object, by "on/for/over" + a possessive:
 * "attacked Obama on his pledge", "attacked the minister for her remarks".
 */
function attackOnTopic(ctx: QuoteContext, t: number, s: Sentence): boolean {
  let k = skipAdverbs(ctx, t + 1, s.tokenEnd);
  // Over the object and its titles: "US presidential candidate Barack Obama".
  for (
    let n = 0;
    n < 8 && k < s.tokenEnd && /^(?:DET|ADJ|NOUN|PROPN)$/.test(ctx.tokens[k]?.pos ?? '');
    n++
  )
    k++;
  return (
    /^(?:on|for|over)$/.test(ctx.word(k)) &&
    /^(?:his|her|their|its)$/.test(ctx.word(k + 1)) &&
    // ("attacked a convoy on their way to Mosul": where, not what about.)
    !/^(?:way|return|arrival|journey|trip|patrol|march|retreat|watch|territory|soil|side|own|base|home|positions?)$/.test(
      ctx.word(k + 2),
    )
  );
}

/**
 * Whether a list of actors goes on at token k, after a comma: a mention there followed by
 * another comma, "and" or "or" ("Ukraine, Poland and Lithuania"); not "the Russian invasion
 * of Georgia, Poland agreed…", where the comma ends a phrase.
 */
function listGoesOn(ctx: QuoteContext, k: number): boolean {
  const m = ctx.mentionAt(k);
  return m !== undefined && /^(?:,|and|or)$/.test(ctx.word(ctx.tokenAt(m.end)));
}

/** Words of labour disputes: "a strike by teachers", "the miners' strike", "a general strike". */
const LABOUR =
  /^(?:unions?|workers?|employees|staff|teachers|miners|doctors|nurses|pilots|drivers|dockers|general|national|wage|wages|pay|labou?r|trade)$/;

/**
 * Whether the noun "strike(s)" at t is a state's use of force: right after a country's or an
 * armed force's name ("Israeli strikes", "US strikes"), with no word of a labour dispute near.
 */
function stateStrike(ctx: QuoteContext, t: number, s: Sentence): boolean {
  for (let k = Math.max(s.tokenStart, t - 4); k < Math.min(s.tokenEnd, t + 5); k++) {
    if (LABOUR.test(ctx.word(k))) return false;
  }
  const m = ctx.mentionAt(t - 1);
  if (!m) return false;
  const sector = (m.code ?? '').slice(3, 6);
  if (!((m.type === 'country' && (sector === '' || sector === 'GOV')) || sector === 'MIL')) {
    return false;
  }
  // …aimed at another country ("Israeli strikes on Lebanon"), or among words of violence ("hit
  // by Israeli strikes", "civilians killed in US strikes"): "the French strike paralysed
  // Paris" is a walkout.
  if (/^(?:on|against)$/.test(ctx.word(t + 1))) {
    for (let k = t + 2; k < s.tokenEnd && k <= t + 5; k++) {
      const other = ctx.mentionAt(k);
      if (other?.code && other.code.slice(0, 3) !== (m.code ?? '').slice(0, 3)) return true;
    }
  }
  for (let k = s.tokenStart; k < s.tokenEnd; k++) if (VIOLENCE.test(ctx.word(k))) return true;
  return false;
}

const VIOLENCE =
  /^(?:killed|killing|kills|hit|targeted|targeting|wounded|injured|destroyed|bombed|casualties|dead|civilians|rockets|missiles|shelling|bombardment)$/;

/**
 * Whether the gerund at t opens a clause (the sentence, or after "that", "if", "whether") whose
 * verb is a modal: "recognizing Kosovo would have a negative effect", "attacking Iran could
 * start a war".
 */
function gerundSubject(ctx: QuoteContext, t: number, s: Sentence): boolean {
  if (t !== s.tokenStart && !/^(?:that|if|whether)$/.test(ctx.word(t - 1))) return false;
  for (let k = t + 1; k < s.tokenEnd && k - t <= 10; k++) {
    const word = ctx.word(k);
    if (/^(?:would|could|might|may|will|can|should|must)$/.test(word)) return true;
    // "said that deploying a missile shield in Europe is necessary": judged, not done.
    if (/^(?:is|are|was|were)$/.test(word)) {
      if (EVALUATIVE.test(ctx.word(skipAdverbs(ctx, k + 1, s.tokenEnd)))) return true;
      // ("allowing teachers to carry weapons is one of the options"): a possibility.
      for (let j = k + 1; j < s.tokenEnd && j - k <= 6; j++) {
        if (POSSIBLE.test(ctx.word(j))) return true;
      }
      return false;
    }
    if (/^[,;:.!?]$/.test(word) || ctx.tokens[k]?.pos === 'VERB') return false;
  }
  return false;
}

/** Words that judge what a gerund subject names: "deploying troops is necessary". */
const EVALUATIVE =
  /^(?:necessary|important|essential|vital|crucial|needed|required|key|wrong|right|illegal|legal|unacceptable|acceptable|justified|unjustified|possible|impossible|likely|unlikely|dangerous|pointless|useless)$/;

/** Months and their abbreviations. */
const MONTH =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;

/** Whether a word opens a date: a number, a month, a weekday. */
const dateWord = (word: string) => /^\d/.test(word) || MONTH.test(word) || WEEKDAY.test(word);

/** The token after t skipping adverbs: "refused outright to meet". */
function skipAdverbs(ctx: QuoteContext, t: number, end: number): number {
  let k = t;
  while (k < end && (ctx.tokens[k]?.pos === 'ADV' || INTENSIFIERS.has(ctx.word(k)))) k++;
  return k;
}

/** Words between a verb and its particle that wink-nlp may tag as adjectives: "pushing hard for". */
const INTENSIFIERS = new Set(['hard', 'strongly', 'firmly', 'again', 'also']);

/** Verbs whose object is the subject of their to-complement: "warned the AU not to travel". */
const OBJECT_CONTROL = new Set(['warn', 'caution', 'urge', 'order', 'tell', 'advise', 'force']);

interface TriggerMatch {
  rule: EventRule;
  /** The token after which arguments are looked for. */
  after: number;
  last: number;
  /** Tokens the match used (an object head, a complement verb): not triggers themselves. */
  used: number[];
  specificity: number;
  /** The object head a rule's `objects` matched after the verb, if any. */
  head?: number;
}

function matchVerbRule(
  ctx: QuoteContext,
  t: number,
  rule: EventRule,
  s: Sentence,
): TriggerMatch | null {
  let after = t;
  let last = t;
  const used: number[] = [];
  let specificity = 0;
  let objectAt = -1;
  // "demonstrated in Minsk", not "demonstrates democratic processes"; "rallied outside", not
  // "rallied support".
  if (rule.intransitive) {
    const next = ctx.tokens[skipAdverbs(ctx, t + 1, s.tokenEnd)];
    if (next && /^(?:DET|NOUN|PROPN|PRON|NUM|ADJ)$/.test(next.pos)) return null;
  }
  if (rule.particle.length > 0) {
    let k = skipAdverbs(ctx, t + 1, s.tokenEnd);
    // "forced the UN agency out", "called the strike off": the object may stand between
    // (not for `particleAdjacent` rules: "called Putin on Monday" is no "call on").
    if (!rule.particle.includes(ctx.word(k)) && !rule.particleAdjacent) {
      k = phraseFrom(ctx, k, s.tokenEnd);
    }
    // "forced the UN refugee agency, UNHCR, out of": over an apposition to the particle.
    if (ctx.word(k) === ',') {
      const closing = phraseFrom(ctx, k + 1, s.tokenEnd);
      if (ctx.word(closing) === ',' && rule.particle.includes(ctx.word(closing + 1)))
        k = closing + 1;
    }
    if (!rule.particle.includes(ctx.word(k))) return null;
    // "The election was called on February 24": a date after "on" is when, not whom.
    if (rule.particleAdjacent && dateWord(ctx.word(k + 1))) return null;
    after = k;
    last = k;
    specificity += 1;
  }
  if (rule.then.length > 0) {
    let k = skipAdverbs(ctx, after + 1, s.tokenEnd);
    // "warned the AU not to travel", "urged Kyiv to negotiate": the object controls the
    // complement, and stays the object.
    let controlled = false;
    if (ctx.word(k) !== 'to' && OBJECT_CONTROL.has(lemma(ctx, t))) {
      let j = phraseFrom(ctx, k, s.tokenEnd);
      if (ctx.word(j) === 'not') j++;
      if (j > k && ctx.word(j) === 'to') {
        k = j;
        controlled = true;
      }
    }
    if (ctx.word(k) !== 'to') return null;
    k = skipAdverbs(ctx, k + 1, s.tokenEnd);
    const complement = ctx.tokens[k];
    const any =
      rule.then.includes('*') && (complement?.pos === 'VERB' || complement?.pos === 'AUX');
    if (!any && !rule.then.includes(lemma(ctx, k))) return null;
    used.push(k);
    if (!controlled) {
      after = k;
      last = k;
    }
    specificity += 2;
  }
  if (rule.predicates.length > 0) {
    // "called the vote a farce", "described Kirchhof as a visionary": the object, then the
    // judgement of it.
    const k = predicateAfter(ctx, after, s, rule.predicates);
    if (k < 0) return null;
    // The object and the label are judged, not done: "India called the bombing a 'cowardly
    // terrorist attack'" codes no bombing or attack by India.
    let end = k;
    while (end + 1 < s.tokenEnd && /^(?:NOUN|ADJ)$/.test(ctx.tokens[end + 1]?.pos ?? '')) end++;
    for (let j = after + 1; j <= end; j++) used.push(j);
    specificity += 2;
  }
  if (rule.objects.length > 0) {
    const head = objectHead(ctx, after + 1, s.tokenEnd, rule.objects);
    // "blew himself up": the object between the verb and its particle (arguments are still
    // looked for after the particle).
    const between =
      head < 0 && rule.particle.length > 0 && after > t + 1
        ? objectHead(ctx, t + 1, after, rule.objects)
        : -1;
    // "The hostages were freed by the rebels": a passive's subject is its object.
    const subject =
      head < 0 && between < 0 && rule.passive && after === t
        ? passiveSubjectHead(ctx, t, s, rule.objects)
        : -1;
    if (head < 0 && between < 0 && subject < 0) return null;
    if (between >= 0) {
      used.push(between);
      objectAt = between;
    }
    if (head >= 0) {
      // (Also an adverb right before the verb: "verbally abused prisoners".)
      const from = ctx.tokens[t - 1]?.pos === 'ADV' ? t - 1 : t + 1;
      if (rule.without.length > 0 && hasWord(ctx, from, head + 1, rule.without)) return null;
      used.push(head);
      after = head;
      objectAt = head;
    }
    specificity += 2;
  } else if (rule.without.length > 0 && hasWord(ctx, t + 1, t + 5, rule.without)) {
    return null;
  }
  if (rule.with.length > 0) {
    if (!hasWord(ctx, Math.max(s.tokenStart, t - 3), Math.min(s.tokenEnd, after + 2), rule.with)) {
      return null;
    }
    specificity += 1;
  }
  return { rule, after, last, used, specificity, ...(objectAt >= 0 ? { head: objectAt } : {}) };
}

function hasWord(ctx: QuoteContext, from: number, to: number, list: string[]): boolean {
  const words = wordSet(list);
  for (let k = from; k < to; k++) {
    if (words.has(ctx.word(k)) || words.has(lemma(ctx, k))) return true;
  }
  return false;
}

const WORD_SETS = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * A rule's word list as a set, made the first time it is asked for: the lists (objects,
 * without, with) run to dozens of words and are looked up for every token near a trigger.
 */
function wordSet(list: readonly string[]): ReadonlySet<string> {
  let set = WORD_SETS.get(list);
  if (!set) {
    set = new Set(list);
    WORD_SETS.set(list, set);
  }
  return set;
}

/** A noun rule's constraints: a word near it ("telephone conversation", "joint exercises"). */
function matchNounRule(
  ctx: QuoteContext,
  t: number,
  rule: EventRule,
  s: Sentence,
): TriggerMatch | null {
  let specificity = 0;
  // "in March": a capitalised word inside a sentence is a name or a month, not the noun.
  const token = ctx.tokens[t];
  const sentenceStart = t === s.tokenStart;
  if (token && !sentenceStart && /^\p{Lu}/u.test(ctx.text(token.start, token.start + 1)))
    return null;
  // "invasion forces", "sanctions regime": a modifier of another noun, not the event.
  const next = ctx.tokens[t + 1];
  if (
    next &&
    (next.pos === 'NOUN' || next.pos === 'PROPN') &&
    !ctx.mentionAt(t + 1) &&
    !(WEEKDAY.test(next.normal) || RELATIVE_DAY.test(next.normal))
  ) {
    // …unless the next noun only frames the event: "a mediation effort", "a peace mission",
    // "a protest meeting called by the Bar Association" (whose agent follows the frame).
    if (rule.type === 'PROTEST' && PROTEST_FRAMES.has(next.normal)) {
      if (unrealized(ctx, t, s)) return null;
      return { rule, after: t + 1, last: t + 1, used: [], specificity };
    }
    if (!LIGHT_NOUNS.has(next.normal)) return null;
  }
  // "the need for negotiations", "called for sanctions": a wish, not an event.
  if (unrealized(ctx, t, s)) return null;
  // "charged with the murder of", "arrested for the killing of": what someone is charged or
  // punished for is the content of that act.
  if (chargedWithAct(ctx, t, s)) return null;
  if (rule.with.length > 0) {
    if (!hasWord(ctx, Math.max(s.tokenStart, t - 3), t, rule.with)) return null;
    specificity += 1;
  }
  if (rule.without.length > 0 && hasWord(ctx, Math.max(s.tokenStart, t - 3), t, rule.without)) {
    return null;
  }
  // "talks between X and Y" and "talks with X" are different rules for one noun: the one whose
  // preposition follows is the reading.
  if (rule.source === 'between' || rule.target === 'between') {
    if (prepAfter(ctx, t, s.tokenEnd, 'between') < 0) return null;
    specificity += 1;
  } else {
    // "a summit of the AU", "talks with Iran": the slot whose preposition follows.
    for (const slot of [rule.source, rule.target]) {
      if (!slot.startsWith('prep:')) continue;
      const preps = slot.slice('prep:'.length).split('|');
      if (preps.some((prep) => prepAfter(ctx, t, s.tokenEnd, prep) >= 0)) specificity += 1;
    }
  }
  // "a suspension of air links": the noun's object after "of".
  if (rule.objects.length > 0) {
    if (ctx.word(t + 1) !== 'of') return null;
    const head = objectHead(ctx, t + 2, s.tokenEnd, rule.objects);
    if (head < 0) return null;
    return { rule, after: head, last: t, used: [head], specificity: specificity + 2 };
  }
  return { rule, after: t, last: t, used: [], specificity };
}

/** Nouns a protest names its form with: "a protest march", "a protest meeting". */
const PROTEST_FRAMES = new Set([
  'meeting',
  'meetings',
  'march',
  'marches',
  'rally',
  'rallies',
  'gathering',
  'gatherings',
  'action',
  'actions',
  'camp',
]);

const LIGHT_NOUNS = new Set([
  'effort',
  'efforts',
  'mission',
  'missions',
  'process',
  'bid',
  'attempt',
  'attempts',
  'campaign',
  'operation',
  'operations',
  'talks',
  'initiative',
]);

/**
 * Nouns after these words name something wished for or feared, not something done ("the threat
 * of sanctions", "the risk of war").
 */
const WISHED =
  /^(?:need|needs|call|calls|demand|demands|hope|hopes|possibility|prospect|prospects|idea|plan|plans|proposal|proposals|offer|request|requests|appeal|push|press|lobby|pressure|chance|prospect|timetable|deadline|schedule|roadmap|date|terms|conditions|threat|threats|risk|risks|danger|spectre|specter|goal|goals|aim|aims|objective|objectives|ambition|ambitions|dream|vision)$/;

const PRONOUN_TEXT = /^(?:they|them|he|she|it|we)$/i;

/** Spans of time and runs of acts whose "of"-gerund names the act: "days of fighting". */
const SPAN_NOUN =
  /^(?:hours|days|weeks|months|years|decades|nights|night|day|week|month|year|rounds?|waves?|spate|series|outbreak|bout|bouts)$/;

/** Nouns whose topic ("on", "about", "over" a gerund) is talked about, not done. */
const TOPIC =
  /^(?:decision|decisions|debate|debates|discussion|discussions|talks|vote|referendum|consultations?|questions?|views|position|stance|guidance|advice|briefing|update|ruling|resolution|law|bill|proposals?|plans?|negotiations)$/;

/**
 * Verbs whose object is asked for, not done: "demanded an investigation", "sought talks",
 * "urged a boycott". The request is the verb's own event (REQUEST); the act asked for has not
 * happened, and it is not the asker's.
 */
const REQUESTED = new Set([
  'demand',
  'request',
  'seek',
  'urge',
  'want',
  'propose',
  'suggest',
  'recommend',
]);

/** Verbs that ask for what follows "for": "asked for an inquiry". */
const ASKING_FOR = new Set(['ask', 'plead', 'beg', 'clamor', 'clamour', 'campaign', 'agitate']);

/** Verbs whose object did not take place: "is avoiding a meeting", "postponed the talks". */
const AVOIDED = new Set([
  'avoid',
  'postpone',
  'delay',
  'cancel',
  'refuse',
  'reject',
  'rule',
  'block',
  'oppose',
  'prevent',
  'shun',
  'boycott',
  'skip',
  // "Arroyo has forbidden protest rallies": banned, not held.
  'forbid',
  'ban',
  'prohibit',
  'outlaw',
]);

/** Nouns of a capacity to act, before "to": "the power to dissolve", "the right to veto". */
const CAPACITY =
  /^(?:power|powers|right|rights|authority|ability|capacity|mandate|option|freedom)$/;

/** Words that open a list of what might happen: "scenarios such as an invasion". */
const POSSIBLE =
  /^(?:scenario|scenarios|option|options|possibility|possibilities|possible|hypothetical|contingency|contingencies|range|ranges|ranging)$/;

function unrealized(ctx: QuoteContext, t: number, s: Sentence): boolean {
  // "Options include sanctions or talks", "responses range from sanctions to a ceasefire".
  for (let k = t - 1; k >= s.tokenStart && t - k <= 8; k--) {
    if (/^[;:]$/.test(ctx.word(k))) break;
    if (POSSIBLE.test(ctx.word(k))) return true;
  }
  for (let k = t - 1; k >= s.tokenStart && t - k <= 5; k--) {
    const word = ctx.word(k);
    // The verb's own rule (REJECT for "refused talks", "boycotted the summit") codes it.
    // (wink-nlp tags "has forbidden" as an adjective after its auxiliary.)
    if (ctx.tokens[k]?.pos === 'VERB' && AVOIDED.has(lemma(ctx, k))) return true;
    if (ctx.tokens[k]?.pos === 'VERB' && REQUESTED.has(lemma(ctx, k))) return true;
    if (ctx.tokens[k]?.pos === 'ADJ' && ctx.tokens[k - 1]?.pos === 'AUX') {
      if (AVOIDED.has(IRREGULAR_PAST.get(word) ?? lemma(ctx, k))) return true;
    }
    if ((word === 'for' || word === 'of' || word === 'to') && WISHED.test(ctx.word(k - 1)))
      return true;
    if ((word === 'for' || word === 'of') && WISHED.test(lemma(ctx, k - 1))) return true;
    // "asked for an inquiry", "pleaded for talks".
    if (word === 'for' && ASKING_FOR.has(lemma(ctx, k - 1))) return true;
    if (ctx.tokens[k]?.pos === 'VERB' || /^[,;:]$/.test(word)) break;
  }
  return false;
}

/** Nouns that make the word before them a modifier: "fuel research", "arms industry". */
const COMPOUND_HEAD = new Set([
  'research',
  'inspector',
  'inspectors',
  'programme',
  'program',
  'programs',
  'programmes',
  'price',
  'prices',
  'industry',
  'industries',
  'sector',
  'market',
  'markets',
  'plant',
  'plants',
  'reserves',
  'exports',
  'imports',
  'shortage',
  'shortages',
  'production',
  'smuggling',
  'trafficking',
  'dealer',
  'dealers',
  'company',
  'companies',
]);

/** The first noun among `heads` in the phrase after the verb: "imposed new sanctions". */
function objectHead(ctx: QuoteContext, from: number, end: number, list: string[]): number {
  const heads = wordSet(list);
  for (let k = from; k < end && k - from < 8; k++) {
    const token = ctx.tokens[k];
    if (!token) break;
    // A participle after a determiner is an adjective: "the seized ships"; a word wink-nlp
    // tags as a verb right before a listed head modifies it: "fired tear gas".
    // "warned of increased military action": so is a participle opening the phrase.
    if (token.pos === 'VERB' && !DETERMINER.test(ctx.word(k - 1))) {
      const modifier =
        (k === from && heads.has(ctx.word(k + 1))) ||
        (/ed$/.test(token.normal) &&
          (k === from || ctx.tokens[k - 1]?.pos === 'ADP') &&
          /^(?:ADJ|NOUN)$/.test(ctx.tokens[k + 1]?.pos ?? ''));
      if (!modifier) return -1;
    }
    // "begins without consultation": what is done without is not done.
    if (CLAUSE_END.has(token.normal) || token.normal === 'without') return -1;
    // (A pronoun only when a rule lists it: "blew himself up".)
    const head =
      token.pos === 'NOUN' ||
      token.pos === 'PROPN' ||
      token.pos === 'ADJ' ||
      (token.pos === 'PRON' && heads.has(token.normal));
    if (head && (heads.has(token.normal) || heads.has(lemma(ctx, k)))) {
      // "fuel research", "weapons inspectors": a modifier of another noun is not the head.
      if (!COMPOUND_HEAD.has(ctx.word(k + 1))) return k;
    }
  }
  return -1;
}

/**
 * The head of a passive verb's subject when it is one of `heads`: "the hostages" in "the
 * hostages were later freed"; -1 otherwise (or when the verb is not passive).
 */
function passiveSubjectHead(ctx: QuoteContext, t: number, s: Sentence, heads: string[]): number {
  if (!isPassive(ctx, t, s)) return -1;
  let k = skipVerbGroup(ctx, t - 1, s.tokenStart);
  // "The troops, 400 of whom arrived on Tuesday, were deployed": over a clause in commas.
  if (ctx.word(k) === ',') {
    let j = k - 1;
    while (j > s.tokenStart && ctx.word(j) !== ',') j--;
    if (j > s.tokenStart) k = j - 1;
  }
  const token = ctx.tokens[k];
  if (!token || (token.pos !== 'NOUN' && token.pos !== 'PROPN')) return -1;
  const set = wordSet(heads);
  return set.has(token.normal) || set.has(lemma(ctx, k)) ? k : -1;
}

/**
 * The argument a speaker phrase makes with `code`: its four fields copied by name (a spread
 * copied them by enumerating the object, for every argument of every matched trigger).
 */
function withCode(speaker: Speaker, code: string | null): Argument {
  return { actor: speaker.actor, text: speaker.text, start: speaker.start, end: speaker.end, code };
}

function toArgument(ctx: QuoteContext, speaker: Speaker): Argument {
  const a = ctx.tokenAt(speaker.start);
  const b = ctx.tokenAt(speaker.end);
  // "The African country of Mauritania": the country named after "of", not the region.
  if (speaker.actor === null && COUNTRY_OF.test(speaker.text)) {
    const country = ctx.mentionsIn(a, b).at(-1);
    if (country && country.type === 'country') {
      return { ...argumentOf(country), text: speaker.text, start: speaker.start, end: speaker.end };
    }
  }
  const mention = ctx.mentionAt(a);
  // "Kenzo Oshima, the United Nations Emergency Relief Coordinator,": a person the KB does not
  // know, whose apposition names the body they act for, takes its code.
  if (mention ? mention.actor.startsWith('unlinked:') : speaker.actor === null) {
    const code = appositionCode(ctx, ctx.tokenAt(mention?.end ?? speaker.end));
    if (code) return withCode(speaker, code);
  }
  if (speaker.actor !== null || mention) return withCode(speaker, mention?.code ?? null);
  // A bare title or a lone surname named before ("The President rejected…").
  const described = resolveDescription(ctx, speaker);
  if (described.actor !== null) return withCode(described, null);
  // A description with an actor inside it ("US Predator attacks", "Israeli helicopters and
  // tanks"): that actor's code, as the argument's code.
  const inside = ctx.mentionsIn(a, b)[0];
  const code = inside ? (inside.code ?? ctx.actors.get(inside.actor)?.code ?? null) : null;
  return withCode(speaker, code);
}

/** "the African country of Mauritania", "the Gulf state of Qatar": a country, described. */
const COUNTRY_OF = /\b(?:country|nation|state|kingdom|republic|island|emirate|territory) of\b/i;

/** The code of an actor inside an apposition starting at token t: ", the Syrian minister,". */
function appositionCode(ctx: QuoteContext, t: number): string | null {
  if (ctx.word(t) !== ',' || !/^(?:the|a|an)$/.test(ctx.word(t + 1))) return null;
  for (let k = t + 1; k < ctx.tokens.length && k - t <= 10; k++) {
    const word = ctx.word(k);
    if (word === ',' || CLAUSE_END.has(word) || ctx.tokens[k]?.pos === 'VERB') return null;
    const m = ctx.mentionAt(k);
    if (m) return m.code ?? ctx.actors.get(m.actor)?.code ?? null;
  }
  return null;
}

/** The actors of a phrase joined by "and" / commas ending at the speaker: "X and Y agreed". */
function coordinated(ctx: QuoteContext, head: Speaker, limit: number): Argument[] {
  const out = [toArgument(ctx, head)];
  let t = ctx.tokenAt(head.start) - 1;
  // "Ahern and the British Prime Minister, Tony Blair, will meet": the apposition's head is
  // the coordinated item ("and" before its description).
  if (ctx.word(t) === ',') {
    let k = t - 1;
    while (k > limit && t - k <= 8 && ctx.word(k) !== ',' && ctx.word(k) !== 'and') k--;
    const description = phraseEndingAt(ctx, t - 1, k + 1);
    // (A description only: "…and the Leader of the Opposition Kim Beazley, Blair spoke" ends
    // a fronted phrase with a name.)
    const named = ctx.mentionsIn(k + 1, t).some((m) => m.type === 'person');
    if (ctx.word(k) === 'and' && description && description[0] === k + 1 && !named) t = k;
  }
  if (ctx.word(t) === 'the') t--; // "Europe and the United States"
  // "X and Y", "X, Y and Z" — a comma joins only once an "and" has ("In talks with Trump,
  // Putin agreed" has one subject).
  let joined = false;
  while (t > limit && (ctx.word(t) === 'and' || (joined && ctx.word(t) === ','))) {
    const m = ctx.mentionAt(t - 1);
    // "We and other countries have expressed…": inside a quote, "we" is the speaker's side
    // (events.ts reads it so).
    if (!m && /^(?:we|i)$/i.test(ctx.word(t - 1)) && t - 1 >= limit) {
      const token = ctx.tokens[t - 1]!;
      out.unshift({
        actor: null,
        code: null,
        text: ctx.doc.text.slice(token.start, token.end),
        start: token.start,
        end: token.end,
      });
      break;
    }
    if (!m) break;
    joined = true;
    out.unshift(argumentOf(m));
    t = ctx.tokenAt(m.start) - 1;
  }
  return out;
}

/**
 * The actors "they" stands for: the coordinated subject ("X and Y") of an earlier clause in the
 * sentence, else of the sentence before.
 */
function groupBefore(ctx: QuoteContext, t: number, s: Sentence): Argument[] {
  const sentences = ctx.doc.sentences ?? [];
  const index = sentences.indexOf(s);
  for (const scope of [s, sentences[index - 1]]) {
    if (!scope) continue;
    const end = scope === s ? t : scope.tokenEnd;
    for (let v = scope.tokenStart; v < end; v++) {
      if (ctx.tokens[v]?.pos !== 'VERB' && ctx.tokens[v]?.pos !== 'AUX') continue;
      const subject = speakerBefore(ctx, v, scope.tokenStart);
      if (!subject) break;
      const group = coordinated(ctx, subject, scope.tokenStart);
      if (group.length > 1 || scope === s) return group;
      break;
    }
  }
  return [];
}

const QUANTIFIERS = [
  ['at', 'least'],
  ['at', 'most'],
  ['more', 'than'],
  ['less', 'than'],
  ['fewer', 'than'],
  ['up', 'to'],
  ['as', 'many', 'as'],
  ['nearly'],
  ['almost'],
  ['about'],
  ['around'],
  ['over'],
  ['roughly'],
  ['approximately'],
  ['some'],
];

const QUANTIFIER_FIRST = new Set(QUANTIFIERS.map((words) => words[0]));

/** The length of a quantifier before a number at token t ("at least 20"), or 0. */
function quantifierAt(ctx: QuoteContext, t: number): number {
  if (!QUANTIFIER_FIRST.has(ctx.word(t))) return 0;
  for (const words of QUANTIFIERS) {
    if (!words.every((w, i) => ctx.word(t + i) === w)) continue;
    if (ctx.tokens[t + words.length]?.pos === 'NUM') return words.length;
  }
  return 0;
}

/**
 * The name after a description that starts with mention m: "its neighbour, South Korea" (m is
 * the possessive; a comma between), "the Georgian president, Mikheil Saakashvili" or "his
 * French counterpart Nicolas Sarkozy" (m is the demonym; the name must be of its country).
 */
function namedAfter(ctx: QuoteContext, m: ActorMention, end: number): Argument | undefined {
  const possessive = POSSESSIVE.has(m.text.toLowerCase());
  let k = ctx.tokenAt(m.end);
  const first = k;
  while (k < end && k - first < 4 && ctx.tokens[k]?.pos === 'NOUN' && !ctx.mentionAt(k)) k++;
  // "its neighbour, South Korea"; "his French counterpart Nicolas Sarkozy" (no comma: only a
  // person of the demonym's country).
  const comma = ctx.word(k) === ',';
  if (k === first || (!comma && possessive)) return undefined;
  const named = ctx.mentionAt(comma ? k + 1 : k);
  if (!named || /^(?:its|his|her|their|the|a|an)\s/i.test(named.text) || !named.code) {
    return undefined;
  }
  if (!possessive) {
    const person = ctx.actors.get(named.actor ?? '')?.type === 'person';
    if (!person || !m.code || named.code.slice(0, 3) !== m.code.slice(0, 3)) return undefined;
  }
  return argumentOf(named);
}

/** Mentions in the phrase starting at token `from`, coordinated ones included. */
function actorsFrom(ctx: QuoteContext, from: number, end: number): Argument[] {
  const out: Argument[] = [];
  let t = from;
  let sawNoun = false;
  // After "protesters in": a city named there is where they are, not who they are.
  let placed = false;
  let where: ActorMention | undefined;
  // Where the current item of a list begins ("X, the Syrian minister, and the Iraqi …").
  let item = from;
  // Skip determiners and adjectives to the first mention of the phrase.
  while (t < end && t - item < MAX_OBJECT) {
    const m = ctx.mentionAt(t);
    // "hailed his country's relations with India": not the actor's own "his".
    // "its neighbour, South Korea", "the Georgian president, Mikheil Saakashvili": a
    // description, then the name it describes.
    const named = m ? namedAfter(ctx, m, end) : undefined;
    if (named) {
      out.push(named);
      const { next, more } = nextInList(ctx, named.end);
      t = next;
      item = t;
      if (more) continue;
      break;
    }
    if (m && placed && placeMention(m)) {
      where = m;
      break;
    }
    if (m && POSSESSIVE.has(m.text.toLowerCase())) {
      t++;
      continue;
    }
    if (m) {
      // "arrested protesters and journalists in Minsk": a description coordinated before the
      // first actor is a side as well.
      if (out.length === 0 && t > from && ctx.word(t - 1) === 'and') {
        const phraseEnd = phraseFrom(ctx, from, t - 1);
        const speaker = phraseEnd === t - 1 ? speakerFromPhrase(ctx, from, phraseEnd) : null;
        if (speaker) out.push(toArgument(ctx, speaker));
      }
      const arg = argumentOf(m);
      t = ctx.tokenAt(m.end);
      out.push(arg);
      // "Walid Moallem, the Syrian Foreign Minister, and …": an apposition describes the actor
      // before it (and may code it); it is not another actor.
      // (Also with no comma: "Walid Moallem the Syrian Foreign Minister, the Iraqi …".)
      const described =
        ctx.word(t) === ','
          ? ctx.mentionAt(t + 1)
          : ctx.word(t) === 'the'
            ? (ctx.mentionAt(t) ?? ctx.mentionAt(t + 1))
            : undefined;
      if (described && (ctx.word(t) === 'the' || /^(?:the|a|an)\s/i.test(described.text))) {
        const unlinked = arg.actor === null || arg.actor.startsWith('unlinked:');
        if (arg.code === null || unlinked || arg.actor === described.actor) {
          arg.code = described.code ?? ctx.actors.get(described.actor)?.code ?? arg.code;
        }
        const { next, more } = nextInList(ctx, described.end);
        t = next;
        item = t;
        if (more) continue;
        break;
      }
      if (ctx.word(t) === 'and' || (ctx.word(t) === ',' && listGoesOn(ctx, t + 1))) {
        t++;
        item = t;
        continue;
      }
      break;
    }
    const token = ctx.tokens[t];
    // "the decisions made by the North", "attacks carried out by Hamas": the author of an act
    // ("a ceasefire brokered by Egypt" is no act of Egypt's).
    if (token?.pos === 'VERB' && !out.length && ACTS.has(ctx.word(t - 1))) {
      const by = ctx.word(t + 1) === 'by' ? t + 1 : ctx.word(t + 2) === 'by' ? t + 2 : -1;
      if (by > 0) {
        t = by + 1;
        continue;
      }
    }
    // "the self-proclaimed Transnistrian authorities", "the jailed journalists": a participle
    // in a compound or before its noun modifies the phrase.
    if (token?.pos === 'VERB' && (joinedHyphen(ctx, t - 1) || (!sawNoun && modifiesNoun(ctx, t)))) {
      t++;
      continue;
    }
    if (!token || CLAUSE_END.has(token.normal) || token.pos === 'VERB' || token.pos === 'AUX')
      break;
    // "met in Brussels": a preposition before any noun is no object; the place is not the
    // other side. After one ("the elections in Russia") it may name the actor.
    // "killed at least 20 soldiers", "arrested more than 30 Palestinians": a number's
    // quantifier, not a preposition.
    const quantifier = quantifierAt(ctx, t);
    if (quantifier > 0 && !sawNoun) {
      t += quantifier;
      continue;
    }
    if (token.pos === 'ADP' && !sawNoun) break;
    if (token.pos === 'ADP') placed = PLACE_PREP.has(token.normal);
    if (token.pos === 'NOUN' || token.pos === 'PROPN') sawNoun = true;
    t++;
  }
  if (out.length === 0) {
    // No actor: a description ("protesters", "the rebels") may still name the argument.
    const phraseEnd = phraseFrom(ctx, from, end);
    let speaker = phraseEnd > from ? speakerFromPhrase(ctx, from, phraseEnd) : null;
    // "accused the government of fraud": the head before "of" when the whole names no one.
    let of = from + 1;
    while (!speaker && of < phraseEnd && ctx.word(of) !== 'of') of++;
    if (!speaker && of < phraseEnd) speaker = speakerFromPhrase(ctx, from, of);
    // "various leaders, including those of the AU and SADC", "militant groups such as the
    // Lashkar and JeM": the actors the description is exemplified by.
    const examples = phraseEnd > from ? examplesAfter(ctx, phraseEnd, end) : [];
    if (examples.length) out.push(...examples);
    else if (speaker) {
      out.push(toArgument(ctx, speaker));
      // "clashes between gunmen and police": a description coordinated with another side.
      if (ctx.word(phraseEnd) === 'and') out.push(...actorsFrom(ctx, phraseEnd + 1, end));
    }
    // "attacked rebel positions in Darfur": with no one named, the place's country stands in.
    else if (where) {
      out.push(argumentOf(where));
    }
  }
  return out;
}

/**
 * The actor owning the noun at token `head`, written before it after the verb at `t`:
 * "Ukraine's bid", "the Egyptian proposal" (only adjectives and nouns between).
 */
function ownerBefore(ctx: QuoteContext, head: number, t: number): Argument | undefined {
  for (let k = head - 1; k > t; k--) {
    const m = ctx.mentionAt(k);
    if (m) return POSSESSIVE.has(m.text.toLowerCase()) ? undefined : argumentOf(m);
    if (
      !/^(?:ADJ|NOUN|PART|PROPN)$/.test(ctx.tokens[k]?.pos ?? '') &&
      !/^(?:'s|’s)$/.test(ctx.word(k))
    ) {
      return undefined;
    }
  }
  return undefined;
}

/** The actors of `actorsFrom` that are named or coded, not descriptions ("the officials"). */
function namedActorsFrom(ctx: QuoteContext, from: number, end: number): Argument[] {
  return actorsFrom(ctx, from, end).filter((a) => a.actor !== null || a.code !== null);
}

/** After a description ending at token k: the actors of ", including (those of) X, Y" or "such as X". */
function examplesAfter(ctx: QuoteContext, k: number, end: number): Argument[] {
  let j = ctx.word(k) === ',' ? k + 1 : k;
  if (ctx.word(j) === 'including') j++;
  else if (ctx.word(j) === 'such' && ctx.word(j + 1) === 'as') j += 2;
  else return [];
  if (/^(?:those|that)$/.test(ctx.word(j)) && ctx.word(j + 1) === 'of') j += 2;
  return namedActorsFrom(ctx, j, end);
}

/** Countries named by their number only: "many countries", "several states". */
const GENERIC_STATES =
  /^(?:many|several|some|other|most|few|numerous|a number of|dozens of)\s+(?:other\s+)?(?:countries|nations|states|governments)$/i;

/** ", including X, Y and Z" later in the clause of trigger t: the actors it lists. */
function examplesLater(ctx: QuoteContext, t: number, s: Sentence): Argument[] {
  for (let k = t + 1; k < s.tokenEnd - 1; k++) {
    if (/^[;:]$/.test(ctx.word(k))) break;
    if (ctx.word(k) === ',' && ctx.word(k + 1) === 'including') {
      return examplesAfter(ctx, k, s.tokenEnd);
    }
  }
  return [];
}

/** Nouns for acts, whose author "by" names: "the decisions made by", "the attacks carried out by". */
const ACTS = new Set([
  'decision',
  'decisions',
  'move',
  'moves',
  'action',
  'actions',
  'efforts',
  'steps',
  'measures',
  'policy',
  'policies',
  'attack',
  'attacks',
  'statement',
  'statements',
  'remarks',
  'comments',
  'threats',
  'violations',
  // "vetoed the bill passed by Congress": texts whose author "by" names.
  'bill',
  'law',
  'resolution',
  'proposal',
  'plan',
  'amendment',
]);

/**
 * The preposition that makes the actors from token `first` a place of the noun before it
 * ("agents in the Arabian Peninsula, Yemen, Egypt…"), or -1.
 */
function placeLead(ctx: QuoteContext, first: number, start: number): number {
  for (let k = first - 1; k > start && first - k <= 8; k--) {
    const token = ctx.tokens[k];
    if (!token || token.pos === 'VERB' || token.pos === 'AUX') return -1;
    // "…by a federal court in September, but the government appealed": another clause.
    if (token.pos === 'SCONJ' || (token.pos === 'CCONJ' && !/^(?:and|or)$/.test(token.normal))) {
      return -1;
    }
    // ("Explosion near Beirut kills three": a headline's noun may be tagged a proper noun.)
    const noun =
      ctx.tokens[k - 1]?.pos === 'NOUN' ||
      (ctx.tokens[k - 1]?.pos === 'PROPN' &&
        !ctx.mentionAt(k - 1) &&
        (ctx.tokens[k - 1]?.end ?? Infinity) <= (ctx.doc.title?.length ?? 0));
    if (/^(?:in|at|near|from|across|throughout)$/.test(token.normal) && noun) {
      return k;
    }
  }
  return -1;
}

/**
 * "Your agents in Yemen, Egypt and Iraq have captured…", "Hamas militants and their supporters
 * in the Gaza Strip staged…": places after a preposition are where the subject is, not the
 * subject. The subject then is the phrase before them (and what is joined to it), or no one;
 * undefined when the subject is no such place.
 */
function beforePlace(ctx: QuoteContext, group: Argument[], from: number): Argument[] | undefined {
  const first = group[0];
  const place = first ? placeLead(ctx, ctx.tokenAt(first.start), from) : -1;
  if (place < 0) return undefined;
  const head = phraseEndingAt(ctx, place - 1, from);
  // ("The bombing of the Russian embassy in Kabul killed…": the attacked.)
  const attacked = head !== null && ATTACK_NOUN.test(ctx.word(head[0] + 1));
  const described = head && !attacked ? speakerFromPhrase(ctx, head[0], head[1]) : null;
  return described ? coordinated(ctx, described, from) : [];
}

/** Whether the phrase starting at token a is the agent of a passive ("killed by X"). */
function isPassiveAgent(ctx: QuoteContext, a: number): boolean {
  return ctx.word(a - 1) === 'by';
}

/** An argument named as where something lies: "north of Baghdad", "near Kabul", "outside Gaza". */
function placedNear(ctx: QuoteContext, a: Argument): boolean {
  const i = ctx.tokenAt(a.start);
  const before = ctx.word(i - 1);
  return /^(?:near|outside)$/.test(before) || (before === 'of' && COMPASS_OF.test(ctx.word(i - 2)));
}

/** Types whose object is judged or answered: the act named, not whom it befell. */
const JUDGED_TYPES = new Set(['ACCUSE', 'SUPPORT', 'REJECT']);

/**
 * Where those an act noun in the object befell start ("condemned the attacks on Turkish
 * soldiers": the token after "on"; "deplores the arrest of…": after "of"), or -1 when the
 * object is no such act.
 */
function actOnVictims(ctx: QuoteContext, after: number, s: Sentence): number {
  let n = after + 1;
  while (
    n < s.tokenEnd &&
    n - after <= 5 &&
    /^(?:DET|ADJ|NUM|ADV)$/.test(ctx.tokens[n]?.pos ?? '')
  ) {
    n++;
  }
  // "deplores the continued arrest of 15 British citizens": those the act befell.
  if (VICTIM_NOUNS.has(ctx.word(n)) && ctx.word(n + 1) === 'of') return n + 2;
  if (!ATTACK_NOUN.test(ctx.word(n))) return -1;
  // ("the attacks by the PKK on Turkish soldiers": over the doer.)
  let k = n + 1;
  if (ctx.word(k) === 'by') {
    while (k < s.tokenEnd && !/^(?:on|against)$/.test(ctx.word(k)) && k - n <= 6) k++;
  }
  return /^(?:on|against)$/.test(ctx.word(k)) ? k + 1 : -1;
}

/** A hyphen inside a word ("long-threatened"), not a dash between clauses. */
function joinedHyphen(ctx: QuoteContext, k: number): boolean {
  const token = ctx.tokens[k];
  const before = ctx.tokens[k - 1];
  const after = ctx.tokens[k + 1];
  return token?.normal === '-' && before?.end === token.start && after?.start === token.end;
}

/**
 * Verbs of saying and thinking: a noun right after them is the subject of what is said ("said
 * the attack was…"), never their object.
 */
const SAYING = new Set([
  'say',
  'claim',
  'think',
  'believe',
  'insist',
  'argue',
  'add',
  'note',
  'suggest',
  'assert',
  'state',
  'maintain',
  'reckon',
  'predict',
  'feel',
  'fear',
  'hope',
  'know',
  'estimate',
  'conclude',
  'explain',
  'stress',
]);

/** Whether only a determiner, modifiers or "that" stand between verb v and noun t. */
function opensComplement(ctx: QuoteContext, v: number, t: number): boolean {
  for (let k = v + 1; k < t; k++) {
    const pos = ctx.tokens[k]?.pos ?? '';
    if (ctx.word(k) === 'that' || /^(?:DET|ADJ|NUM|ADV)$/.test(pos)) continue;
    if (pos === 'VERB' && /(?:ed|en)$/.test(ctx.word(k))) continue;
    return false;
  }
  return true;
}

/** A finite verb, not a participle inside a noun phrase ("an open-ended strike"). */
function governingVerb(ctx: QuoteContext, v: number): boolean {
  const token = ctx.tokens[v];
  if (!token) return false;
  const before = ctx.word(v - 1);
  if (before === '-' || DETERMINER.test(before)) return false;
  if (token.pos === 'VERB') return true;
  // wink-nlp's nouns that are past forms after a subject: "forces retook".
  const prev = ctx.tokens[v - 1]?.pos;
  return (
    (token.pos === 'NOUN' || token.pos === 'ADJ') &&
    (prev === 'NOUN' || prev === 'PROPN' || prev === 'PRON') &&
    (IRREGULAR_PAST.has(token.normal) || /ed$/.test(token.normal))
  );
}

/**
 * "would have separate meetings with": "have" (tagged as an auxiliary) as the main verb of the
 * noun right after it, with only modifiers between.
 */
function haveWith(ctx: QuoteContext, v: number, t: number): boolean {
  if (!/^(?:have|has|had|having)$/.test(ctx.word(v)) || t - v > 3) return false;
  for (let k = v + 1; k < t; k++) {
    if (!['DET', 'ADJ', 'NUM'].includes(ctx.tokens[k]?.pos ?? '')) return false;
  }
  return true;
}

function hasVerbBefore(ctx: QuoteContext, t: number, s: Sentence): boolean {
  for (let k = s.tokenStart; k < t; k++) if (ctx.tokens[k]?.pos === 'VERB') return true;
  return false;
}

/** Points of the compass and a city's edge, before "of" + a place: "north of Baghdad". */
const COMPASS_OF = /^(?:north|south|east|west|northeast|northwest|southeast|southwest|outskirts)$/;

/**
 * Words before "of" + a place that say where: "driving southwest of Kabul", "the outskirts
 * of", "a suburb of".
 */
const whereOf = (word: string): boolean =>
  COMPASS_OF.test(word) ||
  /^(?:north-east|north-west|south-east|south-west|suburb|suburbs|centre|center|streets)$/.test(
    word,
  );

/** Openers of a phrase about an earlier act that the clause after it reacts to. */
const REACTION_OPENER = new Set(['since', 'after', 'following', 'despite', 'amid', 'amidst']);

/**
 * Whether the noun at t is the subject of an existential "there": "there were clashes",
 * "there had been several attacks", "there have also been repeated raids".
 */
function existential(ctx: QuoteContext, t: number, s: Sentence): boolean {
  let k = t - 1;
  while (k > s.tokenStart && t - k <= 4 && /^(?:ADJ|NUM|DET|ADV)$/.test(ctx.tokens[k]?.pos ?? '')) {
    k--;
  }
  // (A form of "be", as a passive is made with.)
  if (!PASSIVE_AUX.has(ctx.word(k))) return false;
  k--;
  // "there had been", "there have also been", "there may have been".
  while (
    k > s.tokenStart &&
    /^(?:AUX|ADV|PART)$/.test(ctx.tokens[k]?.pos ?? '') &&
    ctx.word(k) !== 'there'
  ) {
    k--;
  }
  return ctx.word(k) === 'there';
}

/** The first token of preposition `prep` after token t in the clause, or -1. */
function prepAfter(ctx: QuoteContext, t: number, end: number, prep: string): number {
  for (let k = t + 1; k < end && k - t <= MAX_OBJECT + 4; k++) {
    const word = ctx.word(k);
    if (word === prep) return k;
    // A verb ends the phrase — unless it is part of a name ("talks in Downing Street between"),
    // or the passive of a light verb the noun is the object of ("attacks were carried out
    // against", "sanctions were imposed on").
    const verb = ctx.tokens[k]?.pos === 'VERB' && !ctx.mentionAt(k);
    if (verb && LIGHT_VERBS.has(lemma(ctx, k)) && ctx.tokens[k - 1]?.pos === 'AUX') {
      if (ctx.word(k + 1) === 'out') k++;
      continue;
    }
    if (/^[;:.!?]$/.test(word) || (verb && k > t + 1)) return -1;
    // "…was acquitted on these grounds, and these statements by the judge…": another clause.
    if (word === ',' && /^(?:and|but|while|whereas)$/.test(ctx.word(k + 1))) return -1;
  }
  return -1;
}

/** A mention as an event argument. */
function argumentOf(m: ActorMention): Argument {
  return { actor: m.actor, text: m.text, start: m.start, end: m.end, code: m.code };
}

/** After an argument ending at offset `end` and a comma: the next token, and whether "and" adds one. */
function nextInList(ctx: QuoteContext, end: number): { next: number; more: boolean } {
  let t = ctx.tokenAt(end);
  if (ctx.word(t) === ',') {
    t++;
    // "X, the Iraqi President Y and Z": a list of three or more.
    const named = ctx.mentionAt(t) ?? (ctx.word(t) === 'the' ? ctx.mentionAt(t + 1) : undefined);
    if (named && named.type !== 'place') return { next: t, more: true };
  }
  return ctx.word(t) === 'and' ? { next: t + 1, more: true } : { next: t, more: false };
}

/**
 * Prepositions a place follows before a purpose ("marched through Kiev to demand"): those of
 * "protesters in X", and of movement ("thru" is wink-nlp's normal form of "through").
 */
const LOCATIVE = new Set([...PLACE_PREP, 'through', 'thru', 'into', 'around', 'to']);

/**
 * The verb whose purpose the infinitive at t is, when a place phrase stands between:
 * "marched through Kiev to demand", "gathered in the square to protest". -1 otherwise.
 */
function purposeVerb(ctx: QuoteContext, t: number, from: number): number {
  if (ctx.word(t - 1) !== 'to') return -1;
  let placeBetween = false;
  for (let k = t - 2; k >= from && t - k <= 8; k--) {
    const token = ctx.tokens[k];
    if (!token || /^[,;:]$/.test(token.normal)) return -1;
    if (token.pos === 'VERB') return placeBetween ? k : -1;
    const m = ctx.mentionAt(k);
    if (m) {
      // Only a place after a preposition of place ("through Kiev"), or whom a letter or a call
      // went to ("wrote to the French authorities to ask"), not an actor ("the right of
      // Russian troops to fire").
      const lead = ctx.tokenAt(m.start) - 1;
      const to = ctx.tokens[lead]?.pos === 'DET' ? lead - 1 : lead;
      if (addressed(ctx, to)) return to - 1;
      if (!LOCATIVE.has(ctx.word(lead))) return -1;
      placeBetween = true;
      k = ctx.tokenAt(m.start);
    } else if (!/^(?:ADP|DET|ADJ|NOUN|PROPN|ADV|NUM)$/.test(token.pos)) return -1;
  }
  return -1;
}

/** Verbs of writing or calling to someone: "wrote to", "sent a letter to", "turned to". */
const ADDRESSING = new Set(['write', 'wrote', 'written', 'writes', 'writing', 'appeal', 'turn']);

/** Whether token k is the "to" of an addressing verb right before it ("has written to"). */
function addressed(ctx: QuoteContext, k: number): boolean {
  return (
    ctx.word(k) === 'to' &&
    ctx.tokens[k - 1]?.pos === 'VERB' &&
    (ADDRESSING.has(ctx.word(k - 1)) || ADDRESSING.has(lemma(ctx, k - 1)))
  );
}

/**
 * The one written to, when the act at t is the purpose of writing: "has written to the French
 * authorities to ask for clarification" → the French authorities.
 */
function addresseeOfPurpose(ctx: QuoteContext, t: number, s: Sentence): Argument[] {
  if (ctx.word(t - 1) !== 'to') return [];
  for (let k = t - 2; k > s.tokenStart && t - k <= 10; k--) {
    if (ctx.tokens[k]?.pos === 'VERB' || /^[,;:]$/.test(ctx.word(k))) return [];
    if (addressed(ctx, k)) {
      return namedActorsFrom(ctx, k + 1, t - 1);
    }
  }
  return [];
}

/** Acts addressed to someone, which a participle after a call or a meeting makes of them. */
const ADDRESSED_TYPES = new Set(['REQUEST', 'THREATEN']);

/**
 * The object of the verb a participle clause follows: "telephoned the army commander, General
 * Montoya, asking for a meeting" → the commander. Empty when t is no ", …ing" participle.
 */
function addresseeOfParticiple(ctx: QuoteContext, t: number, s: Sentence): Argument[] {
  if (!/ing$/.test(ctx.word(t))) return [];
  let comma = t - 1;
  while (comma > s.tokenStart && ctx.tokens[comma]?.pos === 'ADV') comma--;
  if (ctx.word(comma) !== ',') return [];
  for (let v = comma - 1; v > s.tokenStart && comma - v <= 14; v--) {
    if (/^[;:]$/.test(ctx.word(v))) return [];
    if (ctx.tokens[v]?.pos !== 'VERB') continue;
    return namedActorsFrom(ctx, v + 1, comma + 1);
  }
  return [];
}

/** Verbs that make their object do what the "to"-verb says, and so assert it. */
const CAUSATIVE = new Set(['cause', 'force', 'compel', 'prompt', 'lead', 'drive', 'oblige']);

/**
 * The actors made to do the act at t: "caused Japanese forces to go on alert" → the forces
 * (the object between a causative verb and "to"). Empty when t is no such complement.
 */
function causedActors(ctx: QuoteContext, t: number, from: number): Argument[] {
  if (ctx.word(t - 1) !== 'to') return [];
  for (let k = t - 2; k >= from && t - k <= 10; k--) {
    const token = ctx.tokens[k];
    if (!token || /^[,;:]$/.test(token.normal)) return [];
    if (token.pos === 'VERB' || token.pos === 'AUX') {
      if (!CAUSATIVE.has(lemma(ctx, k)) || k === t - 2) return [];
      return namedActorsFrom(ctx, k + 1, t - 1);
    }
    if (!/^(?:DET|ADJ|NOUN|PROPN|NUM|PART|PUNCT)$/.test(token.pos) && !ctx.mentionAt(k)) return [];
  }
  return [];
}

/**
 * Where the clause of token t starts when the sentence opens with its source ("According to
 * media reports in Chad, the government…"): after that phrase's comma. Else the sentence start.
 */
function reportedFrom(ctx: QuoteContext, t: number, s: Sentence): number {
  // Within the first words: a dateline or a section name may come first ("Chad According to…").
  let a = s.tokenStart;
  while (a < t && a - s.tokenStart < 4 && ctx.word(a) !== 'according') a++;
  if (ctx.word(a) !== 'according' || ctx.word(a + 1) !== 'to') return s.tokenStart;
  for (let k = a + 2; k < t; k++) if (ctx.word(k) === ',') return k + 1;
  return s.tokenStart;
}

function argumentsAt(
  ctx: QuoteContext,
  slot: EventRule['source'],
  t: number,
  after: number,
  s: Sentence,
  why: string[],
  role: string,
  ofNamesAgent = false,
  // The act is hostile: sources pass HOSTILE_TYPES (a reaction opener names no doer), targets
  // FORCEFUL (an agent after "by" is no target).
  hostile = false,
): Argument[] {
  // A quote's speaker is known to events.ts only (`judgements`).
  if (slot === 'none' || slot === 'speaker') return [];
  if (slot === 'subject') {
    // "Kenyan police shot and killed two men": the second of two verbs joined by "and" shares
    // the first one's subject.
    let first = t;
    while (
      first - 2 >= s.tokenStart &&
      ctx.word(first - 1) === 'and' &&
      // (wink-nlp may tag the first a noun: "police shot and killed".)
      (ctx.tokens[first - 2]?.pos === 'VERB' || isParticiple(ctx.word(first - 2))) &&
      /ing$/.test(ctx.word(first - 2)) === /ing$/.test(ctx.word(first))
    ) {
      first -= 2;
    }
    if (first !== t) {
      const shared = argumentsAt(ctx, slot, first, first, s, why, role, ofNamesAgent, hostile);
      if (shared.length) return shared;
    }
    const from = reportedFrom(ctx, t, s);
    // "The incursion caused Japanese forces to go on alert", "forced Russian troops to
    // withdraw": the object of a causative does what follows.
    const caused = causedActors(ctx, t, from);
    if (caused.length) {
      why.push(`${role}: object of "${ctx.word(ctx.tokenAt(caused[0]!.start) - 1)}…", made to act`);
      return caused;
    }
    // "Protesters marched through Kiev to demand…": a purpose's subject is its clause's.
    const purposeOf = purposeVerb(ctx, t, from);
    if (purposeOf >= 0) {
      const controller = speakerBefore(ctx, purposeOf, from);
      if (controller) {
        why.push(`${role}: subject of "${ctx.word(purposeOf)}", whose purpose "${ctx.word(t)}" is`);
        return coordinated(ctx, controller, from);
      }
    }
    // "signed a law banning torture": what the text does, no one's act here.
    if (afterWritten(ctx, t)) {
      why.push(`${role}: none ("${ctx.word(t - 1)} ${ctx.word(t)}" is what a text says)`);
      return [];
    }
    const subject = speakerBefore(ctx, t, from);
    // "The attack on the Indian parliament killed five": the attacked, not the attacker.
    if (subject && attackedIn(ctx, ctx.tokenAt(subject.start), from)) {
      why.push(`${role}: not "${subject.text}", the one attacked in the subject`);
      return [];
    }
    // "Europe and the United States insist …, they demand": "they" is the group named last.
    const unresolved = subject === null || (subject.actor === null && /^they$/i.test(subject.text));
    if (unresolved && ctx.word(skipVerbGroup(ctx, t - 1, from)) === 'they') {
      const group = groupBefore(ctx, skipVerbGroup(ctx, t - 1, from), s);
      if (group.length) {
        why.push(`${role}: "they", the actors named together before`);
        return group;
      }
    }
    // "Many countries have boycotted the ban, including the United States and Russia".
    if (subject && subject.actor === null && GENERIC_STATES.test(subject.text)) {
      const examples = examplesLater(ctx, t, s);
      if (examples.length) {
        why.push(`${role}: the examples of "${subject.text}"`);
        return examples;
      }
    }
    if (subject) {
      const group = coordinated(ctx, subject, from);
      const placed = beforePlace(ctx, group, from);
      if (placed) {
        if (placed.length) why.push(`${role}: subject of "${ctx.word(t)}", before its place`);
        return placed;
      }
      why.push(`${role}: subject of "${ctx.word(t)}"`);
      return group;
    }
    // A subject that names no speaker may still hold an actor: "the Ukrainian convoy"; "Recent
    // US Predator attacks, occurring every three days, have killed…" (before the apposition).
    let j = skipVerbGroup(ctx, t - 1, from);
    if (ctx.word(j) === ',') {
      let k = j - 1;
      while (k > from && ctx.word(k) !== ',') k--;
      j = k > from ? k - 1 : j;
    }
    let phrase = phraseEndingAt(ctx, j, from);
    // "An Israeli air strike on a car carrying Hamas militants killed…": a phrase after a
    // preposition or a participle is inside the subject; the subject's head stands before it.
    // (Only up to an attack noun: "two of his colleagues had been killed", "claiming he was
    // murdered" have their subjects where they stand.)
    let head = phrase;
    for (let hops = 0; head && hops < 3; hops++) {
      const before = ctx.tokens[head[0] - 1];
      if (head[0] - 1 < from || !before) break;
      const inner =
        (before.pos === 'ADP' && MODIFIER_PREP.has(before.normal)) ||
        (before.pos === 'VERB' && /ing$/.test(before.normal));
      if (!inner) break;
      head = phraseEndingAt(ctx, head[0] - 2, from);
      if (head && ATTACK_NOUN.test(ctx.word(head[1] - 1))) {
        phrase = head;
        break;
      }
    }
    // "New audiotape attributed to Osama bin Laden released": a name after a participle and
    // its preposition is inside a phrase about the noun before them; that noun is the subject.
    if (phrase && !isPassiveAgent(ctx, phrase[0])) {
      // (From the start of a name the phrase ends in: "Osama bin Laden".)
      const named = ctx.mentionAt(phrase[0]);
      const lead = (named ? ctx.tokenAt(named.start) : phrase[0]) - 1;
      const participle = ctx.tokens[lead - 1];
      const noun = ctx.tokens[lead - 2];
      if (
        /^(?:to|from|with|for|in|on|at)$/.test(ctx.word(lead)) &&
        participle &&
        /^(?:VERB|ADJ)$/.test(participle.pos) &&
        /(?:ed|ing)$/.test(participle.normal) &&
        noun?.pos === 'NOUN' &&
        !ctx.mentionAt(lead - 2)
      ) {
        why.push(
          `${role}: none (the subject is "${noun.normal}", which "${participle.normal}" describes)`,
        );
        return [];
      }
    }
    let inside = phrase ? ctx.mentionsIn(phrase[0], phrase[1]).pop() : undefined;
    // "Hezbollah and its allies are killing…": a possessive pronoun is the owner, not the
    // doer; the actor joined to the phrase is. (Whom an act befell keeps its owner's code:
    // "her translator was killed".)
    if (
      role === 'source' &&
      !isPassive(ctx, t, s) &&
      inside &&
      phrase &&
      POSSESSIVE.has(inside.text.toLowerCase()) &&
      inside.end < (ctx.tokens[phrase[1] - 1]?.end ?? 0)
    ) {
      // ("Washington along with its allies demanded…": the one they are with.)
      const a = phrase[0];
      const along = ctx.word(a - 1) === 'with' && /^(?:along|together)$/.test(ctx.word(a - 2));
      const joined =
        ctx.word(a - 1) === 'and' ? ctx.mentionAt(a - 2) : along ? ctx.mentionAt(a - 3) : undefined;
      if (joined) {
        why.push(
          `${role}: "${joined.text}", joined to "${ctx.text(ctx.tokens[phrase[0]]!.start, ctx.tokens[phrase[1] - 1]!.end)}"`,
        );
        return [argumentOf(joined)];
      }
      inside = undefined;
    }
    if (!inside) {
      // "Protesters were dispersed by riot police": a passive's subject named by a
      // description (the caller makes it the target).
      const described =
        phrase && isPassive(ctx, t, s) ? speakerFromPhrase(ctx, phrase[0], phrase[1]) : null;
      if (!described) return [];
      why.push(`${role}: the subject of "${ctx.word(t)}", a description`);
      return [toArgument(ctx, described)];
    }
    // "…returning from a wedding near the West Bank, …, killing the couple": a place after a
    // preposition says where, it does not act.
    const lead = ctx.tokenAt(inside.start) - 1;
    if (
      (placeMention(inside) || inside.type === 'country') &&
      (LOCATIVE.has(ctx.word(lead)) ||
        ctx.word(lead) === 'from' ||
        (ctx.word(lead) === 'of' && whereOf(ctx.word(lead - 1))) ||
        (ctx.word(lead) === 'the' &&
          (LOCATIVE.has(ctx.word(lead - 1)) || ctx.word(lead - 1) === 'from')))
    ) {
      why.push(`${role}: none ("${inside.text}" says where)`);
      return [];
    }
    // "The Madrid bombings killed 191 people": a place before an attack noun says where.
    if (placeMention(inside) && ATTACK_NOUN.test(ctx.word(ctx.tokenAt(inside.end)))) {
      why.push(
        `${role}: none ("${inside.text}" says where the ${ctx.word(ctx.tokenAt(inside.end))} was)`,
      );
      return [];
    }
    why.push(`${role}: the actor in the subject of "${ctx.word(t)}"`);
    return [argumentOf(inside)];
  }
  if (slot === 'object') {
    // "met with Zelensky", "called on Iran to", "demanded that Moscow", "demanded … from Kyiv".
    let k = after + 1;
    // "met Monday with President Bashir", "met yesterday with…": a day before the object.
    if (WEEKDAY.test(ctx.word(k)) || /^(?:today|yesterday|tonight)$/.test(ctx.word(k))) k++;
    // "said to local media that the plan was a disgrace": whom one speaks to is not what one
    // judges.
    if (ctx.word(k) === 'to' && ctx.rules.byLemma.has(lemma(ctx, after))) {
      const end = phraseFrom(ctx, k + 1, s.tokenEnd);
      if (ctx.word(end) === 'that' || ctx.word(end) === ',') k = end + 1;
    }
    // "shot and killed two men": the object the two verbs share (when the second is a verb of
    // force that always has one; not "police charged and teargassed crowds").
    if (
      after === t &&
      ctx.word(k) === 'and' &&
      ctx.tokens[k + 1]?.pos === 'VERB' &&
      ALWAYS_TRANSITIVE.has(lemma(ctx, k + 1)) &&
      /ing$/.test(ctx.word(k + 1)) === /ing$/.test(ctx.word(after))
    ) {
      k += 2;
    }
    if (OBJECT_LEAD.has(ctx.word(k))) k++;
    // "met with exiled Hamas leader Meshaal", "freed jailed journalists": a participle
    // modifying the object.
    if (modifiesNoun(ctx, k)) k++;
    // "opposed to including Syria and Iran": the object of the gerund.
    if (ctx.tokens[k]?.pos === 'VERB' && /ing$/.test(ctx.word(k)) && ctx.word(k - 1) === 'to') k++;
    // ("raided a training camp north of Baghdad": a place named by where it lies says where.)
    const found = actorsFrom(ctx, k, s.tokenEnd).filter((a) => !placedNear(ctx, a));
    // "hailed Saddam's death", "welcomed Milosevic's arrest": a misfortune befalling the owner
    // is judged, the owner is not praised or blamed.
    const owner = found[0];
    if (owner && found.length === 1) {
      const g = ctx.tokenAt(owner.end);
      if (GENITIVE.test(ctx.word(g)) && MISFORTUNE.test(ctx.word(g + 1))) {
        why.push(`${role}: none ("${owner.text}" is whom the ${ctx.word(g + 1)} befell)`);
        return [];
      }
    }
    if (found.length) why.push(`${role}: object after "${ctx.word(after)}"`);
    if (found.length) return found;
    // "supports the statement of the Chairman", "rejected the proposal of Ukraine",
    // "condemned any efforts by the Transnistrian authorities": whose it is.
    let n = k;
    while (n < s.tokenEnd && n - k < 4 && /^(?:DET|ADJ)$/.test(ctx.tokens[n]?.pos ?? '')) n++;
    const owned = ctx.word(n + 1) === 'of' || (ctx.word(n + 1) === 'by' && n > k);
    if (ctx.tokens[n]?.pos === 'NOUN' && owned && !ctx.mentionAt(n)) {
      const owner = actorsFrom(ctx, n + 2, s.tokenEnd);
      if (owner.length) why.push(`${role}: whose "${ctx.word(n)}" it is`);
      return owner;
    }
    return [];
  }
  if (slot === 'recipient') {
    // The first actor after the trigger in its clause: "provide Kiev with guarantees",
    // "imposed sanctions on Russia", "wrote off Iraq's debt".
    for (let k = t + 1; k < s.tokenEnd && k - t <= MAX_OBJECT + 4; k++) {
      const m = ctx.mentionAt(k);
      // "dropped its objection to Sweden's membership": not the actor's own "its".
      if (m && POSSESSIVE.has(m.text.toLowerCase())) continue;
      if (m) {
        // "froze all the US assets of the Palestinian Authority": the owner after "of", not
        // where the assets are.
        let n = ctx.tokenAt(m.end);
        while (n < s.tokenEnd && n - k <= 4 && ctx.tokens[n]?.pos === 'NOUN') n++;
        const of = ctx.word(n + 1) === 'the' ? n + 2 : n + 1;
        const owner =
          n > ctx.tokenAt(m.end) && ctx.word(n) === 'of' ? ctx.mentionAt(of) : undefined;
        if (owner && (placeMention(m) || m.type === 'country')) {
          why.push(`${role}: whose "${ctx.word(n - 1)}" they are, after "of"`);
          return [argumentOf(owner)];
        }
        why.push(`${role}: first actor after "${ctx.word(t)}"`);
        return [argumentOf(m)];
      }
      // "imposed sanctions on officials, including President Lukashenko": the examples of a
      // description of actors (not "boycotted the ban, including the US": the subject's).
      if (ctx.word(k) === ',' && /^(?:including|such)$/.test(ctx.word(k + 1))) {
        const phrase = phraseEndingAt(ctx, k - 1, t + 1);
        const those = phrase !== null && ctx.word(phrase[0]) === 'those';
        if (phrase && (those || speakerFromPhrase(ctx, phrase[0], phrase[1]))) continue;
        break;
      }
      if (/^[;:.!?]$/.test(ctx.word(k)) || CLAUSE_END.has(ctx.word(k))) break;
      // "took hundreds of hostages in order to increase the pressure on the government": a
      // purpose is another act.
      if (ctx.word(k) === 'in' && ctx.word(k + 1) === 'order' && ctx.word(k + 2) === 'to') break;
      // "asking for a meeting and then passed the telephone to Chávez": another predicate.
      if (
        ctx.word(k) === 'and' &&
        ctx.tokens[skipAdverbs(ctx, k + 1, s.tokenEnd)]?.pos === 'VERB'
      ) {
        break;
      }
      // "warned people against uprisings like those in Ukraine": the object before the
      // particle is the one addressed, named or not.
      if (k === after && ctx.tokens[k]?.pos === 'ADP' && nounBetween(ctx, t, k)) break;
    }
    return [];
  }
  if (slot === 'possessor') {
    // "Russia's invasion", "the Russian invasion": the mention right before the noun.
    let k = t - 1;
    // Over adjectives and compounds: "its long-threatened invasion".
    while (
      k > s.tokenStart &&
      !ctx.mentionAt(k) &&
      (ctx.tokens[k]?.pos === 'ADJ' || joinedHyphen(ctx, k) || /(?:ed|ing)$/.test(ctx.word(k)))
    ) {
      k--;
    }
    const genitive = GENITIVE.test(ctx.word(k));
    if (genitive) k--;
    const m = ctx.mentionAt(k);
    // "the Washington attacks", "the Madrid bombings", "Gaza Strip pullout": a city or a place
    // before the noun says where.
    if (m && (genitive || !placeMention(m))) {
      why.push(`${role}: possessor of "${ctx.word(t)}"`);
      return [argumentOf(m)];
    }
    // "attacks believed to be perpetrated by the SLA", "the raid carried out by Hamas".
    const agent = agentAfter(ctx, after, s);
    if (agent) {
      why.push(`${role}: after "by" (who carried out "${ctx.word(t)}")`);
      return [agent];
    }
    // "the killing of three soldiers by Hezbollah", "the deportation of refugees by Iran": the
    // agent after the one it was done to.
    if (ctx.word(t + 1) === 'of') {
      let by = phraseFrom(ctx, t + 2, s.tokenEnd);
      // ("the massacre of civilians in Srebrenica by Serb forces": over where.)
      for (let n = 0; n < 2 && by > t + 2 && /^(?:in|at|near)$/.test(ctx.word(by)); n++) {
        by = phraseFrom(ctx, by + 1, s.tokenEnd);
      }
      const agents =
        by > t + 2 && ctx.word(by) === 'by'
          ? actorsFrom(ctx, by + 1, phraseFrom(ctx, by + 1, s.tokenEnd)).filter(
              (a) => (a.actor !== null || a.code !== null) && !placeArgument(ctx, a),
            )
          : [];
      if (agents.length) {
        why.push(`${role}: after "${ctx.word(t)} of … by"`);
        return agents;
      }
    }
    // "the withdrawal of Russian forces", "the refusal of Iran": a retreat or a refusal is
    // the act of the actor named after "of" (not a place standing for its country).
    if (ctx.word(t + 1) === 'of' && ofNamesAgent) {
      const owner = actorsFrom(ctx, t + 2, phraseFrom(ctx, t + 2, s.tokenEnd)).filter(
        (a) => (a.actor !== null || a.code !== null) && !placeArgument(ctx, a),
      );
      if (owner.length) {
        why.push(`${role}: after "${ctx.word(t)} of"`);
        return owner;
      }
    }
    // "the attacks from Gaza", "rocket fire from Lebanon": where force comes from is who used
    // it (an actor or a place standing for its country).
    // (Not "came under attack from the Taliban": the subject is the target, matchSentence.)
    if (
      ctx.word(after + 1) === 'from' &&
      FROM_NAMES_AGENT.has(ctx.word(t)) &&
      !underAct(ctx, t, s)
    ) {
      const from = fromActors(ctx, after, s);
      if (from.length) {
        why.push(`${role}: after "${ctx.word(t)} from"`);
        return from;
      }
    }
    // "there had been several attacks on journalists": an act that is only said to have
    // happened names no doer (a "by" phrase was read above).
    if (existential(ctx, t, s)) {
      why.push(`${role}: none ("there was/were…" names no one who did "${ctx.word(t)}")`);
      return [];
    }
    // Else the subject of the verb that governs the noun: "The EU is preparing sanctions",
    // "forces retook the village after fierce fighting with guerrillas". (Not when the noun
    // is itself a subject: "the spokesman said the bombing bore the hallmarks of…".)
    // (A participle with its agent modifies the noun: "the march organized by…".)
    // (wink-nlp may tag the past verb an adjective: "thought the invasion lessened the risk".)
    const pastWithObject =
      /ed$/.test(ctx.word(after + 1)) &&
      /^(?:DET|PRON|NUM)$/.test(ctx.tokens[after + 2]?.pos ?? '');
    const clauseSubject =
      (/^(?:AUX|VERB)$/.test(ctx.tokens[after + 1]?.pos ?? '') || pastWithObject) &&
      ctx.word(after + 2) !== 'by';
    for (let v = t - 1; !clauseSubject && v >= s.tokenStart && t - v <= 12; v--) {
      // "came under renewed attack", "after increasing shelling": a participle after a
      // preposition modifies the noun.
      // (Right before it, or before an adjective: not "into discussing an investigation".)
      const before = v === t - 1 || (v === t - 2 && ctx.tokens[t - 1]?.pos === 'ADJ');
      if (before && /(?:ing|ed)$/.test(ctx.word(v)) && ctx.tokens[v - 1]?.pos === 'ADP') {
        continue;
      }
      if (governingVerb(ctx, v) || haveWith(ctx, v, t)) {
        // "spoke out vehemently against the attack", "protested against the strike": those
        // against an act did not do it.
        if (againstAct(ctx, v, t)) {
          why.push(
            `${role}: not the subject of "${ctx.word(v)}", which is against "${ctx.word(t)}"`,
          );
          return [];
        }
        // "Five soldiers died in attacks": the ones it befell, not the ones who did it.
        if (SUFFERING.has(lemma(ctx, v))) {
          why.push(`${role}: not the subject of "${ctx.word(v)}", who suffered the act`);
          return [];
        }
        // "condemned the attack", "welcomed the truce": someone else's act, judged.
        // ("Ethiopia denied any military intervention": the denier's own act, negated.)
        if (JUDGING.has(lemma(ctx, v)) && !deniesOwn(ctx, v, t)) {
          why.push(`${role}: not the subject of "${ctx.word(v)}", which judges the act`);
          return [];
        }
        // "expressed shock over the attack", "opened an inquiry into the bombings".
        const reaction = reactionBetween(ctx, v, t);
        if (reaction >= 0) {
          why.push(
            `${role}: not the subject of "${ctx.word(v)}", whose "${ctx.word(reaction)}" is about the act`,
          );
          return [];
        }
        // "Kagan said the expected withdrawal highlights…", "officials said a planned attack was
        // foiled": a noun right after a verb of saying opens what is said; the speaker did not
        // do it.
        // (Not "Iranian representatives say negotiations with Europe are…": a party to talks
        // "with" another speaks of its own.)
        if (SAYING.has(lemma(ctx, v)) && opensComplement(ctx, v, t) && ctx.word(t + 1) !== 'with') {
          why.push(`${role}: not the subject of "${ctx.word(v)}", which reports "${ctx.word(t)}"`);
          return [];
        }
        // "The truce was signed by Saakashvili, after a meeting with Rice": the agent.
        // (A finite passive, with the noun outside the agent's phrase: not "doubts expressed
        // by its department on whether the invasion…", "assessed by the inquiry's lawyers".)
        const finite = PASSIVE_AUX.has(ctx.word(v - 1));
        const by = finite && isPassive(ctx, v, s) ? prepAfter(ctx, v, t, 'by') : -1;
        const agent = (by < 0 ? [] : actorsFrom(ctx, by + 1, t)).filter(
          (a) => a.actor !== null && ctx.tokenAt(a.end) < t - 1,
        );
        if (agent.length) {
          why.push(`${role}: after "by" of "${ctx.word(v)}", which governs "${ctx.word(t)}"`);
          return agent;
        }
        // "10 civilians were killed in the attack": a passive's subject is the one it was done
        // to, not who did the act it names.
        if (isPassive(ctx, v, s)) {
          why.push(`${role}: not the subject of passive "${ctx.word(v)}", to whom it was done`);
          return [];
        }
        // "demanded the handover of the instigator of the assassination of Zeevi": a noun that
        // names whom violence befell is the subject's only when the verb says the subject did
        // it ("carried out the killing", "ordered the assassination").
        if (
          VICTIM_NOUNS.has(ctx.word(t)) &&
          !PERFORMING.has(lemma(ctx, v)) &&
          !ORDERING.has(lemma(ctx, v))
        ) {
          why.push(
            `${role}: not the subject of "${ctx.word(v)}", which did not do "${ctx.word(t)}"`,
          );
          return [];
        }
        const subject = speakerBefore(ctx, v, s.tokenStart);
        if (!subject) return [];
        const group = coordinated(ctx, subject, s.tokenStart);
        const placed = beforePlace(ctx, group, s.tokenStart);
        if (placed?.length === 0) return [];
        why.push(`${role}: subject of "${ctx.word(v)}", which governs "${ctx.word(t)}"`);
        return placed ?? group;
      }
      // "…signed the truce on Friday, after a meeting with Rice": a time phrase after the
      // comma belongs to the clause before it.
      if (ctx.word(v) === ',' && TIME_OPENER.has(ctx.word(v + 1))) continue;
      if (GOVERNING_END.has(ctx.word(v))) break;
    }
    // A fronted phrase: "In a telephone conversation with Trump, Putin agreed…" — the subject
    // of the clause after the comma.
    if (!hasVerbBefore(ctx, t, s)) {
      // ("Fighting has continued since the resolution, and Israel warned…" is a clause; "On
      // the day before a rally planned in Los Angeles, students…" a phrase.)
      const phrase = ctx.tokens[s.tokenStart]?.pos === 'ADP';
      // "Since the attack, the WFP has suspended deliveries", "After the bombing, police sealed
      // off the area": force before a reaction to it is not the reacting subject's.
      // ("After talks with Rice, Saakashvili signed": talks are had together.)
      // ("Shortly after the attack, the cabinet voted…".)
      const opener = ctx.tokens[s.tokenStart]?.pos === 'ADV' ? s.tokenStart + 1 : s.tokenStart;
      if (hostile && REACTION_OPENER.has(ctx.word(opener))) {
        why.push(
          `${role}: none (the clause after "${ctx.word(opener)} the ${ctx.word(t)}," reacts to it)`,
        );
        return [];
      }
      for (let v = t + 1; v < s.tokenEnd; v++) {
        if (!phrase && (ctx.tokens[v]?.pos === 'AUX' || governingVerb(ctx, v))) break;
        if (ctx.word(v) !== ',') continue;
        for (let w = v + 1; w < s.tokenEnd && w - v <= 12; w++) {
          if (ctx.tokens[w]?.pos !== 'VERB') continue;
          const subject = speakerBefore(ctx, w, v + 1);
          if (subject) why.push(`${role}: subject of the clause after the opening phrase`);
          return subject ? coordinated(ctx, subject, v + 1) : [];
        }
        break;
      }
    }
    return [];
  }
  if (slot === 'between') {
    const k = prepAfter(ctx, after, s.tokenEnd, 'between');
    return k < 0 ? [] : actorsFrom(ctx, k + 1, s.tokenEnd);
  }
  for (const prep of slot.slice('prep:'.length).split('|')) {
    const k = prepAfter(ctx, after, s.tokenEnd, prep);
    if (k < 0) continue;
    // "the expulsions could be a show of power ahead of the visit of Gaddafi": a noun's "of"
    // follows it.
    if (prep === 'of' && k > after + 1 && ctx.tokens[after]?.pos === 'NOUN') continue;
    // "the attack on the convoy by insurgents": who did it is no target.
    const by = role === 'target' && hostile ? prepAfter(ctx, k, s.tokenEnd, 'by') : -1;
    const found = actorsFrom(ctx, k + 1, by > k ? by : s.tokenEnd);
    if (found.length === 0) continue;
    why.push(`${role}: after "${prep}"`);
    return found;
  }
  // "Britain's criticism of…", "renewed his criticism of…": a noun's owner is its source.
  if (role === 'source' && ctx.tokens[t]?.pos === 'NOUN') {
    const owner = genitiveBefore(ctx, t, s);
    if (owner) {
      why.push(`${role}: whose "${ctx.word(t)}" it is`);
      return [argumentOf(owner)];
    }
  }
  return [];
}

/** The genitive ending as wink-nlp splits it off: "Britain's", "Iraq’s", "the allies'". */
const GENITIVE = /^(?:'s|’s|')$/;

/** The actor named in the genitive right before noun t: "Britain's", "his" (over adjectives). */
function genitiveBefore(ctx: QuoteContext, t: number, s: Sentence): ActorMention | undefined {
  let k = t - 1;
  while (k > s.tokenStart && ctx.tokens[k]?.pos === 'ADJ' && !ctx.mentionAt(k)) k--;
  if (GENITIVE.test(ctx.word(k))) {
    const m = ctx.mentionAt(k - 1);
    return m && m.type !== 'place' ? m : undefined;
  }
  const m = ctx.mentionAt(k);
  return m && POSSESSIVE.has(m.text.toLowerCase()) ? m : undefined;
}

/** Verbs that make an act possible: "allows police to arrest", "enable them to charge". */
const ENABLING = new Set([
  'allow',
  'enable',
  'permit',
  'empower',
  'authorize',
  'authorise',
  'entitle',
]);

/** Whether token k is an enabling verb in a form that is not past ("allows", "to enable"). */
function enabling(ctx: QuoteContext, k: number): boolean {
  return ENABLING.has(lemma(ctx, k)) && !/ed$/.test(ctx.word(k));
}

/** The verb before the object that ends at token k ("allows [Kenyan police] to"), else k. */
function objectVerb(ctx: QuoteContext, k: number, s: Sentence): number {
  let v = k;
  while (
    v > s.tokenStart &&
    k - v < 4 &&
    /^(?:DET|ADJ|NOUN|PROPN|PRON|NUM)$/.test(ctx.tokens[v]?.pos ?? '')
  ) {
    v--;
  }
  return v;
}

/** A verb in its bare form: "lift", "dismantle" (not "lifted", "lifts", "lifting"). */
function bareVerb(ctx: QuoteContext, t: number): boolean {
  const word = ctx.word(t);
  return !/(?:ed|ing)$/.test(word) && lemma(ctx, t) === word;
}

/** Modifiers of an act noun that has not happened yet: "the expected withdrawal". */
const PLANNED_MODIFIER =
  /^(?:planned|expected|proposed|intended|upcoming|forthcoming|scheduled|impending|imminent|future|prospective|promised|anticipated|threatened|looming|mooted)$/;
/** …or that may not happen at all: "a possible invasion", "potential sanctions". */
const POSSIBLE_MODIFIER =
  /^(?:possible|potential|hypothetical|eventual|feared|likely|probable|conceivable)$/;

/** Verbs that report what someone said (not what they hoped, feared or believed). */
const REPORTING = new Set([
  'say',
  'announce',
  'tell',
  'state',
  'declare',
  'confirm',
  'insist',
  'add',
  'explain',
  'promise',
  'pledge',
  'vow',
  'warn',
  'write',
  'report',
  'indicate',
  'assure',
  'reply',
]);

/**
 * Whether "would" at token k states the future of reported speech: its clause follows a verb
 * of saying, with or without "that" ("said Russia would…", "announced that it would…"), with no
 * condition in the sentence ("would… if", "unless"). ("hoped the Prime Minister would…" is a
 * wish.)
 */
function reportedFuture(ctx: QuoteContext, k: number, s: Sentence): boolean {
  for (let j = s.tokenStart; j < s.tokenEnd; j++) {
    if (/^(?:if|unless)$/.test(ctx.word(j))) return false;
  }
  for (let j = k - 1; j >= s.tokenStart && k - j <= 8; j--) {
    const word = ctx.word(j);
    const token = ctx.tokens[j];
    if (word === 'that') {
      // ("announced on Wednesday that it would…": over the date.)
      const dated = dateBefore(ctx, j, s);
      return REPORTING.has(lemma(ctx, dated >= 0 ? dated : j - 1));
    }
    if (token?.pos === 'VERB') return REPORTING.has(lemma(ctx, j));
    if (token?.pos === 'AUX' || /^[,;:"“”]$/.test(word)) return false;
  }
  return false;
}

/**
 * The verb before a date that stands right before token k, a "to" or a "that" ("vowed Monday
 * 9 October to", "announced on Wednesday that"), or -1.
 */
function dateBefore(ctx: QuoteContext, k: number, s: Sentence): number {
  let j = k - 1;
  let dated = false;
  while (j > s.tokenStart && k - j <= 5 && inDate(ctx, j)) {
    dated = true;
    j--;
  }
  return dated && ctx.tokens[j]?.pos === 'VERB' ? j : -1;
}

/** Verbs whose gerund object is weighed, not done: "is considering imposing sanctions". */
const WEIGHING = new Set([
  'consider',
  'contemplate',
  'weigh',
  'discuss',
  'propose',
  'mull',
  'debate',
]);

/** Negation and modality from the verb group before token t (and the verb governing it). */
function verbGroup(
  ctx: QuoteContext,
  t: number,
  s: Sentence,
): { negated: boolean; modality: Modality; obliged: boolean; reported: boolean } {
  let negated = false;
  let obliged = false;
  let reported = false;
  let modality: Modality = 'asserted';
  // "Beckett is considering admitting the link", "discussed sending troops": planned.
  if (/ing$/.test(ctx.word(t)) && WEIGHING.has(lemma(ctx, t - 1))) {
    const group = verbGroup(ctx, t - 1, s);
    return { ...group, modality: group.modality === 'asserted' ? 'planned' : group.modality };
  }
  let k = t - 1;
  for (; k >= s.tokenStart; k--) {
    const token = ctx.tokens[k];
    if (!token) break;
    const word = token.normal;
    if (NEGATION.has(word)) negated = true;
    else if (OBLIGATION.has(word) || (word === 'to' && /^ha(?:s|ve|d)$/.test(ctx.word(k - 1)))) {
      obliged = true;
      if (word === 'to') break;
    } else if (PLANNED_AUX.has(word)) modality = 'planned';
    else if (HYPOTHETICAL_AUX.has(word)) {
      // "Medvedev said Russia would strengthen its contingent": the future of what was said.
      reported = word === 'would' && reportedFuture(ctx, k, s);
      modality = reported ? 'planned' : 'hypothetical';
    } else if (word === 'to') {
      // "failed to reach", "was unable to meet", "its inability to agree": it did not happen.
      if (FAILED.has(lemma(ctx, k - 1)) || FAILED.has(ctx.word(k - 1))) negated = true;
      // "has yet to talk", "is yet to meet": not so far.
      if (ctx.word(k - 1) === 'yet' && ctx.tokens[k - 2]?.pos === 'AUX') {
        negated = true;
        break;
      }
      // "is to visit" (planned), "intends to provide", "refused to meet" (the rule's).
      const before = ctx.tokens[k - 1];
      // ("vowed Monday 9 October to track down": over the date.)
      const verb = dateBefore(ctx, k, s);
      if (before && before.pos === 'AUX' && lemma(ctx, k - 1) === 'be') modality = 'planned';
      else if (before && PLANNING.has(lemma(ctx, k - 1))) modality = 'planned';
      else if (verb >= 0 && PLANNING.has(lemma(ctx, verb))) modality = 'planned';
      else if (before && COMMITTING.has(lemma(ctx, k - 1))) modality = 'planned';
      else if (ctx.word(k - 1) === 'going') modality = 'planned';
      // "the EU's threat to impose sanctions", "its attempt to block": intended, not done.
      else if (before?.pos === 'NOUN' && INTENT_NOUN.test(before.normal)) modality = 'planned';
      // "voters would be likely to reject the treaty": a likelihood, not an act.
      else if (/^(?:likely|unlikely|liable|apt)$/.test(ctx.word(k - 1))) modality = 'hypothetical';
      // "reserves the power to dissolve itself", "has the right to veto": a capacity.
      else if (CAPACITY.test(ctx.word(k - 1))) modality = 'hypothetical';
      // "the law allows police to arrest", "to enable them to charge the thugs": made
      // possible, not done (a past "allowed the trucks to enter" may well have been).
      else if (enabling(ctx, objectVerb(ctx, k - 1, s))) modality = 'hypothetical';
      // "militants could attempt to assassinate", "will continue to fight": the modality of
      // the verb the "to" follows.
      else if (before?.pos === 'VERB') {
        const group = verbGroup(ctx, k - 1, s);
        if (group.modality !== 'asserted') modality = group.modality;
      }
      break;
    } else if (token.pos !== 'AUX' && token.pos !== 'ADV' && token.pos !== 'PART') break;
  }
  // "will remove North Korea from the list and lift sanctions", "agreed to identify and
  // dismantle": a bare verb after "and" shares the modality of the bare verb it is joined to.
  if (
    modality === 'asserted' &&
    /^(?:and|or)$/.test(ctx.word(k)) &&
    ctx.tokens[t]?.pos === 'VERB' &&
    // (Not a noun the tagger read as a verb: "severe beatings, and torture of members".)
    ctx.word(t + 1) !== 'of' &&
    bareVerb(ctx, t)
  ) {
    for (let v = k - 1; v >= s.tokenStart && k - v <= 15; v--) {
      if (/^[;:"“”]$/.test(ctx.word(v))) break;
      if (ctx.tokens[v]?.pos !== 'VERB' || !bareVerb(ctx, v)) continue;
      const first = verbGroup(ctx, v, s).modality;
      if (first === 'planned' || first === 'hypothetical') {
        modality = first;
        break;
      }
    }
  }
  // "the expected withdrawal", "a planned attack", "possible sanctions": the noun's own
  // modifier says it has not happened.
  // "plans to resume the practice of sending bombers": a gerund after "of" as its noun.
  const noun =
    ctx.tokens[t]?.pos === 'NOUN'
      ? t
      : /ing$/.test(ctx.word(t)) && ctx.word(t - 1) === 'of' && ctx.tokens[t - 2]?.pos === 'NOUN'
        ? t - 2
        : -1;
  if (noun === t) {
    for (let k = t - 1; k >= s.tokenStart && t - k <= 4; k--) {
      const word = ctx.word(k);
      if (PLANNED_MODIFIER.test(word)) modality = 'planned';
      else if (POSSIBLE_MODIFIER.test(word)) modality = 'hypothetical';
      else if (!/^(?:ADJ|ADV|VERB|NUM)$/.test(ctx.tokens[k]?.pos ?? '') && word !== '-') break;
      if (modality === 'asserted') continue;
      // (Not "mounted its long-threatened invasion": carried out at last.)
      let j = k - 1;
      while (
        j > s.tokenStart &&
        (/^(?:DET|ADJ|NUM|ADV|PRON|PART)$/.test(ctx.tokens[j]?.pos ?? '') || ctx.word(j) === '-')
      ) {
        j--;
      }
      const verb = ctx.tokens[j]?.pos === 'VERB' ? lemma(ctx, j) : '';
      if (PERFORMING.has(verb) || verb === 'begin' || verb === 'start') modality = 'asserted';
      break;
    }
  }
  // A noun governed by a planning verb: "is preparing the 19th package of sanctions".
  if (noun >= 0) {
    for (let v = noun - 1; v >= s.tokenStart && noun - v <= 8; v--) {
      // "…was set for May 12, as talks between Sharif and Zardari ended": another clause.
      if (
        ctx.tokens[v]?.pos === 'SCONJ' ||
        (ctx.word(v - 1) === ',' &&
          /^(?:as|while|when|because|although|though|whereas)$/.test(ctx.word(v)))
      ) {
        break;
      }
      // "there should be a phased withdrawal", "it would be an invasion": the modal of "be".
      const be = ctx.tokens[v]?.pos === 'AUX' && ctx.word(v) === 'be';
      // (Not "a phased withdrawal": a participle before the noun modifies it.)
      if (ctx.tokens[v]?.pos === 'VERB' && modifiesNoun(ctx, v)) continue;
      if (ctx.tokens[v]?.pos === 'VERB' || be) {
        if (PLANNING.has(lemma(ctx, v))) modality = 'planned';
        const group = verbGroup(ctx, v, s);
        negated ||= group.negated;
        obliged ||= group.obliged;
        if (group.modality !== 'asserted') {
          modality = group.modality;
          reported = group.reported;
        }
        break;
      }
    }
  }
  const clauseStart = clauseStartBefore(ctx, t, s);
  if (/^(?:if|unless|whether)$/.test(ctx.word(clauseStart))) modality = 'hypothetical';
  // "Should the UK citizens not be released…": a condition with its verb first.
  if (
    ctx.word(s.tokenStart) === 'should' &&
    /^(?:DET|NOUN|PROPN|PRON|NUM)$/.test(ctx.tokens[s.tokenStart + 1]?.pos ?? '') &&
    !/\?\s*["”’]?\s*$/.test(ctx.text(s.start, s.end))
  ) {
    modality = 'hypothetical';
  }
  // "…if the sailors being detained by Iran are not released": a participle describing its
  // noun states a fact, whatever the clause around it.
  const describing =
    ctx.word(t - 1) === 'being' && /^(?:NOUN|PROPN)$/.test(ctx.tokens[t - 2]?.pos ?? '');
  // "…closer ties if it arrests Mladic": an if-clause without a comma before it.
  for (let k = t - 1; k >= clauseStart && t - k <= 8 && !describing; k--) {
    const word = ctx.word(k);
    // ("…provided they have not killed civilians": a condition.)
    const provided =
      /^(?:provided|providing)$/.test(word) &&
      (ctx.word(k + 1) === 'that' || ctx.tokens[k + 1]?.pos === 'PRON');
    if (word === 'if' || word === 'unless' || word === 'whether' || provided) {
      modality = 'hypothetical';
      break;
    }
    // ("if Mugabe thinks he has beaten people": what the condition supposes.)
    if (ctx.tokens[k]?.pos === 'VERB' && !SAYING.has(lemma(ctx, k))) break;
  }
  if (/\?\s*["”’]?\s*$/.test(ctx.text(s.start, s.end))) modality = 'question';
  return { negated, modality, obliged, reported: reported && modality === 'planned' };
}

function afterUnless(ctx: QuoteContext, t: number, s: Sentence): boolean {
  for (let k = t - 1; k >= s.tokenStart; k--) {
    const word = ctx.word(k);
    if (word === 'unless') return true;
    if (word === ';' || word === ':') return false;
  }
  return false;
}

/** "X will withdraw its force unless Y …": a planned act made conditional on the target. */
function isConditionalThreat(
  ctx: QuoteContext,
  t: number,
  s: Sentence,
  modality: Modality,
  hostile = false,
): boolean {
  if (modality !== 'planned' && modality !== 'hypothetical') return false;
  for (let k = t + 1; k < s.tokenEnd; k++) {
    const word = ctx.word(k);
    if (word === 'unless') return true;
    // "The EC may halt its mediation if cooperation founders": a hostile act on a condition.
    if (word === 'if' && hostile) return true;
  }
  return false;
}

const HOSTILE_TYPES = new Set(['SANCTION', 'COERCE', 'ASSAULT', 'MOBILIZE']);

/** "The two countries", "both sides": read as the two parties the article names most. */
export const THE_TWO =
  /^(?:the\s+)?(?:two|both)\s+(?:countries|nations|states|sides|governments|leaders|presidents|prime\s+ministers|neighbours|neighbors|parties)$|^the\s+(?:two\s+)?sides$|^both$/i;

/** Types coded even when no one is named as having done it. */
const UNKNOWN_SOURCE_TYPES = new Set(['ASSAULT', 'COERCE', 'ACCUSE']);
/**
 * Acts whose passive names who suffered them even when it does not name who did them: "he was
 * released in January", "the opposition leader was sentenced", "aid groups were denied
 * permission", "eight fishermen were saved".
 */
const UNKNOWN_AGENT_TYPES = new Set([
  ...UNKNOWN_SOURCE_TYPES,
  'RETREAT',
  'SANCTION',
  'AID',
  'REJECT',
]);

/** Verbs whose passive keeps a noun's own preposition after them: "attacks were carried out against". */
const LIGHT_VERBS = new Set([
  'carry',
  'launch',
  'make',
  'mount',
  'stage',
  'conduct',
  'impose',
  'level',
  'direct',
  'aim',
]);

/** Nouns of violence or coercion named by whom they befell ("the killing of", "the arrest of"). */
const VICTIM_NOUNS = new Set([
  'killing',
  'killings',
  'murder',
  'murders',
  'slaying',
  'slayings',
  'beheading',
  'beheadings',
  'lynching',
  'lynchings',
  'assassination',
  'assassinations',
  'kidnapping',
  'kidnappings',
  'abduction',
  'abductions',
  'hijacking',
  'hijackings',
  'massacre',
  'massacres',
  'arrest',
  'arrests',
  'deportation',
  'deportations',
  'expulsion',
  'expulsions',
]);

/** Verbs of having an act done: "ordered the killing of", "authorised the arrest of". */
const ORDERING = new Set(['order', 'authorize', 'authorise', 'sanction', 'mastermind', 'plan']);

/** Verbs of doing an act named by a noun: "the attacks were carried out / perpetrated by". */
const PERFORMING = new Set([
  ...LIGHT_VERBS,
  'perpetrate',
  'commit',
  'hold',
  'organize',
  'organise',
  'lead',
  'claim',
]);

/** Prepositions opening a time phrase after a comma: ", after a meeting with…". */
const TIME_OPENER = new Set(['after', 'before', 'during', 'following', 'ahead']);

/** Types whose nouns take their actor after "of": "the withdrawal of", "the refusal of". */
const OF_AGENT_TYPES = new Set(['RETREAT', 'REJECT', 'CONCEDE', 'THREATEN']);

/** Whether a mention is a place named as such or a capital standing for its country. */
function placeMention(m: ActorMention): boolean {
  return m.method === 'place' || m.method === 'metonym';
}

/** Whether an argument is a place standing for its country ("in London"), not an actor. */
export function placeArgument(ctx: QuoteContext, arg: Argument): boolean {
  const m = ctx.mentionAt(ctx.tokenAt(arg.start));
  return m !== undefined && placeMention(m);
}

/** Bodies attacked in words, not by force: "the opposition attacked the government". */
export const POLITICAL_SECTORS: ReadonlySet<string> = new Set(['GOV', 'LEG', 'OPP', 'PTY', 'JUD']);

/**
 * A description by a role noun ("dispersed the protesters", "attacked rebels", "a police
 * post") is a target even with no actor named: the article's country may code it (events.ts).
 * Political bodies are no target of force when only described so, nor the press one consulted.
 */
function described(ctx: EventContext, rule: EventRule, target: Argument): boolean {
  const sector = ctx.sectorOf(target.text);
  if (sector === undefined) return false;
  if (rule.type === 'ASSAULT' && POLITICAL_SECTORS.has(sector)) return false;
  return !(rule.type === 'CONSULT' && sector === 'MED');
}

/** "spoke to reporters", "told the BBC": talking to the press is no consultation. */
function pressTarget(rule: EventRule, target: Argument): boolean {
  return rule.type === 'CONSULT' && (target.code ?? '').slice(3, 6) === 'MED';
}

const ACT_OF_SPEECH =
  /^(?:accus|blam|charg|criticis|criticiz|condemn|prais|thank|suspect|credit|commend|sue|punish|fault|apologi)/;
/**
 * Punishments, whose "for"/"of" + gerund is the punished one's act: "arrested them for
 * protesting", "were convicted of murdering three policemen".
 */
const PUNISHING = /^(?:arrest|detain|jail|imprison|convict|sentenc|fine|prosecut|expel|deport)/;

/**
 * Whether a gerund after "of"/"for" is what someone is accused, praised, thanked or punished
 * for ("arrested the protesters for demonstrating": the demonstration is theirs).
 */
function contentOfAct(ctx: QuoteContext, t: number, s: Sentence): boolean {
  const forIt = ctx.word(t - 1) === 'for';
  // ("convicted of murdering": right before "of"; not "arrested them in the process of ending…".)
  if (!forIt && PUNISHING.test(ctx.word(t - 2))) return true;
  for (let k = t - 2; k >= s.tokenStart && t - k <= 10; k--) {
    if (ACT_OF_SPEECH.test(ctx.word(k)) || (forIt && PUNISHING.test(ctx.word(k)))) return true;
    if (/^[;:.]$/.test(ctx.word(k))) break;
  }
  return false;
}

/**
 * Whether the noun at t is what someone is accused, charged or punished for: "charged with the
 * murder of", "arrested for the killing of", "charged for the following crimes: the kidnapping
 * of…", "guilty of the assassination" (not "condemned the killing of": no preposition between).
 */
function chargedWithAct(ctx: QuoteContext, t: number, s: Sentence): boolean {
  let prep = false;
  // (Far enough for a list: "for the following crimes: the kidnapping of X (…) and the
  // assassination of Y".)
  for (let k = t - 1; k >= s.tokenStart && t - k <= 30; k--) {
    const word = ctx.word(k);
    if (word === '.' || word === ';') break;
    if (word === 'with' || word === 'of' || word === 'for' || word === ':') prep = true;
    // "related to the murder", "in relation to the murder".
    if (word === 'to' && /^(?:related|relation|relating)$/.test(ctx.word(k - 1))) prep = true;
    if (prep && (ACT_OF_SPEECH.test(word) || PUNISHING.test(word) || GUILTY.test(word))) {
      return true;
    }
  }
  return false;
}

const GUILTY = /^(?:guilty|suspected|innocent|acquitted|indicted|tried|held|questioned)$/;

function clauseStartBefore(ctx: QuoteContext, t: number, s: Sentence): number {
  for (let k = t - 1; k > s.tokenStart; k--) if (/^[,;:]$/.test(ctx.word(k))) return k + 1;
  return s.tokenStart;
}

/** The events of one sentence, one per trigger, the most specific rule winning. */
export function matchSentence(
  ctx: EventContext,
  rules: EventRules,
  s: Sentence,
  index: number,
): EventDraft[] {
  const found: EventDraft[] = [];
  const consumed = new Set<number>();
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    if (consumed.has(t)) continue;
    const token = ctx.tokens[t];
    if (!token) continue;
    // The rules this token may trigger; the checks below run only for those.
    // "was subjected to torture": the tagger's infinitive is a noun.
    // So is a bare verb form after "of" that names an act: "various methods of torture".
    const afterSubjectedTo = ctx.word(t - 1) === 'to' && /^subject(?:ed)?$/.test(ctx.word(t - 2));
    // Only verbs, nouns and adjectives trigger (most tokens are none: skipped at once, by
    // comparing the tagger's tag strings, which is cheaper than a set lookup).
    const pos = token.pos;
    if (!afterSubjectedTo && pos !== 'VERB' && pos !== 'NOUN' && pos !== 'PROPN' && pos !== 'ADJ') {
      continue;
    }
    const subjectedTo =
      afterSubjectedTo ||
      (ctx.word(t - 1) === 'of' &&
        token.pos === 'VERB' &&
        (!/ing$/.test(token.normal) || SPAN_NOUN.test(ctx.word(t - 2))) &&
        rules.byNoun.has(token.normal));
    // "said fighting between Fatah and Hamas went on": a gerund before "between" names the act.
    const gerundBetween =
      token.pos === 'VERB' &&
      /ing$/.test(token.normal) &&
      ctx.word(t + 1) === 'between' &&
      ctx.tokens[t - 1]?.pos !== 'AUX' &&
      rules.byNoun.has(token.normal);
    const verb = subjectedTo || gerundBetween ? undefined : verbLemma(ctx, t, rules);
    // "launched an offensive against": wink-nlp's adjective that heads its phrase is a noun.
    const headAdjective =
      token.pos === 'ADJ' &&
      (DETERMINER.test(ctx.word(t - 1)) ||
        (ctx.tokens[t - 1]?.pos === 'ADJ' && DETERMINER.test(ctx.word(t - 2)))) &&
      !/^(?:NOUN|PROPN|ADJ)$/.test(ctx.tokens[t + 1]?.pos ?? '');
    const nominal =
      token.pos === 'NOUN' ||
      token.pos === 'PROPN' ||
      headAdjective ||
      subjectedTo ||
      gerundBetween;
    const candidates = verb
      ? rules.byVerb.get(verb)
      : nominal
        ? nounRules(ctx, t, rules)
        : undefined;
    if (!candidates) continue;
    // The best rule first, then the checks: they read the sentence and do not depend on the
    // rule, and most candidates match none (1,000 corpus articles: 22,835 tokens with
    // candidate rules, 8,545 matching one).
    let best: TriggerMatch | null = null;
    for (const rule of candidates) {
      const match =
        rule.verbs.length > 0 ? matchVerbRule(ctx, t, rule, s) : matchNounRule(ctx, t, rule, s);
      if (match && (!best || match.specificity > best.specificity)) best = match;
    }
    if (!best) continue;
    // "the seized ships", "its revised plan": a participle used as an adjective.
    if (!nominal && DETERMINER.test(ctx.word(t - 1)) && !floating(ctx, t - 1)) continue;
    // "the fifteen British captured navy personnel": a participle between a modifier and its
    // noun.
    if (
      !nominal &&
      /ed$/.test(token.normal) &&
      ctx.tokens[t + 1]?.pos === 'NOUN' &&
      // (A number before the modifier, or a determiner before an adjective: not "The IAEA
      // dispatched inspectors".)
      ((ctx.tokens[t - 2]?.pos === 'NUM' && /^(?:ADJ|PROPN)$/.test(ctx.tokens[t - 1]?.pos ?? '')) ||
        (ctx.tokens[t - 2]?.pos === 'DET' && ctx.tokens[t - 1]?.pos === 'ADJ'))
    ) {
      continue;
    }
    // "the recently imposed law": also with an adverb between.
    if (!nominal && /ed$/.test(token.normal) && ctx.tokens[t - 1]?.pos === 'ADV') {
      if (DETERMINER.test(ctx.word(t - 2))) continue;
      // "…and newly freed Felix Kulov was named": a fresh state before a name.
      if (
        /^(?:newly|recently|freshly|just)$/.test(ctx.word(t - 1)) &&
        /^(?:PROPN|NOUN)$/.test(ctx.tokens[t + 1]?.pos ?? '')
      ) {
        continue;
      }
    }
    // "…so that same-sex marriages are banned": a purpose, not an event.
    if (!nominal && purpose(ctx, t, s)) continue;
    // "several captured containers", "two seized ships": after a number or quantifier too.
    if (!nominal && /ed$/.test(token.normal) && quantifier(ctx, t - 1) && !floating(ctx, t - 1)) {
      continue;
    }
    // "has been firmly committed to the programme": a stance, not a pledge.
    if (token.normal === 'committed' && afterBe(ctx, t, s)) continue;
    // "an open-ended strike", "Russian-backed rebels": part of a compound adjective.
    if (!nominal && ctx.word(t - 1) === '-') continue;
    // "the release of captured soldiers": a participle after a preposition modifies a noun.
    if (!nominal && participleModifier(ctx, t)) continue;
    // "had received threatening calls from…": a participle before its noun, which the subject
    // undergoes (as "received threats from…" — the noun's reading — not threatening anyone).
    if (
      !nominal &&
      /ing$/.test(token.normal) &&
      ctx.tokens[t + 1]?.pos === 'NOUN' &&
      UNDERGO.has(lemma(ctx, t - 1))
    ) {
      continue;
    }
    // "escaped capture", "to avoid arrest": what is evaded did not happen.
    if (EVADING.has(lemma(ctx, DETERMINER.test(ctx.word(t - 1)) ? t - 2 : t - 1))) continue;
    // "This would strike a heavy blow": the tagger's noun after a modal is a verb.
    if (nominal && token.pos === 'NOUN' && MODAL_BEFORE.test(ctx.word(t - 1))) continue;
    // "a fire fighting boat": fighting fires.
    if (token.normal === 'fighting' && ctx.word(t - 1) === 'fire') continue;
    // "blogs hosted on Hosting Matters": a capitalised word inside a name is no verb.
    if (!nominal && insideName(ctx, t, s)) continue;
    // "the head of criminal investigation", "Federal Bureau of Investigation": an office.
    if (nominal && officeName(ctx, t, s)) continue;
    // "…unless the president agrees to step down": the condition, not an event.
    if (afterUnless(ctx, t, s)) continue;
    // "demanded that Britain release the prisoners": what is asked for, not an event.
    if (!nominal && askedFor(ctx, t, s)) continue;
    // "warned that recognizing Kosovo would harm relations": a gerund that is the subject of a
    // modal names an act talked about, not done.
    if (/ing$/.test(token.normal) && gerundSubject(ctx, t, s)) continue;
    // "accused Russia of bombing", "blamed Kyiv for attacking": the content of another act
    // ("guilty of violating the ceasefire" is the act itself).
    if (
      /ing$/.test(token.normal) &&
      /^(?:of|for)$/.test(ctx.word(t - 1)) &&
      contentOfAct(ctx, t, s)
    ) {
      continue;
    }
    // "asked him to stop fighters from launching rockets", "prevented the army from entering":
    // what is prevented is not done.
    if (/ing$/.test(token.normal) && ctx.word(t - 1) === 'from' && preventedAct(ctx, t, s)) {
      continue;
    }
    // "the best chance for freeing the hostages", "the prospect of resuming talks": wished for,
    // not done (as for nouns: `unrealized`).
    if (/ing$/.test(token.normal) && /^(?:for|of)$/.test(ctx.word(t - 1))) {
      if (WISHED.test(ctx.word(t - 2)) || WISHED.test(lemma(ctx, t - 2))) continue;
    }
    // "California Supreme Court strikes down ban": a headline's verb tagged as a noun.
    if (nominal && /^strikes?$/.test(token.normal) && ctx.word(t + 1) === 'down') continue;
    // "talks ended without reaching any deal": what is done without is not done.
    if (/ing$/.test(token.normal) && ctx.word(t - 1) === 'without') continue;
    // "has made no decision on withdrawing troops", "talks about sending observers": the topic
    // of a decision or a debate.
    if (
      /ing$/.test(token.normal) &&
      /^(?:on|about|over)$/.test(ctx.word(t - 1)) &&
      TOPIC.test(ctx.word(t - 2))
    ) {
      continue;
    }
    // "Condemned inmates…", "Arrested protesters were freed": a participle opening the
    // sentence before its noun modifies it.
    if (
      !nominal &&
      /ed$/.test(token.normal) &&
      (t === s.tokenStart || /^[.…"“'‘(]$/.test(ctx.word(t - 1))) &&
      ctx.tokens[t + 1]?.pos === 'NOUN'
    ) {
      continue;
    }
    // "Howard attacked Obama on his pledge to withdraw", "slammed him for his remarks": an
    // attack on someone's words or deeds is criticism.
    if (best.rule.id === 'assault.attack' && attackOnTopic(ctx, t, s)) {
      const words = rules.byId.get('accuse.attack-over');
      if (words) best = { ...best, rule: words };
    }
    // "Israeli strikes on Lebanon", "hit by US strikes": a state's or an army's strikes are
    // force, not a walkout.
    if (best.rule.type === 'PROTEST' && /^strikes?$/.test(token.normal) && stateStrike(ctx, t, s)) {
      const attack = rules.byId.get('assault.attack-noun');
      if (attack) best = { ...best, rule: attack };
    }
    // "fighting terrorism", "combat corruption": force against a social ill, not an actor.
    // (Not after an object a rule lists: "abused immigrants with impunity".)
    if (
      FORCEFUL.has(best.rule.type) &&
      best.head === undefined &&
      abstractObject(ctx, best.after, s)
    ) {
      continue;
    }
    if (best.rule.type === 'ASSAULT' && mishap(ctx, best.last, s)) continue;
    // "as she left an election rally": a campaign's rally, not a protest.
    if (
      best.rule.type === 'PROTEST' &&
      /^rall(?:y|ies)$/.test(token.normal) &&
      /^(?:election|electoral|campaign|victory)$/.test(ctx.word(t - 1))
    ) {
      continue;
    }
    // "has charged the Foreign Ministry to render the account": charging someone to act is
    // an instruction, not an accusation.
    if (best.rule.type === 'ACCUSE' && lemma(ctx, t) === 'charge' && chargedTo(ctx, t, s)) {
      continue;
    }
    // "a detainee killed himself": a suicide, no one's force against anyone ("blew himself up"
    // is a bombing).
    if (
      best.rule.type === 'ASSAULT' &&
      SELF_HARM.has(lemma(ctx, t)) &&
      REFLEXIVE.test(ctx.word(t + 1)) &&
      !/^(?:and|,|along)$/.test(ctx.word(t + 2))
    ) {
      continue;
    }
    // "a protest meeting called by the Bar Association": a protest, not consultation.
    if (best.rule.type === 'CONSULT' && best.rule.objects.length > 0) {
      const head = best.head ?? passiveSubjectHead(ctx, t, s, best.rule.objects);
      if (head >= 0 && /^(?:protest|campaign|election)$/.test(ctx.word(head - 1))) continue;
    }
    for (const u of best.used) consumed.add(u);
    const why = [`rule ${best.rule.id}: ${best.rule.reason}`];
    // "was found shot dead": the subject stands before "found"; before the list's first
    // participle in "was charged on Wednesday, and tried, convicted and sentenced".
    const listHead = best.rule.passive ? passiveListHead(ctx, t, s) : -1;
    const anchor = ctx.word(t - 1) === 'found' ? t - 1 : listHead >= 0 ? listHead : t;
    const ofNamesAgent = OF_AGENT_TYPES.has(best.rule.type);
    let sources = argumentsAt(
      ctx,
      best.rule.source,
      anchor,
      best.after,
      s,
      why,
      'source',
      ofNamesAgent,
      HOSTILE_TYPES.has(best.rule.type),
    );
    let targets = argumentsAt(
      ctx,
      best.rule.target,
      t,
      best.after,
      s,
      why,
      'target',
      false,
      FORCEFUL.has(best.rule.type),
    );
    // "condemned any such attacks on Turkish soldiers": those an act befell are not the ones
    // judged; its doer is, when named ("the attacks by the PKK on…").
    if (
      JUDGED_TYPES.has(best.rule.type) &&
      best.rule.target === 'object' &&
      best.head === undefined
    ) {
      const victims = actOnVictims(ctx, best.after, s);
      if (victims >= 0) {
        const by = prepAfter(ctx, best.after, s.tokenEnd, 'by');
        targets = targets.filter((a) => ctx.tokenAt(a.start) < victims);
        if (!targets.length && by >= 0) targets = actorsFrom(ctx, by + 1, s.tokenEnd);
        why.push(`target: not whom the "${ctx.word(victims - 2)}" befell`);
      }
    }
    // "backed Ukraine's bid", "supports the Egyptian plan": the object's owner.
    if (targets.length === 0 && best.rule.target === 'object' && best.head !== undefined) {
      const owner = ownerBefore(ctx, best.head, t);
      if (owner) {
        targets = [owner];
        why.push(`target: whose "${ctx.word(best.head)}" it is`);
      }
    }
    // "Ugandan troops came under attack": the subject suffers the act; who did it is unknown.
    // (An act whose rule names its source after a preposition is read below: "came under
    // criticism from the US".)
    const prepSource = best.rule.source.startsWith('prep:');
    // (A place after the act is where it happened: "came under attack in Mogadishu".)
    const placed = targets.length > 0 && targets.every((a) => placeArgument(ctx, a));
    if (
      best.rule.nouns.length > 0 &&
      underAct(ctx, t, s) &&
      (!targets.length || placed) &&
      !prepSource
    ) {
      targets = sources;
      sources = targets.length ? [unknownSource(ctx, t)] : [];
      if (targets.length) why.push('target: the subject, under the act (source unknown)');
      // "came under increasing attack from the Taliban": who used the force.
      const from = ctx.word(best.after + 1) === 'from' ? fromActors(ctx, best.after, s) : [];
      if (targets.length && from.length) {
        sources = from;
        why.push(`source: after "${ctx.word(t)} from"`);
      }
    }
    // "anti-American protests", "an anti-Putin rally": whom the act is against.
    if (best.rule.nouns.length > 0 && !targets.length && AGAINST_TYPES.has(best.rule.type)) {
      for (let k = t - 1; k >= s.tokenStart && t - k <= 3; k--) {
        const against = ctx.againstIn(k);
        if (against) {
          targets = [argumentOf(against)];
          sources = sources.filter((a) => a.actor !== against.actor);
          why.push(`target: "${ctx.word(k)}", whom the act is against`);
          break;
        }
        if (!/^(?:ADJ|PROPN|NOUN)$/.test(ctx.tokens[k]?.pos ?? '')) break;
      }
    }
    // "The plan drew criticism from Germany", "Carter met Meshaal despite criticism from the US":
    // what is criticised is the clause's subject.
    // Who did it is after "from" ("has faced threats from Israel"), whatever the rule's slot.
    if (best.rule.nouns.length > 0 && targets.length === 0) {
      const v = undergoneBy(ctx, t, s);
      const subject = v >= 0 ? argumentsAt(ctx, 'subject', v, v, s, why, 'target') : [];
      // (The subject itself, not an actor inside one of its phrases: "the removal of refugees to
      // X has met…".)
      const first = subject[0] ? ctx.tokenAt(subject[0].start) : -1;
      const headed =
        first >= 0 &&
        ctx.tokens
          .slice(clauseStartBefore(ctx, first, s), first)
          .every((x) => !/^(?:ADP|VERB|AUX)$/.test(x.pos));
      if (headed) {
        targets = subject;
        if (!/^prep:.*\bfrom\b/.test(best.rule.source)) {
          let from = prepAfter(ctx, best.last, s.tokenEnd, 'from');
          if (from < 0) from = prepAfter(ctx, best.last, s.tokenEnd, 'by');
          sources = from < 0 ? [] : actorsFrom(ctx, from + 1, s.tokenEnd);
          if (sources.length) why.push(`source: after "${ctx.word(from)}"`);
        }
        // "he was subjected to torture": violence by no one named.
        if (!sources.length && UNKNOWN_SOURCE_TYPES.has(best.rule.type)) {
          sources = [unknownSource(ctx, t)];
          why.push('source: unknown (the subject undergoes the act)');
        }
      }
    }
    // "was attacked by X": the agent is the source, the subject the target.
    const transitive = best.rule.target === 'object' || best.rule.target === 'recipient';
    const passive = best.rule.passive && isPassive(ctx, t, s, transitive);
    // "Ugandan troops were deployed to Mogadishu": forces moved are their own side's posture;
    // the destination stays the target and the sender, if named, is the source.
    if (passive && best.rule.type === 'MOBILIZE') {
      const by = prepAfter(ctx, best.after, s.tokenEnd, 'by');
      const agent = by < 0 ? [] : actorsFrom(ctx, by + 1, s.tokenEnd);
      if (agent.length) sources = agent;
      why.push('passive: the forces moved (or the sender after "by") are the source');
    } else if (passive) {
      // "A report by the committee released on Wednesday", "The names of the hostages were
      // released": what the subject names is one of the rule's excluded objects.
      if (best.rule.without.length > 0 && excludedSubject(ctx, t, s, best.rule.without)) continue;
      let by = prepAfter(ctx, best.after, s.tokenEnd, 'by');
      // "was fired on and sunk by a Russian cruiser", "was arrested, tried and jailed by the
      // junta": the agent of every participle of the list.
      let last = best.after;
      for (let k = best.after + 1; k < s.tokenEnd; k++) {
        const word = ctx.word(k);
        if (word === ',' || word === 'and') continue;
        // ("kicked and verbally abused by British soldiers": over an adverb.)
        const p = ctx.tokens[k]?.pos === 'ADV' ? k + 1 : k;
        if (!isParticiple(ctx.word(p)) || !/^(?:,|and)$/.test(ctx.word(k - 1))) break;
        last = p;
        k = p;
      }
      if (by < 0 && last > best.after) by = prepAfter(ctx, last, s.tokenEnd, 'by');
      const agent = by < 0 ? [] : actorsFrom(ctx, by + 1, s.tokenEnd);
      targets = sources;
      sources = agent;
      why.push('passive: source after "by", target the subject');
      // "Three civilians were killed in Baghdad": violence with an unknown perpetrator is still
      // an event; its source is unknown.
      // (Only a transitive act: "he was pulled out of the crowd" is no retreat of his.)
      const unknownAgent = transitive
        ? UNKNOWN_AGENT_TYPES.has(best.rule.type)
        : UNKNOWN_SOURCE_TYPES.has(best.rule.type);
      if (sources.length === 0 && unknownAgent) {
        sources = [unknownSource(ctx, t)];
        why.push('source: unknown (a passive with no agent)');
      }
    }
    // "A roadside bombing near Samarra killed one soldier": violence by no one named.
    if (
      sources.length === 0 &&
      best.rule.source === 'subject' &&
      UNKNOWN_SOURCE_TYPES.has(best.rule.type) &&
      !isPassive(ctx, t, s, transitive)
    ) {
      sources = [unknownSource(ctx, t)];
      why.push('source: unknown (no actor in the subject)');
    }
    // "Berlin condemned the killing of two German engineers": a noun of violence that names
    // whom it befell is an event, by no one named.
    if (
      sources.length === 0 &&
      targets.length > 0 &&
      best.rule.nouns.length > 0 &&
      best.rule.requireTarget &&
      FORCEFUL.has(best.rule.type)
    ) {
      sources = [unknownSource(ctx, t)];
      why.push(`source: unknown (the ${ctx.word(t)} names whom it befell, not who did it)`);
    }
    // "police charged at protesters as they marched": "they" who march are not the police
    // (coreference reached the subject).
    if (
      best.rule.type === 'PROTEST' &&
      sources.length > 0 &&
      PRONOUN_TEXT.test(ctx.word(skipVerbGroup(ctx, t - 1, s.tokenStart))) &&
      sources.every(
        (a) =>
          /(?:COP|MIL)$/.test(a.code ?? '') || /^(?:COP|MIL)$/.test(ctx.sectorOf(a.text) ?? ''),
      )
    ) {
      continue;
    }
    // "Bhutto was traveling to a rally", "At the rally, Edwards addressed supporters": a
    // politician's rally is a campaign's, a protest only when against someone.
    if (
      best.rule.type === 'PROTEST' &&
      /^rall(?:y|ies)$/.test(token.normal) &&
      sources.length > 0 &&
      sources.every(
        (a) =>
          a.actor !== null &&
          !a.actor.startsWith('unlinked:') &&
          ctx.actors.get(a.actor)?.type === 'person',
      ) &&
      !/^(?:against|protesting|over)$/.test(ctx.word(t + 1))
    ) {
      continue;
    }
    // "talks between X and Y"; "Russia and Ukraine met in Istanbul": a reciprocal act of
    // coordinated subjects with no one else named is each one's with the other.
    const reciprocal = best.rule.reciprocal && targets.length === 0;
    if ((best.rule.source === 'between' || reciprocal) && sources.length > 1) {
      if (reciprocal) why.push('target: the other of the coordinated subjects (a reciprocal act)');
      targets = sources.slice(1);
      sources = sources.slice(0, 1);
    }
    targets = targets.filter((x) => !pressTarget(best.rule, x));
    // "wrote to the French authorities to ask for clarification": asked of whom it wrote to.
    if (!targets.length && best.rule.target === 'object') {
      targets = addresseeOfPurpose(ctx, t, s);
      if (targets.length) why.push('target: the one written to, to ask it');
    }
    // "telephoned the army commander, asking for a meeting": asked of the one called.
    if (!targets.length && ADDRESSED_TYPES.has(best.rule.type)) {
      targets = addresseeOfParticiple(ctx, t, s);
      if (targets.length) why.push('target: the object of the verb the participle follows');
    }
    // "The two leaders met": the two parties are each other's counterpart (events.ts).
    const pair = reciprocal && sources.length === 1 && THE_TWO.test(sources[0]!.text.trim());
    if (
      best.rule.requireTarget &&
      !pair &&
      !targets.some((x) => x.actor !== null || x.code !== null || described(ctx, best.rule, x))
    ) {
      continue;
    }
    const group = verbGroup(ctx, t, s);
    const { modality, obliged } = group;
    // "I make no apology", "there were no talks": the act's noun denied by "no".
    const negated =
      group.negated ||
      (best.head !== undefined && best.head > t && deniedNoun(ctx, best.head, t)) ||
      (ctx.tokens[t]?.pos === 'NOUN' && deniedNoun(ctx, t, s.tokenStart - 1));
    found.push({
      obliged,
      ...(group.reported ? { reported: true } : {}),
      conditional: isConditionalThreat(ctx, t, s, modality, HOSTILE_TYPES.has(best.rule.type)),
      rule: best.rule,
      first: t,
      last: best.last,
      sentence: index,
      sources,
      // Not the source itself, nor its own country as a place ("Sudanese troops attacked rebel
      // positions in Darfur"); a country's police and its protesters are two sides.
      targets: targets.filter(
        (x) =>
          !sources.some(
            (y) =>
              y.actor !== null &&
              y.actor === x.actor &&
              (y.code === x.code || (x.code?.length ?? 0) <= 3),
          ),
      ),
      negated,
      modality,
      why,
    });
  }
  return found;
}

/** Whether "no" opens the noun phrase of the noun at k (after token `after`): "no apology". */
function deniedNoun(ctx: QuoteContext, k: number, after: number): boolean {
  let j = k - 1;
  while (j > after && k - j <= 3 && /^(?:ADJ|NOUN)$/.test(ctx.tokens[j]?.pos ?? '')) j--;
  return j > after && ctx.word(j) === 'no' && ctx.tokens[j]?.pos === 'DET';
}

/** Verbs whose subject suffers the act of the noun they govern: "died in attacks". */
const SUFFERING = new Set([
  'die',
  'perish',
  'suffer',
  'survive',
  'flee',
  'escape',
  // "has experienced previous attacks", "faced shelling", "repelled an attack".
  'experience',
  'face',
  'endure',
  'sustain',
  'undergo',
  'withstand',
  'repel',
  'repulse',
  // "received a minor arm injury during the clash".
  'receive',
]);

/** Nouns of attacks, before the one attacked: "the bombing of", "a raid on". */
const ATTACK_NOUN =
  /^(?:attacks?|bombings?|raids?|assaults?|strikes?|airstrikes?|ambush|shelling|offensive|invasion|siege)$/;

/** Nouns of unrest: their modifiers ("against China") name no one who acted. */
const UNREST = /^(?:demonstrations?|protests?|riots?|rallies|clashes|violence|unrest|fighting)$/;

/**
 * Whether the mention at token m is the object of an attack noun in a subject phrase: "the
 * attack on the Indian parliament", "a bombing at a police station", "the siege of Sarajevo".
 */
function attackedIn(ctx: QuoteContext, m: number, from: number): boolean {
  let k = m - 1;
  while (k > from && /^(?:DET|ADJ|NUM)$/.test(ctx.tokens[k]?.pos ?? '')) k--;
  if (!/^(?:on|against|at|of)$/.test(ctx.word(k))) return false;
  // (Also "demonstrations against China have killed 13 people": the protested.)
  return (
    ATTACK_NOUN.test(ctx.word(k - 1)) || (ctx.word(k) === 'against' && UNREST.test(ctx.word(k - 1)))
  );
}

/** A source no one names ("was killed", "came under attack"), placed at trigger t. */
function unknownSource(ctx: QuoteContext, t: number): Argument {
  const at = ctx.tokens[t]?.start ?? 0;
  return { actor: null, text: '', start: at, end: at, code: null };
}

/** A participle before its noun, modifying it: "exiled Hamas leader", "jailed journalists". */
function modifiesNoun(ctx: QuoteContext, k: number): boolean {
  return (
    ctx.tokens[k]?.pos === 'VERB' &&
    /ed$/.test(ctx.word(k)) &&
    /^(?:NOUN|PROPN|ADJ)$/.test(ctx.tokens[k + 1]?.pos ?? '')
  );
}

/** Acts an "anti-" word before their noun names the target of. */
const AGAINST_TYPES = new Set(['PROTEST', 'ACCUSE', 'REJECT', 'ASSAULT', 'THREATEN']);

/** Verbs whose object is something the subject undergoes: "drew criticism", "faced threats". */
const UNDERGO = new Set(['draw', 'face', 'receive', 'attract', 'meet', 'suffer', 'incur']);

/**
 * The verb whose subject undergoes a nominal act at t: "drew (strong) criticism from", "faced
 * threats from", "came under criticism from", "was subjected to torture", or the clause's verb
 * before "despite/amid criticism from". -1 when none.
 */
function undergoneBy(ctx: QuoteContext, t: number, s: Sentence): number {
  let k = t - 1;
  for (;;) {
    while (k > s.tokenStart && /^(?:ADJ|DET|ADV|NUM)$/.test(ctx.tokens[k]?.pos ?? '')) k--;
    // "various methods of torture", "several forms of abuse".
    if (ctx.word(k) !== 'of' || !/^(?:methods?|forms?|kinds?|acts?|sorts?)$/.test(ctx.word(k - 1)))
      break;
    k -= 2;
  }
  const word = ctx.word(k);
  // "came under attack", "was subjected to torture".
  if (word === 'under' && ctx.tokens[k - 1]?.pos === 'VERB') return k - 1;
  if (word === 'to' && /^subject(?:ed)?$/.test(ctx.word(k - 1))) return k - 1;
  if (word === 'with' && ctx.tokens[k - 1] && lemma(ctx, k - 1) === 'meet') return k - 1;
  if (ctx.tokens[k]?.pos === 'VERB' && UNDERGO.has(lemma(ctx, k)) && word !== 'met') return k;
  if (word !== 'despite' && word !== 'amid') return -1;
  for (let v = k - 1; v > s.tokenStart; v--) {
    if (/^[,;:]$/.test(ctx.word(v))) return -1;
    // (", meeting with": a participle the tagger read as a noun.)
    const participle = ctx.word(v - 1) === ',' && /ing$/.test(ctx.word(v));
    if (ctx.tokens[v]?.pos !== 'VERB' && !participle) continue;
    // "with exiled Hamas leader Meshaal": a participle before a noun modifies it.
    const next = ctx.tokens[v + 1]?.pos ?? '';
    const before = ctx.tokens[v - 1]?.pos ?? '';
    if (/^(?:NOUN|PROPN|ADJ)$/.test(next) && /^(?:DET|ADP|ADJ)$/.test(before)) continue;
    return v;
  }
  return -1;
}

/**
 * The agent of a nominal act named after it with "by", over a participle phrase:
 * "attacks believed to be perpetrated by the SLA", "the raid carried out by Hamas".
 */
function agentAfter(ctx: QuoteContext, t: number, s: Sentence): Argument | undefined {
  let k = t + 1;
  // (Also "the attacks were carried out by Hamas": the noun as a passive's subject.)
  const be = /^(?:is|are|was|were|has|have|had|been)$/.test(ctx.word(k));
  if (!be && !/(?:ed|en|out)$/.test(ctx.word(k)) && ctx.tokens[k]?.pos !== 'VERB') {
    return undefined;
  }
  for (; k < s.tokenEnd && k - t <= 7; k++) {
    const word = ctx.word(k);
    // …with a verb of doing it: not "the attacks have been condemned by Israel".
    if (be && ctx.tokens[k]?.pos === 'VERB' && !PERFORMING.has(lemma(ctx, k))) return undefined;
    if (word === 'by') {
      const found = actorsFrom(ctx, k + 1, s.tokenEnd)[0];
      return found && found.actor !== null ? found : undefined;
    }
    const pos = ctx.tokens[k]?.pos;
    if (pos !== 'VERB' && pos !== 'AUX' && pos !== 'PART' && pos !== 'ADV') return undefined;
  }
  return undefined;
}

/**
 * "denied any military intervention", "denies the attack": a denial with the act noun t as its
 * object (only determiners and adjectives between) is about the denier's own act.
 */
export function deniesOwn(ctx: QuoteContext, v: number, t: number): boolean {
  if (lemma(ctx, v) !== 'deny' || t - v > 8) return false;
  for (let k = v + 1; k < t; k++) {
    // "denied involvement in the assassination", "denied any role in the attacks".
    if (SHARE.has(ctx.word(k)) && /^(?:in|for)$/.test(ctx.word(k + 1))) {
      k++;
      continue;
    }
    if (!/^(?:DET|ADJ|PRON)$/.test(ctx.tokens[k]?.pos ?? '')) return false;
  }
  return true;
}

/**
 * Feelings about an act, or inquiries into it, between the verb v and the act noun t: the
 * verb's subject reacts to the act ("expressed shock over the attack", "voiced outrage at the
 * raids", "ordered an investigation into the bombing"), it did not do it. Returns the
 * reaction noun's index, or -1.
 */
function reactionBetween(ctx: QuoteContext, v: number, t: number): number {
  for (let k = v + 1; k < t - 1; k++) {
    if (REACTION.has(ctx.tokens[k]?.normal ?? '') && ctx.tokens[k + 1]?.pos === 'ADP') return k;
  }
  return -1;
}

const REACTION = new Set([
  'shock',
  'outrage',
  'anger',
  'horror',
  'dismay',
  'concern',
  'concerns',
  'alarm',
  'sorrow',
  'grief',
  'sadness',
  'regret',
  'condolences',
  'sympathy',
  'solidarity',
  'disgust',
  'indignation',
  'investigation',
  'investigations',
  'inquiry',
  'probe',
  'report',
  'questions',
  'silence',
  // "killed nine protesters in their crackdown on peaceful demonstrations".
  'crackdown',
  'clampdown',
  // "will meet officials for an update on the fighting": news of the act.
  'update',
  'updates',
  'briefing',
  'briefings',
  'news',
  'details',
  'information',
  'debate',
  'discussion',
  'discussions',
  'hearing',
  'hearings',
  'testimony',
]);

/** Whether a noun or a pronoun stands between tokens a and b (an object, not "pushing hard"). */
function nounBetween(ctx: QuoteContext, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) {
    if (/^(?:NOUN|PROPN|PRON)$/.test(ctx.tokens[k]?.pos ?? '')) return true;
  }
  return false;
}

/** Whether "against" opens the phrase of the act noun at t, after the verb at v. */
function againstAct(ctx: QuoteContext, v: number, t: number): boolean {
  let k = t - 1;
  while (k > v && /^(?:DET|ADJ|NUM)$/.test(ctx.tokens[k]?.pos ?? '')) k--;
  return k > v && ctx.word(k) === 'against';
}

/** One's share in an act: "involvement in", "role in", "responsibility for". */
const SHARE = new Set(['involvement', 'role', 'part', 'responsibility', 'hand', 'complicity']);

/** Verbs whose object noun is someone else's act, reported or judged. */
const JUDGING = new Set([
  'condemn',
  'criticize',
  'criticise',
  'denounce',
  'deplore',
  'decry',
  'regret',
  'welcome',
  'praise',
  'hail',
  'applaud',
  'deny',
  'confirm',
  'report',
  'investigate',
  'probe',
  'blame',
  // "linked the assassination to Syria": who did it is said, not the subject.
  'link',
  'attribute',
  'connect',
  'mourn',
  'remember',
  'recall',
  'resent',
  'fear',
  'describe',
  // "films depicting the battle": shown, not fought.
  'depict',
  'portray',
  'dramatize',
  'dramatise',
  'chronicle',
  'question',
  'dispute',
  'witness',
  'list',
  'discuss',
  'survive',
  'escape',
  'suffer',
  'flee',
  // "responded to the raid", "retaliated for the attack": a reaction to someone else's act.
  'respond',
  'react',
  'reply',
  'retaliate',
  'avenge',
  'comment',
  // "police dispersed the rally", "authorised the march": done to someone else's act.
  'disperse',
  'suppress',
  'crush',
  'permit',
  'authorize',
  'authorise',
  // "refusing to allow more protests", "tries to ban our rally": someone else's act, ruled on.
  'allow',
  'ban',
  'prohibit',
  'forbid',
  'tolerate',
  'prevent',
  'block',
  // "mentioned the attacks from Gaza", "cited the bombings": someone else's act, spoken of.
  'mention',
  'cite',
  'note',
  // "supported the invasion", "opposed the strikes": someone else's act, taken sides on.
  'support',
  'back',
  'oppose',
  // "reporters covered the demonstrations", "the city saw heavy fighting": seen, not done.
  'cover',
  'film',
  'watch',
  'observe',
  'monitor',
  'document',
  'see',
  // "accused Ukraine of attacks": the act is the accused's, not the accuser's.
  'accuse',
  'charge',
  'suspect',
  'allege',
]);

/** Verbs whose that-clause says what is asked for. */
const ASKING = new Set([
  'demand',
  'ask',
  'insist',
  'urge',
  'request',
  'propose',
  'suggest',
  'recommend',
]);

/** Verbs whose object is asked or told to do the act after "to": "urged Israel to withdraw". */
const TELLING = new Set([
  ...ASKING,
  'order',
  'instruct',
  'command',
  'tell',
  'call',
  'press',
  'pressure',
  'encourage',
  'invite',
  'want',
  'expect',
  'authorize',
  'authorise',
]);

function askedFor(ctx: QuoteContext, t: number, s: Sentence): boolean {
  const that = thatBefore(ctx, t, s);
  if (that >= 0 && ASKING.has(lemma(ctx, that - 1))) return true;
  // "ordered the army to seal off the city", "called on Moscow to withdraw": the act asked
  // of the object after the verb, not done.
  if (ctx.word(t - 1) !== 'to') return false;
  for (let k = t - 3; k >= s.tokenStart && t - k <= 10; k--) {
    const token = ctx.tokens[k];
    if (!token || /^[,;:]$/.test(token.normal)) return false;
    if (token.pos === 'VERB') return TELLING.has(lemma(ctx, k));
  }
  return false;
}

/** The "that" opening the clause of token t (within 10 tokens, no comma between), or -1. */
function thatBefore(ctx: QuoteContext, t: number, s: Sentence): number {
  for (let k = t - 1; k > s.tokenStart && t - k <= 10; k--) {
    const word = ctx.word(k);
    if (word === 'that') return k;
    if (word === ',' || word === ';' || word === ':') return -1;
  }
  return -1;
}

const CAPITAL = /^\p{Lu}/u;

function insideName(ctx: QuoteContext, t: number, s: Sentence): boolean {
  const token = ctx.tokens[t];
  if (!token || t === s.tokenStart || !CAPITAL.test(ctx.text(token.start, token.end))) return false;
  // Headlines capitalise every word: "Israel Attacks Gaza".
  if (isHeadline(ctx, s)) return false;
  const capitalised = (k: number) => {
    const other = ctx.tokens[k];
    return !!other && k > s.tokenStart && CAPITAL.test(ctx.text(other.start, other.end));
  };
  return capitalised(t - 1) || capitalised(t + 1);
}

function purpose(ctx: QuoteContext, t: number, s: Sentence): boolean {
  const that = thatBefore(ctx, t, s);
  return that >= 0 && t - that <= 8 && ctx.word(that - 1) === 'so';
}

function quantifier(ctx: QuoteContext, k: number): boolean {
  return (
    ctx.tokens[k]?.pos === 'NUM' ||
    /^(?:several|many|some|few|numerous|various|other|both|all)$/.test(ctx.word(k))
  );
}

function afterBe(ctx: QuoteContext, t: number, s: Sentence): boolean {
  const k = skipAdverbsBack(ctx, t - 1, s.tokenStart + 1);
  return COPULA.test(ctx.word(k));
}

/** The first token at or before k that is not an adverb, looking back no further than `from`. */
function skipAdverbsBack(ctx: QuoteContext, k: number, from: number): number {
  while (k >= from && ctx.tokens[k]?.pos === 'ADV') k--;
  return k;
}

/** Whether sentence s is the document's title line. */
function isHeadline(ctx: QuoteContext, s: Sentence): boolean {
  const title = ctx.doc.title;
  return !!title && s.start === 0 && s.end <= title.length;
}

/** Past participles: regular ones and the irregular forms news uses ("slain", "shot"). */
const PARTICIPLE = /(?:ed|slain|shot|taken|stolen|beaten|seen|held|caught|struck|hit)$/;

/** Nouns for texts and records: "the statement released on Monday" was published, not freed. */
const DOCUMENTS = new Set([
  'statement',
  'statements',
  'report',
  'reports',
  'video',
  'videos',
  'tape',
  'tapes',
  'figures',
  'data',
  'list',
  'document',
  'documents',
  'book',
  'film',
  'results',
  'recording',
  'footage',
  'photos',
  'images',
  'letter',
  'album',
  'study',
  'survey',
  'poll',
]);

function participleModifier(ctx: QuoteContext, t: number): boolean {
  if (!PARTICIPLE.test(ctx.word(t))) return false;
  // "the statement released on Monday by the ministry": a reduced relative on a document.
  if (DOCUMENTS.has(ctx.word(t - 1))) return true;
  if (ctx.tokens[t - 1]?.pos !== 'ADP') return false;
  const next = ctx.tokens[t + 1]?.pos;
  return next === 'NOUN' || next === 'PROPN' || next === 'ADJ';
}

const FORCEFUL = new Set(['ASSAULT', 'COERCE']);
/** Social ills fought ("terrorism", "corruption") and prizes taken ("recaptured the lead"). */
const ABSTRACT =
  /^(?:\p{L}+(?:ism|isation|ization)|corruption|crime|poverty|drugs|trafficking|piracy|disease|inflation|unemployment|hunger|illiteracy|terror|impunity|fraud|smuggling|lead|title|seat|seats|majority|record|crown|championship|initiative|momentum|messenger|cancer|illness|disease|leukemia|leukaemia|tumour|tumor|aids|hiv|addiction|depression|strife|sectarianism|violence|extremism|radicalism|discrimination|racism|intolerance|hatred|injustice|misinformation|disinformation|climate|warming|pollution|deforestation|epidemic|pandemic|famine|drought|wildfires|floods|leadership|presidency|premiership|chairmanship|throne|nomination|future|opportunity|opportunities|moment|chance|authority|privileges|development|project|proposal|proposals|bill|legislation|ruling|verdict|charges|closure|construction|extradition|deportation|eviction|cuts|application|applications|lawsuit|lawsuits|appeal|appeals|case|claim|claims|decision|plan|plans|policy|policies|law|laws|measure|measures|rumours|rumors|rumour|rumor|speculation|hopes|idea|ideas|deal|deals)$/u;

/**
 * Causes fought for: "fighting for democracy", "has battled for workers' rights for years" is
 * campaigning, not force ("fighting for control of the city" is).
 */
const CAUSES =
  /^(?:rights|right|freedom|freedoms|democracy|justice|equality|recognition|reform|reforms|change|peace|animals|women|workers|children|compensation|wages|pay|benefits|lives|life|cause|causes|interests|dignity)$/;

function abstractObject(ctx: QuoteContext, after: number, s: Sentence): boolean {
  let k = after + 1;
  if (ctx.word(k) === 'for') {
    for (let n = k + 1; n < s.tokenEnd && n - k <= 5; n++) {
      if (CAUSES.test(ctx.word(n))) return true;
      if (!/^(?:DET|ADJ|PRON|NOUN|PROPN|PART)$/.test(ctx.tokens[n]?.pos ?? '')) break;
    }
    return false;
  }
  if (/^(?:against|off|with)$/.test(ctx.word(k))) k++;
  // ("abused her power".)
  if (POSSESSIVE.has(ctx.word(k))) k++;
  while (k < s.tokenEnd && /^(?:DET|ADJ)$/.test(ctx.tokens[k]?.pos ?? '')) {
    // ("seizes the future": the tagger's adjective may be the head.)
    const next = ctx.tokens[k + 1]?.pos ?? '';
    if (ABSTRACT.test(ctx.word(k)) && !/^(?:NOUN|PROPN|ADJ)$/.test(next)) return true;
    k++;
  }
  // The head of a compound: "child poverty", "drug trafficking".
  for (let n = k; n < s.tokenEnd && n - k < 3; n++) {
    if (ABSTRACT.test(ctx.word(n))) return true;
    // ("attacked Swiss intolerance": a demonym before the head.)
    if (ctx.tokens[n]?.pos !== 'NOUN' && ctx.tokens[n]?.pos !== 'PROPN') break;
  }
  return false;
}

/** The first named or coded actor of the "from" phrase after token `after`. */
function fromActors(ctx: QuoteContext, after: number, s: Sentence): Argument[] {
  return actorsFrom(ctx, after + 2, phraseFrom(ctx, after + 2, s.tokenEnd))
    .filter((a) => a.actor !== null || a.code !== null)
    .slice(0, 1);
}

/** "came under attack", "under heavy fire", "under increasing attack": suffered, not done. */
function underAct(ctx: QuoteContext, t: number, s: Sentence): boolean {
  let k = t - 1;
  // (wink-nlp tags "increasing", "renewed" as verbs.)
  while (
    k > s.tokenStart &&
    t - k <= 2 &&
    (ctx.tokens[k]?.pos === 'ADJ' || /(?:ing|ed)$/.test(ctx.word(k)))
  ) {
    k--;
  }
  return ctx.word(k) === 'under';
}

/** Acts of force whose "from" phrase names who used it: "attacks from Gaza". */
const FROM_NAMES_AGENT = new Set([
  'attack',
  'attacks',
  'fire',
  'shelling',
  'rockets',
  'rocket',
  'missiles',
  'mortars',
  'raids',
  'raid',
  'incursions',
  'incursion',
  'strikes',
  'airstrikes',
]);

/** Nouns that head the name of an office or a unit, before "of" and its field. */
const OFFICE_HEADS = new Set([
  'head',
  'chief',
  'director',
  'directorate',
  'department',
  'bureau',
  'office',
  'division',
  'unit',
  'section',
  'inspector',
  'commissioner',
]);

/** Whether the act noun t names an office's field: "head of (criminal) investigation". */
function officeName(ctx: QuoteContext, t: number, s: Sentence): boolean {
  let k = t - 1;
  while (k > s.tokenStart && t - k <= 2 && ctx.tokens[k]?.pos === 'ADJ') k--;
  return ctx.word(k) === 'of' && OFFICE_HEADS.has(ctx.word(k - 1));
}

/** Deaths no one inflicted: "killed in a motorcycle accident", "died in the earthquake". */
const MISHAP =
  /^(?:accident|accidents|crash|crashes|collision|earthquake|flood|floods|blaze|storm|avalanche|hurricane|landslide|tsunami|stampede|derailment)$/;

function mishap(ctx: QuoteContext, t: number, s: Sentence): boolean {
  for (let k = t + 1; k < s.tokenEnd && k - t <= 7; k++) {
    if (MISHAP.test(ctx.word(k))) return true;
    if (/^[,;:]$/.test(ctx.word(k))) return false;
  }
  return false;
}

/** Participles after "is" that describe a stance, not a passive: "is opposed to", "is ready". */
const STATIVE = new Set([
  'opposed',
  'committed',
  'prepared',
  'determined',
  'willing',
  'ready',
  'involved',
  'concerned',
  'interested',
  'set',
  'due',
]);

function isPassive(ctx: QuoteContext, t: number, s: Sentence, transitive = true): boolean {
  // "is opposed to" is a stance; "is opposed by the unions" a passive.
  if (STATIVE.has(ctx.word(t)) && ctx.word(t + 1) !== 'by') return false;
  // "a ceasefire brokered by Egypt": a participle after its noun, with its agent.
  if (ctx.word(t + 1) === 'by' && ctx.tokens[t - 1]?.pos === 'NOUN' && /ed$/.test(ctx.word(t))) {
    return true;
  }
  let k = skipAdverbsBack(ctx, t - 1, s.tokenStart);
  // "was found shot dead", "were found murdered": the passive of the finding and the act.
  if (ctx.word(k) === 'found' && /^(?:is|are|was|were|been)$/.test(ctx.word(k - 1))) k--;
  const word = ctx.word(k);
  // A headline's bare participle is a passive: "Idaho senator arrested for disorderly conduct".
  // (Only a verb that takes an object: "clashed on the border" is active.) In the body too for
  // a verb never used without its object: "…rubber bullets used, demonstrators killed on the
  // streets" ("rebels attacked at dawn" is active).
  if (
    transitive &&
    PARTICIPLE.test(ctx.word(t)) &&
    ctx.tokens[k]?.pos !== 'AUX' &&
    (isHeadline(ctx, s) || (ALWAYS_TRANSITIVE.has(lemma(ctx, t)) && !objectLater(ctx, t, s)))
  ) {
    // …with no object after it: "arrested for", "killed in", "shot dead", "acquitted" at the end.
    // ("…killed at least 20 soldiers" has an object; "shot and killed in Myanmar" has none.)
    const bareAt = (p: number): boolean => {
      const after = ctx.word(p + 1) === 'dead' ? p + 2 : p + 1;
      const next = ctx.tokens[after];
      if (next?.normal === 'and' && PARTICIPLE.test(ctx.word(after + 1))) return bareAt(after + 1);
      return (
        after >= s.tokenEnd ||
        next?.pos === 'PUNCT' ||
        ((next?.pos === 'ADP' || next?.pos === 'SCONJ') &&
          !/^(?:to|that)$/.test(next.normal) &&
          quantifierAt(ctx, after) === 0)
      );
    };
    const bare = bareAt(t);
    // (wink-nlp tags a headline's "chief" as an adjective.)
    const subject = ctx.tokens[k]?.pos ?? '';
    if (bare && /^(?:NOUN|PROPN|ADJ)$/.test(subject) && k >= s.tokenStart) return true;
  }
  if (PASSIVE_AUX.has(word) && !/ing$/.test(ctx.word(t))) return true;
  return transitive && (coordinatedPassive(ctx, t, s) || reducedRelative(ctx, t, s));
}

/**
 * Whether a phrase after the participle at t opens an object after an adverbial: "arrested on
 * Monday two Somali smugglers" (a determiner or number right after a noun), before the clause
 * ends.
 */
function objectLater(ctx: QuoteContext, t: number, s: Sentence): boolean {
  for (let v = t + 2; v < s.tokenEnd && v - t <= 10; v++) {
    const pos = ctx.tokens[v]?.pos ?? '';
    if (/^(?:PUNCT|CCONJ|SCONJ|VERB|AUX)$/.test(pos)) return false;
    if (/^(?:DET|NUM)$/.test(pos) && /^(?:NOUN|PROPN)$/.test(ctx.tokens[v - 1]?.pos ?? '')) {
      return true;
    }
  }
  return false;
}

/**
 * Whether a passive's subject phrase, before the verb at t and within its clause, holds one of
 * `words` (a rule's excluded objects).
 */
function excludedSubject(ctx: QuoteContext, t: number, s: Sentence, list: string[]): boolean {
  const words = wordSet(list);
  for (let k = t - 1; k >= s.tokenStart && t - k <= 10; k--) {
    const token = ctx.tokens[k];
    // ("The letter, released to the AFP news agency, says…": over the comma before the verb.)
    if (token?.normal === ',' && k === t - 1) continue;
    if (!token || token.normal === ',' || token.pos === 'VERB') return false;
    if (token.pos === 'NOUN' && (words.has(token.normal) || words.has(lemma(ctx, k)))) {
      return true;
    }
  }
  return false;
}

/**
 * Prepositions that attach a phrase to the noun before it ("a strike on a car", "anger over the
 * hanging"), not those that open a clause or a time ("after her son was killed").
 */
const MODIFIER_PREP = new Set(['on', 'of', 'over', 'against', 'near', 'with', 'about', 'into']);

/** What befalls someone: their death, arrest or defeat is not what they did or are. */
const MISFORTUNE =
  /^(?:death|deaths|execution|killing|murder|assassination|hanging|arrest|detention|imprisonment|conviction|capture|defeat|downfall|ouster|overthrow|demise|fall)$/;

/** Verbs whose object act did not happen to the subject: "escaped capture", "avoid arrest". */
const EVADING = new Set(['escape', 'evade', 'avoid', 'elude', 'dodge', 'resist', 'prevent']);
const MODAL_BEFORE = /^(?:would|will|could|can|may|might|should|must|shall)$/;

/** Verbs that keep someone from an act ("stop X from launching", "barred them from entering"). */
const PREVENTING = new Set([
  'stop',
  'prevent',
  'bar',
  'ban',
  'block',
  'keep',
  'deter',
  'discourage',
  'prohibit',
  'restrain',
  'dissuade',
  'forbid',
]);

/** Whether the gerund at t (after "from") is what a preventing verb before it keeps from. */
function preventedAct(ctx: QuoteContext, t: number, s: Sentence): boolean {
  for (let k = t - 2; k >= s.tokenStart && t - k <= 8; k--) {
    if (/^[,;:.]$/.test(ctx.word(k))) return false;
    if (ctx.tokens[k]?.pos === 'VERB' && PREVENTING.has(lemma(ctx, k))) return true;
  }
  return false;
}

/** Whether the object of "charge" at t is followed by "to" and a verb (an instruction). */
function chargedTo(ctx: QuoteContext, t: number, s: Sentence): boolean {
  for (let k = t + 1; k < s.tokenEnd && k - t <= 12; k++) {
    const word = ctx.word(k);
    if (/^(?:with|over|for|of|[,;:.])$/.test(word)) return false;
    if (word === 'to' && ctx.tokens[k + 1]?.pos === 'VERB') return true;
  }
  return false;
}

/** Verbs of force that, on oneself, are a suicide. */
const SELF_HARM = new Set(['kill', 'shoot', 'hang', 'stab', 'poison', 'drown']);
const REFLEXIVE = /^(?:himself|herself|themselves|itself|oneself|myself|yourself)$/;

/** Verbs of force never used without their object: a bare participle of one is a passive. */
const ALWAYS_TRANSITIVE = new Set([
  'kill',
  'murder',
  'assassinate',
  'execute',
  'behead',
  'injure',
  'wound',
  'arrest',
  'detain',
  'jail',
  'imprison',
  'abduct',
  'kidnap',
  'capture',
  'torture',
  'deport',
  'expel',
  'convict',
  'sentence',
]);

/**
 * "The British teacher jailed for insulting Islam arrived…", "two journalists arrested in
 * Zimbabwe last month were freed": a participle right after its noun, a phrase after it and
 * then the sentence's own verb — the noun is what was done to (a reduced relative clause).
 * Not with an object, a clause or a list after the phrase ("troops attacked in the north and
 * killed…", "police arrested on Monday two men").
 */
function reducedRelative(ctx: QuoteContext, t: number, s: Sentence): boolean {
  if (!PARTICIPLE.test(ctx.word(t)) || t - 1 < s.tokenStart) return false;
  if (!/^(?:NOUN|PROPN)$/.test(ctx.tokens[t - 1]?.pos ?? '')) return false;
  // ("a Japanese video journalist shot dead in Myanmar this Thursday, is alleged…".)
  const at = ctx.word(t + 1) === 'dead' ? t + 2 : t + 1;
  const next = ctx.tokens[at];
  if (next?.pos !== 'ADP' || /^(?:to|that|of|by|as|like)$/.test(next.normal)) return false;
  for (let v = at + 1; v < s.tokenEnd && v - t <= 12; v++) {
    const token = ctx.tokens[v];
    if (!token) return false;
    if (token.pos === 'AUX') return true;
    if (token.pos === 'VERB' && !/ing$/.test(token.normal)) return true;
    if (/^(?:PUNCT|CCONJ|SCONJ|PRON|PART)$/.test(token.pos)) return false;
    // (A day after its month is the date's: "detained on March 23 do not…".)
    if (token.pos === 'NUM' && ctx.lexicon.months.has(ctx.word(v - 1))) continue;
    // A determiner or number after a noun opens another phrase, an object: "on Monday two men".
    // (After a preposition it opens the phrase's own noun: "in the capital".)
    if (/^(?:DET|NUM)$/.test(token.pos) && /^(?:NOUN|PROPN)$/.test(ctx.tokens[v - 1]?.pos ?? '')) {
      return false;
    }
    if (/^(?:who|which|that)$/.test(token.normal)) return false;
  }
  return false;
}

/**
 * "was found guilty of war crimes and sentenced to 11 years", "were arrested and charged with
 * treason": a participle joined by "and" to a passive shares its auxiliary — unless an object
 * follows it ("troops were deployed and attacked the village" is active).
 */
const IRREGULAR_PARTICIPLE = new Set([
  'found',
  'given',
  'sent',
  'brought',
  'kept',
  'held',
  'told',
  'sunk',
  'thrown',
  'driven',
  'hurt',
  'wounded',
]);

/** A past participle, regular or one of the irregular ones. */
function isParticiple(word: string): boolean {
  return PARTICIPLE.test(word) || IRREGULAR_PARTICIPLE.has(word);
}

function coordinatedPassive(ctx: QuoteContext, t: number, s: Sentence): boolean {
  return passiveListHead(ctx, t, s) >= 0;
}

/**
 * The first participle of the passive list token t is in ("charged" for "convicted" in "was
 * charged on Wednesday, and tried, convicted, and sentenced"), or -1. Its subject is the list's.
 */
export function passiveListHead(ctx: QuoteContext, t: number, s: Sentence): number {
  // (Over adverbs: "being kicked and verbally abused".)
  const joint = skipAdverbsBack(ctx, t - 1, s.tokenStart);
  if (!/^(?:and|,)$/.test(ctx.word(joint)) || !PARTICIPLE.test(ctx.word(t))) return -1;
  if (/^(?:DET|NOUN|PROPN|PRON|NUM|ADJ)$/.test(ctx.tokens[t + 1]?.pos ?? '')) return -1;
  for (let v = joint - 1; v >= s.tokenStart && t - v <= 12; v--) {
    // (wink-nlp may tag the participle after its auxiliary a noun: "has been shot and killed".)
    const tagged =
      ctx.tokens[v]?.pos === 'VERB' ||
      (isParticiple(ctx.word(v)) &&
        PASSIVE_AUX.has(ctx.word(skipAdverbsBack(ctx, v - 1, s.tokenStart))));
    if (!tagged) continue;
    if (!isParticiple(ctx.word(v))) return -1;
    const k = skipAdverbsBack(ctx, v - 1, s.tokenStart);
    // The participle before is a passive itself, or one of the list ("tried" above).
    return PASSIVE_AUX.has(ctx.word(k)) ? v : passiveListHead(ctx, v, s);
  }
  return -1;
}
