/**
 * Speakers: the noun phrase next to a cue verb, read from the POS tags — before the verb
 * ("NATO Secretary General Mark Rutte assured"), after it ("said Kallas"), through an apposition
 * ("Rutte, NATO's chief, said"), a relative pronoun ("Putin, who said") or a participle
 * ("Smith resigned, saying"). The head of the phrase decides: when an actor mention covers it,
 * that actor speaks (pronouns included, through coreference); otherwise the words are kept as a
 * description ("a senior official", "a spokesman for the ministry"), with no actor.
 */
import type { Document, Token } from '../../core/document.js';
import type { ActorMention } from '../actors/types.js';
import type { ActorResult } from '../../output/result.js';
import type { ActorLexicon } from '../actors/lexicon.js';
import type { Quotation } from './marks.js';
import type { QuoteRules } from './rules.js';

export interface Speaker {
  /** Actor id, or null for a description the KB cannot name. */
  actor: string | null;
  /** The words that name the speaker. */
  text: string;
  start: number;
  end: number;
}

/** Index of the first token starting at or after offset `at`. */
export function firstTokenAt(tokens: readonly Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? Infinity) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What the readers look tokens up by: the sentence of each token, the mentions of listed
 * actors and the mention covering each token. Worked out once per document and shared by the
 * quote and event stages (both read the same tokens, links and actors); worked out again if
 * any of those layers was replaced in between.
 */
interface TokenIndex {
  tokens: Document['tokens'];
  sentences: Document['sentences'];
  links: Document['links'];
  actors: Document['actors'];
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  /** Mentions of listed actors, by start offset. */
  mentions: ActorMention[];
  /** Index into `mentions` of the mention covering each token, or -1. */
  mentionOf: Int32Array;
}

const TOKEN_INDEXES = new WeakMap<Document, TokenIndex>();

/** The token index of `doc`, whose listed actors are `actors` (the document's actors, by id). */
function tokenIndex(doc: Document, actors: ReadonlyMap<string, ActorResult>): TokenIndex {
  const cached = TOKEN_INDEXES.get(doc);
  if (
    cached &&
    cached.tokens === doc.tokens &&
    cached.sentences === doc.sentences &&
    cached.links === doc.links &&
    cached.actors === doc.actors &&
    actors.size === ((doc.actors as unknown[] | undefined)?.length ?? 0)
  ) {
    return cached;
  }
  const tokens = doc.tokens ?? [];
  const sentenceOf = new Int32Array(tokens.length).fill(-1);
  (doc.sentences ?? []).forEach((s, index) => {
    for (let t = s.tokenStart; t < s.tokenEnd; t++) sentenceOf[t] = index;
  });
  const mentions = ((doc.links as ActorMention[] | undefined) ?? []).filter((m) =>
    actors.has(m.actor),
  );
  const mentionOf = new Int32Array(tokens.length).fill(-1);
  mentions.forEach((m, index) => {
    for (let t = firstTokenAt(tokens, m.start); t < tokens.length; t++) {
      const token = tokens[t];
      if (!token || token.end > m.end) break;
      mentionOf[t] = index;
    }
  });
  const index: TokenIndex = {
    tokens: doc.tokens,
    sentences: doc.sentences,
    links: doc.links,
    actors: doc.actors,
    sentenceOf,
    mentions,
    mentionOf,
  };
  TOKEN_INDEXES.set(doc, index);
  return index;
}

/** Tokens, mentions and rules of one document, with the lookups the quote readers share. */
export class QuoteContext {
  readonly tokens: Token[];
  /** Sentence index of each token. */
  readonly sentenceOf: Int32Array;
  /** The document's quotations (marks.ts), set by the stage. */
  quotations: Quotation[] = [];
  /** Mentions of listed actors, by start offset. */
  private readonly mentions: ActorMention[];
  /** Index into `mentions` of the mention covering each token, or -1. */
  private readonly mentionOf: Int32Array;

  /** `actors`: the document's actors by id. */
  constructor(
    readonly doc: Document,
    readonly rules: QuoteRules,
    readonly lexicon: ActorLexicon,
    readonly actors: ReadonlyMap<string, ActorResult>,
  ) {
    this.tokens = doc.tokens ?? [];
    const index = tokenIndex(doc, actors);
    this.sentenceOf = index.sentenceOf;
    this.mentions = index.mentions;
    this.mentionOf = index.mentionOf;
  }

  /**
   * Whether a description's head names someone who can speak or act: a speaker noun or a
   * title ("the minister", "officials"). Events widen it to every role noun (context.ts).
   */
  namesRole(head: Token, _phrase: string): boolean {
    return isSpeakerNoun(this, head);
  }

  text(start: number, end: number): string {
    return this.doc.text.slice(start, end);
  }

  /** Index of the first token starting at or after offset `at`. */
  tokenAt(at: number): number {
    return firstTokenAt(this.tokens, at);
  }

  word(t: number): string {
    return this.tokens[t]?.normal ?? '';
  }

  /** The mention that covers token t, if any. */
  mentionAt(t: number): ActorMention | undefined {
    const index = t >= 0 ? (this.mentionOf[t] ?? -1) : -1;
    return index < 0 ? undefined : this.mentions[index];
  }

  /** Mentions inside the tokens [a, b). */
  mentionsIn(a: number, b: number): ActorMention[] {
    const first = this.tokens[a];
    const last = this.tokens[b - 1];
    if (!first || !last) return [];
    return this.mentions.filter((m) => m.start >= first.start && m.end <= last.end);
  }

  /** The sentence's subject mention (the first actor of the sentence), before token `before`. */
  subjectOf(sentence: number, before: number): ActorMention | undefined {
    const limit = this.tokens[before]?.start ?? Infinity;
    return this.mentions.find((m) => m.sentence === sentence && m.subject && m.end <= limit);
  }
}

const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM']);
const NP_INNER = new Set(['of', 'for', "'s", '’s', "'", '’', '-', '.', '&']);
const VERB_GROUP = new Set(['ADV', 'AUX']);
const NOT = new Set(['not', "n't", 'never']);
const RELATIVE = new Set(['who', 'which', 'that']);
/** Words that open a relative clause between commas: ", who…,", ", whose party…,". */
const RELATIVE_OPENERS = new Set(['who', 'which', 'whose', 'whom', 'where']);
const MAX_NP = 14;
export const POSSESSIVE = new Set(['my', 'his', 'her', 'its', 'our', 'their', 'your']);

function isNpToken(ctx: QuoteContext, t: number): boolean {
  const token = ctx.tokens[t];
  if (!token || token.normal === 'that') return false;
  return NP_POS.has(token.pos) || NP_INNER.has(token.normal) || POSSESSIVE.has(token.normal);
}

/** Pronouns kept as speakers or sources for now: the quotes or events around them may name them. */
const PERSONAL_PRONOUN = /^(?:he|she|it|they|we|i)$/;
export const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

function fromMention(m: ActorMention): Speaker {
  return { actor: m.actor, text: m.text, start: m.start, end: m.end };
}

/**
 * The speaker phrase [a, b): its head is the last token. A mention covering the head speaks,
 * unless it is the complement of another noun ("the finance minister of Slovakia", "a spokesman
 * for the ministry"): then the phrase is a description, kept as words with no actor. So is a
 * phrase with no mention whose head is a name or a speaker noun ("a senior official"); any
 * other phrase ("Carter's visit", "Saturday") names no speaker.
 */
export function speakerFromPhrase(ctx: QuoteContext, a: number, b: number): Speaker | null {
  if (b <= a) return null;
  const head = ctx.tokens[b - 1];
  const first = ctx.tokens[a];
  if (!head || !first) return null;
  const headMention = ctx.mentionAt(b - 1);
  if (headMention) {
    if (headMention.type === 'person' || !complementBefore(ctx, a, headMention.start)) {
      return fromMention(headMention);
    }
    // "Spokeswoman Janelle Hironimus of the US Department of State": the person named before
    // the body they speak for.
    const person = ctx
      .mentionsIn(a, ctx.tokenAt(headMention.start))
      .filter((m) => m.type === 'person')
      .pop();
    if (person && /^\s+(?:of|for)\s+(?:the\s+)?$/.test(ctx.text(person.end, headMention.start))) {
      return fromMention(person);
    }
  } else if (head.pos === 'PROPN') {
    if (WEEKDAY.test(head.normal) || ctx.lexicon.months.has(head.normal)) return null;
  } else if (head.pos === 'PRON') {
    // An unresolved "he"/"she": kept, so that the quotes around it can name the person.
    if (a !== b - 1 || !PERSONAL_PRONOUN.test(head.normal)) return null;
  } else if (!ctx.namesRole(head, ctx.text(first.start, head.end))) {
    return null; // a phrase that names nobody
  } else if (
    head.pos !== 'NOUN' &&
    head.pos !== 'PROPN' &&
    !ctx.lexicon.titleWords.has(head.normal)
  ) {
    return null;
  }
  // A description. A capitalised one is a name ("the Committee for …"): without "the".
  const second = ctx.tokens[a + 1];
  const from =
    first.normal === 'the' && second && /^\p{Lu}/u.test(ctx.text(second.start, second.end))
      ? second
      : first;
  return { actor: null, text: ctx.text(from.start, head.end), start: from.start, end: head.end };
}

/** A head that can name a speaker: a speaker noun (or its lemma) or a title. */
function isSpeakerNoun(ctx: QuoteContext, head: Token): boolean {
  const { speakerNouns } = ctx.rules;
  return (
    speakerNouns.has(head.normal) ||
    ctx.lexicon.titleWords.has(head.normal) ||
    (head.normal.endsWith('s') && speakerNouns.has(head.lemma.toLowerCase()))
  );
}

/** Whether a noun and of/for (or 's) stand before offset `end`: the mention is a complement. */
function complementBefore(ctx: QuoteContext, a: number, end: number): boolean {
  let sawNoun = false;
  for (let t = a; t < ctx.tokens.length && (ctx.tokens[t]?.end ?? Infinity) <= end; t++) {
    const token = ctx.tokens[t];
    if (!token) break;
    if (token.pos === 'NOUN' || token.pos === 'PROPN') sawNoun = true;
    else if (sawNoun && (token.normal === 'of' || token.normal === 'for')) return true;
  }
  return false;
}

/** The noun phrase ending at token j, not before token `limit`. */
export function phraseEndingAt(
  ctx: QuoteContext,
  j: number,
  limit: number,
): [number, number] | null {
  const token = ctx.tokens[j];
  if (!token) return null;
  if (token.pos === 'PRON') return [j, j + 1];
  // ("the Red Cross": the tagger's verb inside a name.)
  if (!NP_POS.has(token.pos) && !ctx.mentionAt(j)) return null;
  let a = j;
  while (a - 1 >= limit && j - a < MAX_NP) {
    const k = a - 1;
    // "The Asia-Pacific Economic Cooperation (APEC) forum": over a parenthesised abbreviation.
    if (ctx.word(k) === ')') {
      let open = k;
      while (open > limit && k - open < 6 && ctx.word(open) !== '(') open--;
      if (ctx.word(open) !== '(' || !isNpToken(ctx, open - 1)) break;
      a = open;
      continue;
    }
    // "precision guided missiles": a participle between nouns is an adjective.
    const adjectival =
      ctx.tokens[k]?.pos === 'VERB' && /ed$/.test(ctx.word(k)) && isNpToken(ctx, k - 1);
    if (!(isNpToken(ctx, k) || adjectival) || phraseBreak(ctx, k)) break;
    a = k;
    // A possessive opens its phrase: "on Tuesday their forces" is "their forces".
    if (POSSESSIVE.has(ctx.word(k))) break;
  }
  // A phrase does not start with "of", "for" or a possessive.
  while (a < j && NP_INNER.has(ctx.word(a))) a++;
  return [a, j + 1];
}

/**
 * A lower-case noun right before a capitalised word ends one phrase and starts another ("At the
 * same time Georgian internal affairs ministry reported"); titles are the exception ("foreign
 * minister Sergei Lavrov").
 */
function phraseBreak(ctx: QuoteContext, t: number): boolean {
  const token = ctx.tokens[t];
  const next = ctx.tokens[t + 1];
  if (!token || !next || token.pos !== 'NOUN') return false;
  if (ctx.lexicon.titleWords.has(token.normal) || ctx.rules.speakerNouns.has(token.normal)) {
    return false;
  }
  const lower = /^\p{Ll}/u.test(ctx.text(token.start, token.start + 1));
  const upper = /^\p{Lu}/u.test(ctx.text(next.start, next.start + 1));
  return lower && upper;
}

/** Skips adverbs, auxiliaries and negation leftwards from token j ("has also not said"). */
/** "have both stated": a quantifier floating between the auxiliary and the participle. */
export function floating(ctx: QuoteContext, k: number): boolean {
  return /^(?:both|all|each)$/.test(ctx.word(k)) && ctx.tokens[k - 1]?.pos === 'AUX';
}

export function skipVerbGroup(ctx: QuoteContext, j: number, limit: number): number {
  let k = j;
  while (k >= limit) {
    const token = ctx.tokens[k];
    if (!token) break;
    // "the Red Cross were denied": the tagger's verb inside a name is the name.
    if (token.pos === 'VERB' && k < j && ctx.mentionAt(k)) break;
    if (VERB_GROUP.has(token.pos) || NOT.has(token.normal) || TIME_WORDS.test(token.normal)) {
      k--;
      continue;
    }
    // "Australia and Canada have both stated": a quantifier floating after the auxiliary.
    if (floating(ctx, k)) {
      k--;
      continue;
    }
    // A time phrase between the subject and its verb: "Serbia on Thursday rejected",
    // "Kohl last week said", "the PRC on 12 May demanded".
    const time = timePhraseStart(ctx, k, limit);
    if (time >= 0) {
      k = time - 1;
      continue;
    }
    // "Israel Friday reimposed": a bare weekday.
    if (!WEEKDAY.test(token.normal)) break;
    k--;
  }
  return k;
}

const TIME_WORDS =
  /^(?:today|yesterday|tonight|tomorrow|now|earlier|later|recently|again|also|meanwhile)$/;
const DATE_WORDS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|evening|night|afternoon|week|weekend|month|year|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|\d{1,4}(?:st|nd|rd|th)?)$/;
const TIME_LEAD = /^(?:on|in|last|this|next|early|late|since|during|at)$/;

/** Where a time phrase ending at token k starts ("on Thursday", "last week", "on 12 May"), or -1. */
function timePhraseStart(ctx: QuoteContext, k: number, limit: number): number {
  if (!DATE_WORDS.test(ctx.word(k))) return -1;
  let a = k;
  while (a - 1 >= limit && a > k - 4 && DATE_WORDS.test(ctx.word(a - 1))) a--;
  if (a - 1 >= limit && TIME_LEAD.test(ctx.word(a - 1))) return a - 1;
  return -1;
}

/**
 * Words after "is" that pass its subject on to a "to"-verb: "is expected to meet", "was sent to
 * meet", "were forced to withdraw".
 */
const RAISING =
  /^(?:expected|scheduled|set|slated|due|likely|unlikely|certain|said|reported|believed|thought|supposed|understood|alleged|rumou?red|poised|about|going|sent|invited|asked|urged|forced|allowed|permitted|told|ordered|authori[sz]ed|encouraged|required|obliged|tasked|appointed|elected|chosen)$/;

/** Whether token k is part of a date before a verb's complement: "on", a weekday, a month, "9th". */
export function inDate(ctx: QuoteContext, k: number): boolean {
  const word = ctx.word(k);
  return (
    word === 'on' ||
    WEEKDAY.test(word) ||
    ctx.lexicon.months.has(word) ||
    /^\d+(?:st|nd|rd|th)?$/.test(word)
  );
}

/** Texts and decisions, which say or rule what a participle after them says. */
const WRITTEN =
  /^(?:decision|decisions|ruling|rulings|verdict|judgment|judgement|law|laws|legislation|bill|bills|act|resolution|resolutions|decree|decrees|order|orders|directive|regulation|regulations|amendment|amendments|measure|measures|policy|policies|memo|memos|report|reports|statement|statements|letter|letters|document|documents|comments|remarks|article|articles|clause|provision|provisions|motion|treaty|agreement|accord|constitution)$/;

/** Texts that speak for an issuer named with them ("the Council's statement calling for"). */
const ISSUED_TEXT =
  /^(?:statement|statements|memo|memos|letter|letters|report|reports|comments|remarks|resolution|resolutions|declaration)$/;

/**
 * Verbs whose subject is the author of the text they take: "issued a statement saying",
 * "voted to bring in legislation banning smoking" — the author says or does what it says.
 */
const AUTHORING = new Set([
  'issue',
  'release',
  'sign',
  'pass',
  'adopt',
  'approve',
  'enact',
  'introduce',
  'draft',
  'write',
  'publish',
  'circulate',
  'send',
  'submit',
  'propose',
  'table',
  'present',
  'unveil',
  'announce',
  'deliver',
  'bring',
  'put',
  'file',
  'prepare',
  'make',
  'give',
  'read',
  'distribute',
  'post',
]);

/**
 * Whether participle c follows a text or a decision that its clause's subject did not author:
 * "ruled that a 1998 decision banning… is unconstitutional", "to relax laws prohibiting…"
 * (not "issued a statement saying", "signed a law banning").
 */
export function afterWritten(ctx: QuoteContext, c: number): boolean {
  const noun = c - 1;
  if (!/ing$/.test(ctx.word(c)) || !WRITTEN.test(ctx.word(noun))) return false;
  if (ctx.tokens[noun]?.pos !== 'NOUN') return false;
  // "A draft U.N. Security Council statement calling for…": a statement speaks for the
  // issuer named with it.
  const issued = ISSUED_TEXT.test(ctx.word(noun));
  let issuer = false;
  for (let k = noun - 1; k >= 0 && noun - k <= 6; k--) {
    const token = ctx.tokens[k];
    if (!token) break;
    if (token.pos === 'VERB') return !AUTHORING.has(token.lemma) && !issuer;
    // "to bring in legislation": a particle after its verb.
    const particle =
      (token.pos === 'ADP' || token.pos === 'PART') && ctx.tokens[k - 1]?.pos === 'VERB';
    // ("Barzani said in a statement condemning the PKK": the speaker's own statement.)
    if (token.normal === 'in' && issued) return false;
    if (!particle && !/^(?:DET|ADJ|NUM|NOUN|PROPN|PART)$/.test(token.pos)) break;
    if (issued && ctx.mentionAt(k)) issuer = true;
  }
  return !issuer;
}

/**
 * Nouns of a resolve or an attempt whose owner does what the "to"-verb after them says:
 * "Sweden's decision to ban", "its attempt to block", "Iran's move to expel" (events.ts reads
 * most of them as planned, a failure as not done). Not "refusal": its rule codes the refusal,
 * the act refused did not happen.
 */
const RESOLVE_NOUN =
  /^(?:decision|decisions|plan|plans|move|moves|bid|bids|attempt|attempts|effort|efforts|intention|intentions|determination|readiness|willingness|resolve|pledge|pledges|promise|promises|threat|threats|vow|failure|offer|offers|proposal|proposals|push|drive|campaign)$/;

/**
 * The owner of the noun ending at token n: "Sweden's", "the EU's" (a mention before "'s") or a
 * possessive pronoun that coreference resolved ("its", "their").
 */
function ownerOfNoun(ctx: QuoteContext, n: number, limit: number): Speaker | null {
  let k = n - 1;
  while (k > limit && ctx.tokens[k]?.pos === 'ADJ') k--;
  if (/^['’]s?$/.test(ctx.word(k)) && k - 1 >= limit) {
    const owner = ctx.mentionAt(k - 1);
    return owner ? fromMention(owner) : null;
  }
  if (POSSESSIVE.has(ctx.word(k))) {
    const owner = ctx.mentionAt(k);
    return owner?.actor ? fromMention(owner) : null;
  }
  return null;
}

/** The speaker who is the subject of cue token c: the phrase before it in its sentence. */
export function speakerBefore(ctx: QuoteContext, c: number, limit: number): Speaker | null {
  let j = c - 1;
  const cue = ctx.tokens[c];
  // "was quoted as saying"
  const quotedAs = ctx.word(j) === 'as' && ctx.word(j - 1) === 'quoted';
  if (quotedAs) j -= 2;
  // "The article quotes an American official as saying that …": the one quoted speaks.
  if (!quotedAs && ctx.word(j) === 'as') {
    const phrase = phraseEndingAt(ctx, j - 1, limit);
    // wink-nlp may tag "quotes" as a noun, inside the phrase.
    for (let k = phrase ? phrase[0] - 1 : j; phrase && k < j - 1; k++) {
      if (/^quot/.test(ctx.tokens[k]?.lemma ?? '')) return speakerFromPhrase(ctx, k + 1, phrase[1]);
    }
  }
  // A participle ("…, saying"), not a progressive ("is suing"): its subject is the clause's.
  const progressive = /^(?:is|are|was|were|be|been)$/.test(ctx.word(c - 1));
  if (!quotedAs && cue && /ing$/.test(cue.normal) && !progressive) {
    return participleSubject(ctx, c, limit);
  }
  // "It is also reported that …", "was told": a passive names no speaker here.
  if (!quotedAs && isPassive(ctx, c, limit)) return null;
  // "India which has had close ties with Iran has supported…": a relative clause with no
  // commas between the subject and its verb.
  const relative = relativeBefore(ctx, c, limit);
  if (relative) return relative;
  j = skipVerbGroup(ctx, j, limit);
  if (j < limit) return null;
  const word = ctx.word(j);
  if (word === 'to') {
    // "Duncan Smith went on to say, …", "continued to insist that …": the main verb's subject;
    // "it is important to clarify that …" names no one.
    let verb = ctx.tokens[j - 1]?.pos === 'ADP' ? j - 2 : j - 1;
    // "decided on Friday to send troops": the verb before the date.
    for (let d = j - 1; d > limit && j - d <= 5; d--) {
      if (!inDate(ctx, d)) {
        if (d < j - 1 && ctx.tokens[d]?.pos === 'VERB') verb = d;
        break;
      }
    }
    // "Putin has yet to meet": the auxiliary's subject.
    if (ctx.word(j - 1) === 'yet' && ctx.tokens[j - 2]?.pos === 'AUX') {
      return speakerBefore(ctx, j - 2, limit);
    }
    // "Putin is (also) expected to meet", "is due to visit", "is said to have told": the
    // subject of "is" does what follows.
    if (RAISING.test(ctx.word(verb))) {
      let aux = verb - 1;
      while (aux > limit && ctx.tokens[aux]?.pos === 'ADV') aux--;
      if (ctx.tokens[aux]?.pos === 'AUX') return speakerBefore(ctx, aux, limit);
    }
    // "Sweden's decision to ban", "its attempt to block": the owner of the resolve.
    if (ctx.tokens[j - 1]?.pos === 'NOUN' && RESOLVE_NOUN.test(ctx.word(j - 1))) {
      return ownerOfNoun(ctx, j - 1, limit);
    }
    return ctx.tokens[verb]?.pos === 'VERB' ? speakerBefore(ctx, verb, limit) : null;
  }
  if (word === 'and' || word === 'but') {
    // "…reported that Russian forces entered the town, and captured a plant": a verb that is
    // not a speech cue goes on the clause after "that"; "He accused the AU of taking sides,
    // and stated that …": a cue goes on the sentence's subject.
    if (!ctx.rules.byLemma.has(ctx.tokens[c]?.lemma ?? '')) {
      for (let k = j - 1; k > limit; k--) {
        if (ctx.word(k) !== 'that') continue;
        const embedded = clauseSubject(ctx, k + 1, j);
        if (embedded) return embedded;
        break;
      }
    }
    return sentenceSubject(ctx, c, limit);
  }
  if (RELATIVE.has(word)) {
    const m = ctx.mentionAt(ctx.word(j - 1) === ',' ? j - 2 : j - 1);
    return m ? fromMention(m) : null;
  }
  if (word === ',') return speakerOfApposition(ctx, j, limit);
  if (word === ')') {
    let k = j;
    while (k > limit && ctx.word(k) !== '(') k--;
    j = k - 1;
  }
  // "Iran and the EU's big three — Britain, Germany, and France — have been negotiating": an
  // apposition between dashes, as between brackets.
  if (isDash(ctx, j)) {
    let k = j - 1;
    while (k > limit && j - k <= 15 && !isDash(ctx, k)) k--;
    if (isDash(ctx, k)) j = k - 1;
  }
  let phrase = phraseEndingAt(ctx, j, limit);
  if (!phrase) return null;
  // A reduced relative between the subject and its verb: "Russian aircraft including helicopter
  // gunships killed…", "hackers angered by the cartoons defaced…": the phrase before it.
  const head = reducedRelativeHead(ctx, phrase[0], limit);
  if (head >= 0) phrase = phraseEndingAt(ctx, head, limit) ?? phrase;
  const speaker = speakerFromPhrase(ctx, phrase[0], phrase[1]);
  // "Ján Počiatek, the finance minister of Slovakia said": the named person.
  if (speaker?.actor === null && ctx.word(phrase[0] - 1) === ',') {
    return namedBefore(ctx, phrase[0] - 1, limit) ?? speaker;
  }
  return speaker;
}

/** A dash between words: an em or en dash, or a hyphen with spaces around it. */
function isDash(ctx: QuoteContext, k: number): boolean {
  const token = ctx.tokens[k];
  if (!token) return false;
  const word = ctx.text(token.start, token.end);
  if (word === '—' || word === '–') return true;
  return (
    word === '-' &&
    /\s/.test(ctx.doc.text[token.start - 1] ?? '') &&
    /\s/.test(ctx.doc.text[token.end] ?? '')
  );
}

/**
 * Where the noun before a reduced relative ends ("aircraft" in "Russian aircraft including
 * gunships"; "hackers" in "hackers angered by the cartoons"), or -1.
 */
function reducedRelativeHead(ctx: QuoteContext, a: number, limit: number): number {
  let k = a - 1;
  // "hackers angered by the cartoons", "the Red Cross operating in Iraq".
  if (ctx.tokens[k]?.pos === 'ADP') k--;
  const participle = ctx.tokens[k];
  if (!participle || participle.pos !== 'VERB' || !/(?:ing|ed)$/.test(participle.normal)) return -1;
  const noun = ctx.tokens[k - 1];
  if (k - 1 < limit || !noun || (noun.pos !== 'NOUN' && noun.pos !== 'PROPN')) return -1;
  return k - 1;
}

/** A person named just before the comma at token `comma`: a mention, else capitalised words. */
function namedBefore(ctx: QuoteContext, comma: number, limit: number): Speaker | null {
  const named = ctx.mentionAt(comma - 1);
  if (named) return named.type === 'person' ? fromMention(named) : null;
  let a = comma;
  while (a - 1 >= limit && ctx.tokens[a - 1]?.pos === 'PROPN') a--;
  const first = ctx.tokens[a];
  const last = ctx.tokens[comma - 1];
  if (a === comma || !first || !last || comma - a > 4) return null;
  // "On Friday, the President of Cyprus said": a day or a month is no one.
  if (WEEKDAY.test(last.normal) || ctx.lexicon.months.has(last.normal)) return null;
  if (/^(?:on|in|by|since|until|last|this|next)$/.test(ctx.word(a - 1))) return null;
  return { actor: null, text: ctx.text(first.start, last.end), start: first.start, end: last.end };
}

/** Forms of "be" a passive is made with. */
export const PASSIVE_AUX: ReadonlySet<string> = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
]);

function isPassive(ctx: QuoteContext, c: number, limit: number): boolean {
  let k = c - 1;
  while (k >= limit && ctx.tokens[k]?.pos === 'ADV') k--;
  return PASSIVE_AUX.has(ctx.word(k)) && !/ing$/.test(ctx.word(c));
}

/**
 * "Jorge Quiroga conceded defeat saying, …", "Smith resigned on Monday, saying that …": the
 * subject of the nearest finite verb before the participle, in its sentence.
 */
function participleSubject(ctx: QuoteContext, c: number, limit: number): Speaker | null {
  // "a 1998 decision banning same-sex marriage", "a memo detailing the plan": a participle
  // right after a text or a decision says what the text does; no one speaks or acts.
  if (afterWritten(ctx, c)) return null;
  // "…, Syria saying that …": an actor right before the participle, after a comma, is its
  // subject ("opened fire on people crossing to Nepal killing…" is not Nepal's).
  const right = ctx.mentionAt(c - 1);
  if (right && ctx.word(c - 1) !== ',') {
    const at = firstTokenAt(ctx.tokens, right.start);
    let finite = false;
    for (let k = limit; k < at; k++) {
      const token = ctx.tokens[k];
      if (token?.pos === 'VERB' && !/ing$/.test(token.normal)) finite = true;
    }
    if (ctx.word(at - 1) === ',' || !finite) return fromMention(right);
  }
  for (let k = c - 1; k >= limit && c - k <= 20; k--) {
    const token = ctx.tokens[k];
    if (!token) break;
    const finite = token.pos === 'VERB' || (token.pos === 'AUX' && ctx.word(k + 1) !== 'to');
    if (!finite || /ing$/.test(token.normal)) continue;
    if (ctx.word(k - 1) === 'to') continue; // "refused to put …, stating": the finite verb
    return speakerBefore(ctx, k, limit);
  }
  // No verb before it: "The spokesman for the Council saying "…"".
  const phrase = phraseEndingAt(ctx, c - 1, limit);
  return phrase && phrase[0] === limit ? speakerFromPhrase(ctx, phrase[0], phrase[1]) : null;
}

/** The subject of a sentence: the phrase before its first verb. */
function sentenceSubject(ctx: QuoteContext, c: number, limit: number): Speaker | null {
  return clauseSubject(ctx, limit, c);
}

/** The subject of the clause in tokens [from, to): the phrase before its first verb. */
export function clauseSubject(ctx: QuoteContext, from: number, to: number): Speaker | null {
  for (let t = from; t < to; t++) {
    const pos = ctx.tokens[t]?.pos;
    // "The so-called president": a participle inside a hyphenated word is no verb.
    const hyphen = ctx.tokens[t - 1];
    if (hyphen?.normal === '-' && hyphen.end === ctx.tokens[t]?.start) continue;
    if (pos === 'VERB' || pos === 'AUX') return speakerBefore(ctx, t, from);
  }
  return null;
}

/**
 * The actor a comma-less relative clause right before verb c describes: "India which has had
 * close ties with Iran [has supported]" → India. Null when there is none.
 */
function relativeBefore(ctx: QuoteContext, c: number, limit: number): Speaker | null {
  let verb = false;
  // (The relative clause's own verb stands before the verb group of c, which must have an
  // auxiliary: "…activists kidnapped in Iraq" is a participle, not the clause's verb.)
  const group = skipVerbGroup(ctx, c - 1, limit);
  if (group === c - 1) return null;
  for (let k = group; k > limit && c - k <= MAX_NP + 6; k--) {
    const word = ctx.word(k);
    if (word === ',' || word === ';' || word === '"' || word === 'that') return null;
    if (ctx.tokens[k]?.pos === 'VERB' || ctx.tokens[k]?.pos === 'AUX') verb = true;
    if (word !== 'who' && word !== 'which') continue;
    if (!verb) return null;
    const m = ctx.mentionAt(k - 1);
    return m ? fromMention(m) : null;
  }
  return null;
}

/**
 * "Rutte, NATO's chief, said" → Rutte; "A spokesman for the ministry, Kim Ho-Nyoun, says" →
 * Kim Ho-Nyoun; "The host, John Kufuor of Ghana, Chairman of the Union, said" → Kufuor: the
 * nearest comma-separated phrase that names a person speaks, else the first phrase.
 */
function speakerOfApposition(ctx: QuoteContext, comma: number, limit: number): Speaker | null {
  let end = comma;
  let first: Speaker | null = null;
  for (let segments = 0; segments < 4 && end > limit; segments++) {
    let open = end - 1;
    while (open >= limit && end - open <= MAX_NP + 4 && ctx.word(open) !== ',') open--;
    if (end - open > MAX_NP + 4) return first;
    const a = Math.max(open + 1, limit);
    // "Putin, who refuses to meet Zelensky, criticised…": a relative clause describes the
    // subject before it; the one it names is not the subject.
    if (open >= limit && RELATIVE_OPENERS.has(ctx.word(open + 1))) {
      end = open;
      continue;
    }
    const person = ctx
      .mentionsIn(a, end)
      .filter((m) => m.type === 'person')
      .pop();
    if (person) return fromMention(person);
    const phrase = phraseEndingAt(ctx, end - 1, a);
    if (phrase && phrase[0] === a) first = speakerFromPhrase(ctx, phrase[0], phrase[1]) ?? first;
    if (open < limit) break;
    end = open;
  }
  return first;
}

/** The end of the speaker phrase after cue token c ("said the EU's High Representative … X"). */
export function phraseAfterCue(ctx: QuoteContext, c: number, limit: number): number {
  let b = c + 1;
  while (b < limit && b - c <= MAX_NP) {
    const token = ctx.tokens[b];
    if (!token) break;
    const inner = isNpToken(ctx, b) || (token.normal === 'and' && isNpToken(ctx, b + 1));
    if (!inner && !(token.pos === 'PRON' && b === c + 1)) break;
    b++;
  }
  while (b > c + 1 && NP_INNER.has(ctx.word(b - 1))) b--;
  return b;
}

/** The speaker after cue token c ("said Kallas", "said a senior official"), up to `limit`. */
export function speakerAfter(ctx: QuoteContext, c: number, limit: number): Speaker | null {
  return speakerFromPhrase(ctx, c + 1, phraseAfterCue(ctx, c, limit));
}

/** The end (exclusive) of the noun phrase starting at token t, or t when there is none. */
export function phraseFrom(ctx: QuoteContext, t: number, limit: number): number {
  const token = ctx.tokens[t];
  if (!token) return t;
  let b = t;
  // "her party", "their leaders": a possessive opens a phrase; another pronoun is one.
  if (token.pos === 'PRON') {
    if (!POSSESSIVE.has(token.normal)) return t + 1;
    b = t + 1;
  }
  while (b < limit && b - t <= MAX_NP && isNpToken(ctx, b)) b++;
  while (b > t && NP_INNER.has(ctx.word(b - 1))) b--;
  return b;
}

const TITLED = /^(?:the\s+)?(?:former\s+|then\s+|outgoing\s+)?([\p{L} -]+)$/iu;

/**
 * A description that names someone known from elsewhere in the article:
 * - a bare title — "the President", "The former president", "the Secretary general" — is the
 *   person last named with that title before it, by their role on the date or by the title
 *   written before their name;
 * - a lone surname ("Khan", "Ho-Nyoun") is the person whose name ends with it.
 */
export function resolveDescription(ctx: QuoteContext, speaker: Speaker): Speaker {
  if (speaker.actor !== null) return speaker;
  const actor = bySurname(ctx, speaker.text) ?? byTitle(ctx, speaker);
  return actor ? { ...speaker, actor } : speaker;
}

function bySurname(ctx: QuoteContext, text: string): string | undefined {
  if (!/^\p{Lu}[\p{L}'’-]+$/u.test(text)) return undefined;
  return surnames(ctx.actors).get(text.toLowerCase());
}

const SURNAMES = new WeakMap<ReadonlyMap<string, ActorResult>, Map<string, string>>();

/**
 * Surname → the first person (in the actors' order) named by it: the last word of a mention of
 * two words or more, or a word after the first of the name. Read once per actor list, not for
 * every description asked about.
 */
function surnames(actors: ReadonlyMap<string, ActorResult>): Map<string, string> {
  let byWord = SURNAMES.get(actors);
  if (byWord) return byWord;
  byWord = new Map();
  for (const actor of actors.values()) {
    if (actor.type !== 'person') continue;
    const words: string[] = [];
    for (const m of actor.mentions) {
      const parts = m.text.toLowerCase().split(/\s+/);
      if (parts.length > 1) words.push(parts[parts.length - 1] ?? '');
    }
    words.push(...actor.name.toLowerCase().split(/\s+/).slice(1));
    for (const word of words) if (!byWord.has(word)) byWord.set(word, actor.id);
  }
  SURNAMES.set(actors, byWord);
  return byWord;
}

/** Whether the actor holds the title: by their role on the date, or as written before the mention. */
function holdsTitle(
  ctx: QuoteContext,
  actor: ActorResult,
  m: { start: number },
  title: RegExp,
): boolean {
  return (
    title.test(actor.role ?? '') ||
    title.test(ctx.doc.text.slice(Math.max(0, m.start - 40), m.start))
  );
}

/**
 * "the President of Cyprus", "PM of Ukraine": the person of that country the article names
 * (anywhere) whose role on the date, or whose title in the text, has those title words.
 */
function byTitleOf(ctx: QuoteContext, speaker: Speaker): string | undefined {
  const match = /^(?:the\s+)?(?:former\s+)?([\p{L} -]+?)\s+of\s+(?:the\s+)?[\p{L} .-]+$/iu.exec(
    speaker.text,
  );
  const words = (match?.[1] ?? '').toLowerCase().split(/[\s-]+/);
  if (!match || !words.every((w) => ctx.lexicon.titleWords.has(w))) return undefined;
  const country = ctx
    .mentionsIn(ctx.tokenAt(speaker.start), ctx.tokenAt(speaker.end))
    .find((m) => m.type === 'country');
  const code = country ? ctx.actors.get(country.actor)?.code : undefined;
  if (!code) return undefined;
  const head = words[words.length - 1] ?? '';
  const title = new RegExp(`\\b${head === 'pm' ? 'prime minister' : head}\\b`, 'i');
  let best: { actor: string; distance: number } | undefined;
  for (const actor of ctx.actors.values()) {
    if (actor.type !== 'person' || !actor.code?.startsWith(code)) continue;
    for (const m of actor.mentions) {
      if (!holdsTitle(ctx, actor, m, title)) continue;
      const distance = Math.abs(m.start - speaker.start);
      if (!best || distance < best.distance) best = { actor: actor.id, distance };
    }
  }
  return best?.actor;
}

function byTitle(ctx: QuoteContext, speaker: Speaker): string | undefined {
  const ofCountry = byTitleOf(ctx, speaker);
  if (ofCountry) return ofCountry;
  const match = TITLED.exec(speaker.text);
  const words = (match?.[1] ?? '').toLowerCase().split(/[\s-]+/);
  const head = words[words.length - 1] ?? '';
  if (!match || !words.every((w) => ctx.lexicon.titleWords.has(w))) return undefined;
  const title = new RegExp(`\\b${head}\\b`, 'i');
  let best: { actor: string; at: number } | undefined;
  for (const actor of ctx.actors.values()) {
    if (actor.type !== 'person') continue;
    for (const m of actor.mentions) {
      if (m.start >= speaker.start) break;
      if (!holdsTitle(ctx, actor, m, title)) continue;
      if (!best || m.start > best.at) best = { actor: actor.id, at: m.start };
    }
  }
  return best?.actor;
}
