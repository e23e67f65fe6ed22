/**
 * The `mentions` stage: finds every place an actor may be named, without deciding yet which
 * actor it is. Small recognisers, in this order, each skipping text an earlier one took:
 *
 * 1. `matchAliases` — one walk of the KB alias trie over each sentence's normalised words,
 *    longest match first; abbreviations match only in capitals, and some capital letter must
 *    be in the span.
 * 2. `dropFalseAliases` — a month is not Theresa May; a word that is part of a longer
 *    unknown name ("Michael Jordan") is not the country.
 * 3. `findTitle` — the title before a name ("Russian President", "NATO Secretary General"):
 *    kept apart from the name, to corroborate the link.
 * 4. `findAgents` — a demonym or country with a role noun ("Russian troops", "Georgia's
 *    parliament") or a role noun with a place ("protesters in Minsk").
 * 5. `findRoleDescriptions` — "the Russian president", "the head of the Kremlin".
 * 6. `findUnknownNames` — proper-noun runs nothing else took, with the cues around them.
 */
import type { Document } from '../../core/document.js';
import type { AliasEntry, KnowledgeBase, TrieNode } from '../../kb/kb.js';
import { wordTokens, type WordToken } from '../../kb/normalize.js';
import type { Stage } from '../../pipeline/pipeline.js';
import { isProcessable } from '../language/language.js';
import type { ActorLexicon } from './lexicon.js';
import type { MentionCandidate, TitleSpan } from './types.js';

interface SentenceWords {
  index: number;
  words: WordToken[];
  /** Words already taken by a candidate. */
  taken: boolean[];
}

function acceptable(
  entries: AliasEntry[],
  words: WordToken[],
  from: number,
  to: number,
): AliasEntry[] {
  let capital = false;
  let allCaps = true;
  for (let k = from; k < to; k++) {
    const w = words[k];
    if (!w) continue;
    capital ||= w.capital;
    allCaps &&= w.allCaps;
  }
  // Without a capital letter only a lower-case alias of several words matches
  // ("coalition of the willing"): one lower-case word is a common noun.
  if (!capital) {
    return to - from > 1
      ? entries.filter((e) => e.kind === 'alias' && e.alias === e.alias.toLowerCase())
      : [];
  }
  return entries.filter((e) => e.kind !== 'demonym' && (!e.caseSensitive || allCaps));
}

/** Longest alias match starting at word `i`, or undefined. */
function longestMatch(
  trie: TrieNode,
  words: WordToken[],
  i: number,
): { end: number; entries: AliasEntry[] } | undefined {
  let node: TrieNode | undefined = trie;
  let best: { end: number; entries: AliasEntry[] } | undefined;
  for (let k = i; k < words.length; k++) {
    const w = words[k];
    if (!w) break;
    node = node.next.get(w.norm);
    if (!node) break;
    if (node.entries.length) {
      const entries = acceptable(node.entries, words, i, k + 1);
      if (entries.length) best = { end: k + 1, entries };
    }
  }
  return best;
}

/**
 * A candidate with every field, set or undefined, in one order: candidates of every kind share
 * one object shape, so the code that reads them (here, link, coref, events) stays monomorphic
 * (with fields added only for some kinds, V8 saw eight shapes and reoptimised `recognize`
 * again and again).
 */
function newCandidate(
  kind: MentionCandidate['kind'],
  where: { start: number; end: number; text: string },
  sentence: number,
  entries: AliasEntry[],
): MentionCandidate {
  return {
    start: where.start,
    end: where.end,
    text: where.text,
    kind,
    sentence,
    subject: false,
    entries,
    title: undefined,
    sector: undefined,
    country: undefined,
    roleNoun: undefined,
    place: undefined,
    cues: undefined,
  };
}

/**
 * A mention that stands for part of a country: an agent ("Russian troops" → the sector MIL) or a
 * role description ("the Russian president", resolved to its holder).
 */
const agentCandidate = (
  where: { start: number; end: number; text: string },
  sentence: number,
  sector: string,
  country: string,
) => {
  const c = newCandidate('agent', where, sentence, []);
  c.country = country;
  c.sector = sector;
  return c;
};

const roleCandidate = (
  where: { start: number; end: number; text: string },
  sentence: number,
  roleNoun: string,
  country: string,
) => {
  const c = newCandidate('role', where, sentence, []);
  c.country = country;
  c.roleNoun = roleNoun;
  return c;
};

export interface RecognizerContext {
  kb: KnowledgeBase;
  lexicon: ActorLexicon;
}

/** Words that join a title's words without naming a role: "Minister *of the* Interior". */
const TITLE_FILLERS = new Set(['the', 'of', 'for', 'and', 's']);

/** KB actor types a title may name as the organisation a person belongs to. */
const ORG_TYPES = new Set(['igo', 'organization', 'party', 'armed_group', 'media']);

/** Lower-case words inside names: "Institute for the Study of War", "Osama bin Laden". */
const NAME_PARTICLES = new Set([
  'of',
  'for',
  'and',
  'al',
  'el',
  'bin',
  'ibn',
  'abu',
  'de',
  'del',
  'da',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'ul',
]);

/** Hyphens joining the pieces of one word. */
const HYPHENS = '-\u2010\u2011';

/**
 * Prefixes and particles hyphenated to a name: "Anti-Bush", "Pro-Kremlin", "Al-Sadr". (Not
 * "Indo-US": "Indo" left alone would be read as a name.)
 */
const HYPHEN_PREFIXES = new Set([
  ...NAME_PARTICLES,
  'anti',
  'pro',
  'non',
  'ex',
  'post',
  'pre',
  'neo',
  'pan',
  'mid',
]);

const WEEKDAYS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'yesterday',
  'tomorrow',
]);

/** Capitalised words that may follow an actor's name without making it a longer name. */
const NAME_CONTINUATION_OK = new Set([
  'summit',
  'conference',
  'meeting',
  'forum',
  'talks',
  'treaty',
  'charter',
  'declaration',
  'resolution',
  'agreement',
  'accord',
  'plan',
  'mission',
  'headquarters',
  'secretariat',
  'member',
  'members',
  'states',
  'countries',
  'leaders',
  'president',
  'minister',
  'secretary',
  'general',
  'chairman',
  'spokesman',
  'spokeswoman',
  'envoy',
  'ambassador',
]);

/** POS of words that may be part of a name, and of a one-word alias. */
const NAME_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'X']);
const ALIAS_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'X', 'NUM', 'SYM']);

const MONTH_CONTEXT = new Set([
  'in',
  'on',
  'since',
  'by',
  'until',
  'early',
  'late',
  'mid',
  'last',
  'next',
  'this',
  'of',
  'from',
  'through',
]);

function actorType(kb: KnowledgeBase, entry: AliasEntry): string | undefined {
  return kb.actors.get(entry.actor)?.type;
}

/*
 * What a normalised word can start, as bits (most words start nothing): one lookup per word
 * gives all three answers, where three sets cost up to three lookups of every word (hash
 * lookups were a third of this stage's own time).
 */
/** The first word of an alias written in lower case ("the Kremlin", "al-Qaeda"): a lower-case
 * word of the text can start an alias only if it is one of these. */
const STARTS_LOWER_ALIAS = 1;
/** The first word of a demonym ("Russian", "South Korean"). */
const STARTS_DEMONYM = 2;
/** The first word of an agent noun ("troops", "riot police"). */
const STARTS_AGENT = 4;
/** The first word of an agent noun of more words ("riot police"). */
const STARTS_AGENT_PHRASE = 8;
/** The first word of a demonym of more words ("South Korean"). */
const STARTS_DEMONYM_PHRASE = 16;

const startsCache = new WeakMap<KnowledgeBase, Map<string, number>>();

function kbStarts(kb: KnowledgeBase): Map<string, number> {
  let starts = startsCache.get(kb);
  if (!starts) {
    const classes = new Map<string, number>();
    const mark = (word: string, bit: number) => classes.set(word, (classes.get(word) ?? 0) | bit);
    // (The phrase bits spare building a two-word key for a word no such phrase starts with.)
    for (const k of kb.agents.keys()) {
      const words = k.split(' ');
      mark(words[0] ?? '', words.length > 1 ? STARTS_AGENT | STARTS_AGENT_PHRASE : STARTS_AGENT);
    }
    for (const k of kb.demonyms.keys()) {
      const words = k.split(' ');
      const bits = words.length > 1 ? STARTS_DEMONYM | STARTS_DEMONYM_PHRASE : STARTS_DEMONYM;
      mark(words[0] ?? '', bits);
    }
    const visit = (node: TrieNode, first: string | undefined) => {
      for (const entry of node.entries) {
        const c = entry.alias.trimStart()[0] ?? '';
        if (first && c === c.toLowerCase()) mark(first, STARTS_LOWER_ALIAS);
      }
      for (const [word, child] of node.next) visit(child, first ?? word);
    };
    visit(kb.trie, undefined);
    starts = classes;
    startsCache.set(kb, starts);
  }
  return starts;
}

/**
 * Whether `text[from, to)` is empty or one of the characters of `allowed`: what stands
 * between two words of one name. Read without slicing the gap out (this runs for most pairs
 * of neighbouring capitalised words).
 */
function gapIs(text: string, from: number, to: number, allowed: string): boolean {
  if (to - from <= 0) return true;
  return to - from === 1 && allowed.includes(text.charAt(from));
}

const AND: ReadonlySet<string> = new Set(['and']);
/** "the president of…", "the head of…": role words that name whom they lead after "of". */
const LEADS: ReadonlySet<string> = new Set(['leader', 'president', 'head', 'chief']);
const HEADS_OF: ReadonlySet<string> = new Set(['head', 'leader', 'chief']);

const roleStartsOf = new WeakMap<ReadonlyMap<string, string>, ReadonlySet<string>>();

/** The first words of role nouns ("prime" of "prime minister"). */
function roleStarts(nouns: ReadonlyMap<string, string>): ReadonlySet<string> {
  let starts = roleStartsOf.get(nouns);
  if (!starts) {
    starts = new Set([...nouns.keys()].map((n) => n.split(' ')[0] ?? ''));
    roleStartsOf.set(nouns, starts);
  }
  return starts;
}

/** Whether the candidates stand in order of their starts. */
function inOrder(found: readonly MentionCandidate[]): boolean {
  for (let k = 1; k < found.length; k++) {
    if ((found[k - 1]?.start ?? 0) > (found[k]?.start ?? 0)) return false;
  }
  return true;
}

/** The KB candidate found starting at offset `start`, if any. */
function kbAt(
  found: readonly MentionCandidate[],
  start: number | undefined,
): MentionCandidate | undefined {
  for (const c of found) if (c.start === start && c.kind === 'kb') return c;
  return undefined;
}

/**
 * Index of the first of `words[from, to)` whose normal form is in `set`, or -1: read in place
 * (slicing the words out for every candidate name cost more than the test).
 */
function firstWord(
  words: readonly WordToken[],
  from: number,
  to: number,
  set: ReadonlySet<string>,
): number {
  for (let k = from; k < to && k < words.length; k++) {
    if (set.has(words[k]?.norm ?? '')) return k;
  }
  return -1;
}

function anyWord(
  words: readonly WordToken[],
  from: number,
  to: number,
  set: ReadonlySet<string>,
): boolean {
  return firstWord(words, from, to, set) >= 0;
}

export function recognize(doc: Document, ctx: RecognizerContext): MentionCandidate[] {
  const { kb, lexicon } = ctx;
  const starts = kbStarts(kb);
  const tokens = doc.tokens ?? [];
  const out: MentionCandidate[] = [];
  const titleAt = titleSpan(doc);
  // The first sentence of the body, where a dateline may stand ("Gambia Ayoub John Njie, a
  // magistrate…": the place the story is filed from, then the name).
  const lead = (doc.sentences ?? []).findIndex((s) => !titleAt || s.start >= titleAt.end);
  (doc.sentences ?? []).forEach((sentence, index) => {
    const s: SentenceWords = {
      index,
      words: wordTokens(doc.text, sentence.start, sentence.end, {
        tokens,
        start: sentence.tokenStart,
        end: sentence.tokenEnd,
      }),
      taken: [],
    };
    const words = s.words;
    // The wink-nlp POS of each word (words and wink tokens mostly start alike), and what it
    // can start (STARTS_* bits).
    const posOf: string[] = new Array<string>(words.length);
    const startsOf = new Uint8Array(words.length);
    let tk = sentence.tokenStart;
    for (let k = 0; k < words.length; k++) {
      startsOf[k] = starts.get(words[k]?.norm ?? '') ?? 0;
      const start = words[k]?.start ?? 0;
      while (tk < sentence.tokenEnd && (tokens[tk]?.end ?? 0) <= start) tk++;
      const t = tokens[tk];
      posOf[k] = t && t.start <= start ? t.pos : '';
    }
    const found: MentionCandidate[] = [];
    const add = (c: MentionCandidate, from: number, to: number) => {
      for (let k = from; k < to; k++) s.taken[k] = true;
      found.push(c);
    };
    const span = (from: number, to: number) => {
      const a = words[from];
      const b = words[to - 1];
      return a && b
        ? { start: a.start, end: b.end, text: doc.text.slice(a.start, b.end) }
        : undefined;
    };
    // Two words of one name: nothing but a space or a hyphen between them.
    const joined = (a: number, b: number) => {
      const x = words[a];
      const y = words[b];
      if (!x || !y) return false;
      if (gapIs(doc.text, x.end, y.start, ' -')) return true;
      // "O'Brien", "D'Alema": a one-letter prefix and an apostrophe.
      const gap = doc.text.slice(x.end, y.start);
      return /^['’]$/.test(gap) && /^[ODL]$/.test(doc.text.slice(x.start, x.end));
    };
    const capitalAt = (k: number) =>
      Boolean(words[k]?.capital) && !lexicon.titleWords.has(words[k]?.norm ?? '');
    // Two words of one name stand next to each other with nothing but a space between.
    const adjacent = (a: number, b: number) => {
      const x = words[a];
      const y = words[b];
      return Boolean(x && y) && gapIs(doc.text, x?.end ?? 0, y?.start ?? 0, ' ');
    };

    // Whether a capitalised word may be part of a name by its POS (an unknown POS may).
    const nameLike = (k: number) => !posOf[k] || NAME_POS.has(posOf[k] ?? '');
    // In a title-case headline capitals say nothing: words make one name only when the body
    // writes them together too ("Federal Suit Filed Against Rumsfeld" names no "Federal Suit").
    const headline = titleCaseHeadline(doc, titleAt, sentence, words);
    const inBody = (from: number, to: number) =>
      elsewhere(doc.text, words[from]?.start ?? 0, words[to - 1]?.end ?? 0, sentence);

    // Whether word k, joined by a hyphen to word `to` with nothing else between, is a
    // capitalised word no actor's name starts (`after`: follows) or ends (before) with.
    const unknownPiece = (k: number, to: number, after: boolean) => {
      const w = words[k];
      const other = words[to];
      if (!w || !other || !w.capital || HYPHEN_PREFIXES.has(w.norm)) return false;
      const [a, b] = after ? [other, w] : [w, other];
      if (b.start !== a.end + 1 || !HYPHENS.includes(doc.text.charAt(a.end))) return false;
      if (kb.demonyms.has(w.norm)) return false;
      if (after) return !longestMatch(kb.trie, words, k);
      return !found.some((c) => c.kind === 'kb' && c.end === w.end);
    };

    // 1–2. Aliases from the KB.
    for (let i = 0; i < words.length; i++) {
      const start = words[i];
      if (!start || (!start.capital && !((startsOf[i] ?? 0) & STARTS_LOWER_ALIAS))) continue;
      const match = longestMatch(kb.trie, words, i);
      if (!match) continue;
      const { end, entries } = match;
      // A piece of a hyphenated word next to an unknown name is no alias: "Bramalea-Gore-Malton"
      // (an electoral district), "R-Kan." (a senator's party and state). Next to another actor
      // or a lower-case word it still is ("Russia-Ukraine talks", "US-led").
      if (unknownPiece(i - 1, i, false) || unknownPiece(end, end - 1, true)) continue;
      const single = end - i === 1;
      const w = words[i];
      if (single && w) {
        const prev = words[i - 1];
        const next = words[i + 1];
        if (
          lexicon.months.has(w.norm) &&
          ((next && /^\d/.test(next.norm)) || (prev && MONTH_CONTEXT.has(prev.norm)))
        ) {
          continue;
        }
        const pos = posOf[i];
        if (pos && !ALIAS_POS.has(pos) && !w.allCaps) continue;
      }
      // "AU$", "US$": a currency, not an actor.
      if (doc.text[words[end - 1]?.end ?? 0] === '$') continue;
      // Part of a longer unknown name: "Michael Jordan", "Social Democratic Party", "the
      // Guardian Council". A capitalised first word of the sentence may be there only
      // because it starts the sentence.
      // A capitalised verb or preposition is no part of a name: "Putin Refuses To Meet
      // Zelensky", "Colombia Ends Chávez-FARC Mediations" (title-case headlines).
      const before =
        i > 0 &&
        adjacent(i - 1, i) &&
        capitalAt(i - 1) &&
        nameLike(i - 1) &&
        (i - 1 > 0 || posOf[0] === 'PROPN') &&
        !lexicon.notNameWords.has(words[i - 1]?.norm ?? '') &&
        (!headline || inBody(i - 1, end)) &&
        !longestMatch(kb.trie, words, i - 1);
      const after =
        adjacent(end - 1, end) &&
        capitalAt(end) &&
        nameLike(end) &&
        (!headline || inBody(i, end + 1)) &&
        !NAME_CONTINUATION_OK.has(words[end]?.norm ?? '') &&
        // "visited the White House Monday": a day dates the act, it is no part of a name.
        !WEEKDAYS.has(words[end]?.norm ?? '') &&
        !longestMatch(kb.trie, words, end);
      const person = entries.some((e) => actorType(kb, e) === 'person');
      // A known surname before another name is someone else's first name: "Jiang Yu", "Markos
      // Kyprianou" (not "Bush Administration", "the Saddam Regime": a common word or a role
      // noun is no name).
      const nextNorm = words[end]?.norm ?? '';
      const otherPerson =
        single &&
        person &&
        after &&
        posOf[end] === 'PROPN' &&
        !lexicon.commonNouns.has(nextNorm) &&
        !kb.agents.has(nextNorm) &&
        !lexicon.organizationWords.has(nextNorm) &&
        !lexicon.titleWords.has(nextNorm) &&
        !lexicon.speechVerbs.has(nextNorm);
      // (A country's name: a capital there, "Moscow Illustrative article", is where it is filed.)
      const dateline =
        index === lead &&
        i === 0 &&
        entries.every(
          (e) => actorType(kb, e) === 'country' && e.kind !== 'capital' && e.kind !== 'seat',
        );
      if (before || (after && !person && !dateline) || otherPerson) continue;
      // "in Dublin", "at the Kremlin": a capital or seat after a place preposition is where
      // something happened, not the government acting.
      const placeWord = words[i - 1]?.norm === 'the' ? words[i - 2] : words[i - 1];
      const place =
        entries.every((e) => e.kind === 'capital' || e.kind === 'seat') &&
        placeWord !== undefined &&
        lexicon.placePrepositions.has(placeWord.norm);
      const where = span(i, end);
      if (!where) continue;
      const c = newCandidate('kb', where, index, entries);
      if (place) c.place = place;
      add(c, i, end);
      i = end - 1;
    }

    // 3. Titles before names (also before unknown names, found below). With `bare`, a country
    // or organisation with no title word is kept too ("Syrian X", "leading Hamas figure X"):
    // evidence of an unknown person's code.
    const titleBefore = (first: number, bare = false): TitleSpan | undefined => {
      let k = first - 1;
      let country: string | null = null;
      let org: string | null = null;
      let meaningful = false;
      // Lower-case nouns right before the name ("Hamas *figure* X", "BBC *correspondent* X").
      let heads = 0;
      // A KB country or organisation was read, and whether by a capital ("Baghdad").
      let named = false;
      let viaCapital = false;
      while (k >= 0) {
        const w = words[k];
        if (!w) break;
        // A title is one run of words: a comma or a full stop ends it ("In Ukraine, Prince X").
        // (One space, the usual gap, does neither: it is not read.)
        const next = words[k + 1]?.start ?? w.end;
        if (next !== w.end + 1 || doc.text.charCodeAt(w.end) !== 32) {
          const gap = doc.text.slice(w.end, next);
          const abbreviation = w.norm.length <= 4 && lexicon.titleWords.has(w.norm); // "Gen. X"
          // "A spokesman for the ministry, Kim Ho-nyoun": a comma right before the name may
          // close a title; one after title words ("In Ukraine, Prince X") ends it.
          const commaBeforeName = k === first - 1 && /^\s*,\s*$/.test(gap);
          if (
            !commaBeforeName &&
            (!/^[\s'’.-]*$/.test(gap) || (gap.includes('. ') && !abbreviation))
          ) {
            break;
          }
        }
        // "United States military spokesperson Major-General X": a country's body places the name.
        const agent = found.find(
          (c) => c.start <= w.start && w.start < c.end && c.kind === 'agent' && c.country,
        );
        if (agent?.country) {
          country = agent.country;
          named = true;
          k = words.findIndex((x) => x.start === agent.start) - 1;
          continue;
        }
        const taken = found.find((c) => c.start <= w.start && w.start < c.end && c.kind === 'kb');
        if (taken) {
          const entry = taken.entries[0];
          const type = entry ? actorType(kb, entry) : undefined;
          const code = kb.actors.get(entry?.actor ?? '')?.code ?? null;
          if (type === 'country') country = code;
          else if (type && ORG_TYPES.has(type)) org = entry?.actor ?? null;
          // A region of a country ("Northern Ireland Chief Constable X") places an unknown name.
          else if (bare && type === 'place' && code && /^[A-Z]{3}$/.test(code)) country = code;
          else break;
          named = true;
          viaCapital ||= entry?.kind === 'capital' || entry?.kind === 'seat';
          k = words.findIndex((x) => x.start === taken.start) - 1;
          continue;
        }
        const demonym = kb.demonyms.get(w.norm);
        if (demonym) {
          country = demonym;
          k--;
          continue;
        }
        if (w.norm === 's' || lexicon.titleWords.has(w.norm)) {
          if (!TITLE_FILLERS.has(w.norm)) meaningful = true;
          k--;
          continue;
        }
        // One noun, or two when the first names a sector ("police officer", not "war veteran").
        const noun = posOf[k] === 'NOUN' || posOf[k] === 'ADJ';
        const sectorWord = lexicon.titleSectorWords.has(w.norm) || kb.agents.has(w.norm);
        if (
          bare &&
          noun &&
          !w.capital &&
          k + heads === first - 1 &&
          (heads === 0 || (heads === 1 && sectorWord))
        ) {
          heads++;
          k--;
          continue;
        }
        break;
      }
      let from = k + 1;
      while (from < first && TITLE_FILLERS.has(words[from]?.norm ?? '')) from++;
      const titleWords = words.slice(from, first).map((x) => x.norm);
      // With no title word, a demonym ("Syrian X"), or a country or organisation that owns the
      // name ("Hamas's X") or a noun before it ("Hamas figure X"); never a list ("Iraq and X")
      // nor a capital that may be where the sentence happens ("Baghdad X").
      const evidence =
        bare &&
        (country !== null || org !== null) &&
        !viaCapital &&
        !titleWords.some((x) => x === 'and' || x === 'of' || x === 'for') &&
        (!named || heads > 0 || titleWords.includes('s'));
      if ((!meaningful && !evidence) || from >= first) return undefined;
      const where = span(from, first);
      if (!where) return undefined;
      return {
        start: where.start,
        end: where.end,
        text: where.text,
        words: titleWords,
        country,
        org,
        ...(meaningful ? {} : { bare: true }),
      };
    };
    // The country or organisation a KB mention starting at word k names, if it is one.
    const namedAt = (k: number) => {
      const c = kbAt(found, words[k]?.start);
      const entry = c?.entries[0];
      const type = entry ? actorType(kb, entry) : undefined;
      if (!c || !entry || !type || (type !== 'country' && !ORG_TYPES.has(type))) return undefined;
      const country = type === 'country' ? (kb.actors.get(entry.actor)?.code ?? null) : null;
      return { c, country, org: type === 'country' ? null : entry.actor };
    };
    // An apposition after a name: "Ivan Petrenko, the Ukrainian defence minister, said", also
    // without the comma when "the" opens it ("Walid Moallem the Syrian Foreign Minister"); or
    // the country or organisation the name is "of" ("Kwame Nkrumah of Ghana": bare).
    const titleAfter = (end: number): TitleSpan | undefined => {
      const name = words[end - 1];
      const next = words[end];
      if (!name || !next) return undefined;
      const gap = doc.text.slice(name.end, next.start);
      if (next.norm === 'of' && /^ $/.test(gap)) {
        const at = words[end + 1]?.norm === 'the' ? end + 2 : end + 1;
        const named = namedAt(at);
        // "Islamic Council of Victoria": a capital after "of" is a city, not its country.
        if (!named || named.c.entries.every((e) => e.kind === 'capital' || e.kind === 'seat'))
          return undefined;
        return {
          start: next.start,
          end: named.c.end,
          text: doc.text.slice(next.start, named.c.end),
          words: words
            .filter((x) => x.start >= next.start && x.end <= named.c.end)
            .map((x) => x.norm),
          country: named.country,
          org: named.org,
          bare: true,
        };
      }
      if (!/^\s*,\s*$/.test(gap) && !(next.norm === 'the' && /^ $/.test(gap))) return undefined;
      let k = end;
      if (['the', 'a', 'an'].includes(next.norm)) k++;
      let country: string | null = null;
      let org: string | null = null;
      let meaningful = false;
      const from = k;
      for (; k < words.length && k < end + 10; k++) {
        const w = words[k];
        if (!w) break;
        // The apposition is one run of words: a comma ends it ("X the Syrian minister, the
        // Iraqi President Y").
        if (k > from && !/^[\s'’-]*$/.test(doc.text.slice(words[k - 1]?.end ?? 0, w.start))) break;
        const named = namedAt(k);
        if (named) {
          if (named.country) country ??= named.country;
          else org ??= named.org;
          while ((words[k + 1]?.start ?? Infinity) < named.c.end) k++;
          continue;
        }
        const demonym = kb.demonyms.get(w.norm);
        if (demonym) {
          country = demonym;
          continue;
        }
        if (w.norm === 's' || lexicon.titleWords.has(w.norm)) {
          if (!TITLE_FILLERS.has(w.norm)) meaningful = true;
          continue;
        }
        break;
      }
      const first = words[from];
      const last = words[k - 1];
      if (!meaningful || !first || !last || k <= from) return undefined;
      const titleWords = words.slice(from, k).map((x) => x.norm);
      return {
        start: first.start,
        end: last.end,
        text: doc.text.slice(first.start, last.end),
        words: titleWords,
        country,
        org,
      };
    };
    for (const c of found) {
      if (c.entries.some((e) => actorType(kb, e) === 'person')) {
        const first = words.findIndex((x) => x.start === c.start);
        const title = titleBefore(first);
        if (title) c.title = title;
      }
    }

    // 4. Agents: demonym/country (+ up to two modifiers) + role noun.
    const wordKey = (k: number, len: number) =>
      len === 1 ? (words[k]?.norm ?? '') : `${words[k]?.norm ?? ''} ${words[k + 1]?.norm ?? ''}`;
    // The sector of the agent noun of `len` words at k (a two-word key is built only after a
    // word some agent phrase starts with).
    const agentAt = (k: number, len: number): string | undefined =>
      len === 1 || ((startsOf[k] ?? 0) & STARTS_AGENT_PHRASE) !== 0
        ? kb.agents.get(wordKey(k, len))
        : undefined;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (!w) continue;
      // Cheap test first: a demonym, or a candidate starting here that is a country.
      if (!s.taken[i] && !((startsOf[i] ?? 0) & STARTS_DEMONYM)) continue;
      let countryWords = 1;
      let capitalOnly = false;
      let iso = s.taken[i] ? undefined : kb.demonyms.get(w.norm);
      const two =
        s.taken[i] || !((startsOf[i] ?? 0) & STARTS_DEMONYM_PHRASE)
          ? undefined
          : kb.demonyms.get(wordKey(i, 2));
      if (two) {
        iso = two;
        countryWords = 2;
      }
      let c: MentionCandidate | undefined;
      if (!iso && s.taken[i]) {
        c = kbAt(found, w.start);
        if (!c) continue;
        const entry = c.entries.find(
          (e) => actorType(kb, e) === 'country' && (e.kind === 'name' || e.kind === 'alias'),
        );
        // A capital right before a role noun: "Moscow prosecutors", "Kiev officials".
        const capitalEntry = entry ? undefined : c.entries.find((e) => e.kind === 'capital');
        const chosen = entry ?? capitalEntry;
        iso = chosen ? (kb.actors.get(chosen.actor)?.code ?? undefined) : undefined;
        capitalOnly = capitalEntry !== undefined;
        let last = i;
        while ((words[last + 1]?.start ?? Infinity) < c.end) last++;
        countryWords = last + 1 - i;
      }
      if (!iso) continue;
      let k = i + countryWords;
      if (words[k]?.norm === 's') k++;
      // "… against Russia, diplomats said": a comma ends the phrase.
      if (
        /[,;:.!?()]/.test(
          doc.text.slice(words[i + countryWords - 1]?.end ?? 0, words[k]?.start ?? 0),
        )
      ) {
        continue;
      }
      let matched = false;
      for (let skip = 0; skip <= (capitalOnly ? 0 : 2) && !matched; skip++) {
        // Only adjectives stand between the country and the role noun ("Russian special forces").
        if (skip > 0 && posOf[k + skip - 1] !== 'ADJ') break;
        for (let len = 2; len >= 1; len--) {
          if (k + skip + len > words.length) continue;
          const sector = agentAt(k + skip, len);
          const where = sector && span(i, k + skip + len);
          if (!sector || !where) continue;
          // The country word itself stays a mention of the country; the agent covers both.
          if (c) found.splice(found.indexOf(c), 1);
          add(agentCandidate(where, index, sector, iso), i, k + skip + len);
          matched = true;
          break;
        }
      }
    }

    // 4b. Agents with a place: "protesters in Minsk", "troops in Georgia".
    for (let i = 0; i < words.length; i++) {
      if (s.taken[i] || !((startsOf[i] ?? 0) & STARTS_AGENT)) continue;
      for (let len = 2; len >= 1; len--) {
        const sector = agentAt(i, len);
        if (!sector || words[i + len]?.norm !== 'in') continue;
        const place = kbAt(found, words[i + len + 1]?.start);
        const entry = place?.entries.find(
          (e) => e.kind === 'capital' || actorType(kb, e) === 'country',
        );
        const iso = entry ? kb.actors.get(entry.actor)?.code : undefined;
        const where = span(i, i + len);
        if (!iso || !where || !place) continue;
        found.splice(found.indexOf(place), 1);
        const whole = {
          start: where.start,
          end: place.end,
          text: doc.text.slice(where.start, place.end),
        };
        add(agentCandidate(whole, index, sector, iso), i, i + len);
        break;
      }
    }

    // 5. Role descriptions: "the Russian president", "the head of the Kremlin".
    for (let i = 0; i < words.length; i++) {
      if (words[i]?.norm !== 'the') continue;
      let k = i + 1;
      let country: string | undefined;
      const c = kbAt(found, words[k]?.start);
      if (c) {
        const entry = c.entries[0];
        const actor = entry ? kb.actors.get(entry.actor) : undefined;
        if (actor?.type === 'country' || actor?.type === 'igo') country = actor.code ?? undefined;
        k = words.findIndex((x) => x.end === c.end) + 1;
        if (words[k]?.norm === 's') k++;
      } else if (words[k] && kb.demonyms.has(words[k]?.norm ?? '')) {
        country = kb.demonyms.get(words[k]?.norm ?? '');
        k++;
      }
      // Without a country only "the leader/president/head/chief of …" can follow (most "the").
      const head = words[k]?.norm ?? '';
      const ofWhom = !country && LEADS.has(head);
      if (!country && !ofWhom) continue;
      // (Only a word some role noun starts with can start one: most words after "the <country>"
      // are not, and their keys are not built.)
      const nouns = roleStarts(lexicon.roleNouns).has(head) ? 3 : 0;
      for (let len = nouns; len >= 1; len--) {
        const noun = words
          .slice(k, k + len)
          .map((x) => x.norm)
          .join(' ');
        if (!lexicon.roleNouns.has(noun) || k + len > words.length) continue;
        if (capitalAt(k + len) && words[k + len]?.capital) break; // a name follows: a title
        let end = k + len;
        // "the head of the Kremlin": the country comes after.
        if (!country && (noun === 'leader' || noun === 'president') && words[end]?.norm === 'of') {
          const after = found.find(
            (x) =>
              x.kind === 'kb' &&
              (x.start === words[end + 1]?.start || x.start === words[end + 2]?.start),
          );
          const actor = after?.entries[0] ? kb.actors.get(after.entries[0].actor) : undefined;
          if (actor?.type === 'country') {
            country = actor.code ?? undefined;
            end = words.findIndex((x) => x.end === after?.end) + 1;
          }
        }
        if (!country) break;
        const where = span(i, end);
        if (where && !s.taken[k]) add(roleCandidate(where, index, noun, country), k, end);
        break;
      }
      // "the head of the Kremlin", "the leader of Russia".
      if (HEADS_OF.has(words[i + 1]?.norm ?? '') && words[i + 2]?.norm === 'of') {
        const after = found.find(
          (x) =>
            x.kind === 'kb' && (x.start === words[i + 3]?.start || x.start === words[i + 4]?.start),
        );
        const entry = after?.entries.find(
          (e) => e.kind === 'seat' || actorType(kb, e) === 'country',
        );
        const iso = entry ? kb.actors.get(entry.actor)?.code : undefined;
        const where =
          after && iso
            ? {
                start: words[i]?.start ?? 0,
                end: after.end,
                text: doc.text.slice(words[i]?.start ?? 0, after.end),
              }
            : undefined;
        if (where && iso) {
          found.splice(found.indexOf(after as MentionCandidate), 1);
          found.push(roleCandidate(where, index, 'head of state', iso));
        }
      }
    }

    // 6. Unknown names: runs of proper nouns nothing took.
    const posAt = (k: number) => posOf[k] ?? '';
    const norm = (k: number) => words[k]?.norm ?? '';
    const plainNameWord = (k: number) =>
      !s.taken[k] && Boolean(words[k]?.capital) && NAME_POS.has(posAt(k));
    // "Lt. Gen. Prosper Avril": a capitalised word the tagger read as a verb, between a title
    // and a name, is a first name.
    const nameWord = (k: number) =>
      plainNameWord(k) ||
      (!s.taken[k] &&
        Boolean(words[k]?.capital) &&
        posAt(k) === 'VERB' &&
        k > 0 &&
        lexicon.titleWords.has(norm(k - 1)) &&
        plainNameWord(k + 1));
    const titleOrDemonym = (k: number) =>
      lexicon.titleWords.has(norm(k)) || kb.demonyms.has(norm(k));
    const opener = (k: number) => lexicon.notNameWords.has(norm(k)) || WEEKDAYS.has(norm(k));
    // "Jim Smithers of Montana", "John Smithers of the University of Ohio": a person's name (two
    // plain words or more after any openers and titles) is not joined to what follows "of".
    const personsName = (from: number, end: number) => {
      let named = from;
      while (named < end && (opener(named) || titleOrDemonym(named))) named++;
      return (
        end - named >= 2 &&
        words
          .slice(named, end)
          .every((x) => !lexicon.organizationWords.has(x.norm) && !lexicon.titleWords.has(x.norm))
      );
    };
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (!w || s.taken[i] || !w.capital) continue;
      if (!nameWord(i)) continue;
      // A name: capitalised words next to each other (a space or a hyphen between), with
      // lower-case particles inside ("Institute for the Study of War", "Muammar al-Gaddafi").
      let end = i + 1;
      for (;;) {
        if (end < words.length && nameWord(end) && joined(end - 1, end)) {
          end++;
          continue;
        }
        // Particles: one ("al", "of", "and"), or "of the" / "for the"; never after a title
        // word ("President and Congress"), never before a day or a month.
        let k = end;
        const particle = words[k]?.norm ?? '';
        if (NAME_PARTICLES.has(particle) && !words[k]?.capital && joined(k - 1, k)) {
          k++;
          if ((particle === 'of' || particle === 'for') && words[k]?.norm === 'the') k++;
        }
        const nextWord = words[k]?.norm ?? '';
        const afterTitle =
          particle === 'and' &&
          lexicon.titleWords.has(words[end - 1]?.norm ?? '') &&
          (lexicon.titleWords.has(nextWord) || lexicon.organizationWords.has(nextWord));
        const dayOrMonth =
          lexicon.months.has(words[k]?.norm ?? '') || WEEKDAYS.has(words[k]?.norm ?? '');
        const personOf = particle === 'of' && k > end && personsName(i, end);
        if (k > end && !afterTitle && !dayOrMonth && !personOf && nameWord(k) && joined(k - 1, k)) {
          end = k + 1;
          continue;
        }
        break;
      }
      // "and" joins words of one organisation's name, not two people.
      const and = firstWord(words, i, end, AND);
      if (and > i && !anyWord(words, i, end, lexicon.organizationWords)) {
        end = and;
      }
      let proper = false;
      for (let j = i; j < end && !proper; j++) proper = posAt(j) === 'PROPN';
      if (!proper) {
        i = end - 1;
        continue;
      }
      if (headline) {
        // The longest part of the run that the body writes too; none: no name here.
        let best: [number, number] | undefined;
        for (let a = i; a < end; a++) {
          for (let b = end; b > a && (!best || b - a > best[1] - best[0]); b--) {
            if (inBody(a, b)) best = [a, b];
          }
        }
        // One word cut out of a longer run ("Social Security Benefits") is too weak a name.
        if (!best || (best[1] - best[0] === 1 && end - i > 1)) {
          i = end - 1;
          continue;
        }
        // The rest of the run is no name either.
        for (let k = i; k < end; k++) if (k < best[0] || k >= best[1]) s.taken[k] = true;
        [i, end] = best;
      }
      // A day ends the name, with the word that dates it: "Palestine Early Friday".
      let day = -1;
      for (let k = i + 1; k < end && day < 0; k++) if (WEEKDAYS.has(norm(k))) day = k;
      if (day > 0) {
        end = day;
        while (end > i + 1 && lexicon.notNameWords.has(norm(end - 1))) end--;
      }
      // Words that open a sentence or a quotation ("Today", "Meanwhile") and leading title
      // words ("Senator") are not the name: the title is read from them below.
      // (An organisation's name keeps its title words: "Justice and Equality Movement".)
      let from = i;
      const organization = anyWord(words, i, end, lexicon.organizationWords);
      while (from < end - 1 && (opener(from) || (!organization && titleOrDemonym(from)))) from++;
      // "NDP MP Olivia Chow": an unknown party or body, then a title, then the name — the name
      // is after the title (read below from the words before it).
      // (A person's name of two capitalised words or more; no organisation word in the run.)
      for (let k = end - 3; k > from && !organization; k--) {
        const w = norm(k);
        if (!lexicon.titleWords.has(w) || NOT_SPLITTING_TITLES.has(w) || posAt(k) !== 'PROPN') {
          continue;
        }
        if (words[k + 1]?.capital) from = k + 1;
        break;
      }
      const where = span(from, end);
      const first = words[from];
      const lastWord = words[end - 1]?.norm ?? '';
      const single = end - from === 1;
      if (
        !where ||
        !first ||
        // (A month opens no name, but a first name spelt like one does: "Jan Egeland".)
        (lexicon.months.has(first.norm) && single) ||
        WEEKDAYS.has(first.norm) ||
        (!organization && lexicon.titleWords.has(first.norm)) ||
        // A title with no name ("Palestinian Authority Foreign Minister"): a role, not a name.
        (lexicon.titleWords.has(lastWord) && !lexicon.organizationWords.has(lastWord)) ||
        // One generic or national word ("Commission", "Forces", "Georgian").
        (single && (lexicon.organizationWords.has(first.norm) || kb.demonyms.has(first.norm)))
      ) {
        i = end - 1;
        continue;
      }
      // A first name before a known surname ("Muamar al-Gaddafi" with only "al-Gaddafi" in
      // the KB) belongs to that mention.
      const following = kbAt(found, words[end]?.start);
      if (
        following &&
        joined(end - 1, end) &&
        following.entries.some((e) => actorType(kb, e) === 'person')
      ) {
        following.start = where.start;
        following.text = doc.text.slice(where.start, following.end);
        for (let k = from; k < end; k++) s.taken[k] = true;
        i = end - 1;
        continue;
      }
      const cues: string[] = [];
      const before = titleBefore(from, true);
      const after = titleAfter(end);
      const title = before?.bare && after && !after.bare ? after : (before ?? after);
      // A bare country or organisation gives a code, but does not say the name is a person's.
      if (title && !title.bare) cues.push('title');
      const last = words[end - 1]?.norm ?? '';
      if (
        lexicon.organizationWords.has(last) ||
        anyWord(words, from, end, lexicon.organizationWords)
      )
        cues.push('organization');
      if (anyWord(words, from, end, lexicon.mediaWords)) cues.push('media');
      const next = words[end];
      if (next && lexicon.speechVerbs.has(next.norm)) cues.push('speech');
      const prev = words[from - 1];
      if (prev && lexicon.placePrepositions.has(prev.norm) && (!title || title.bare))
        cues.push('place');
      if (words[from - 2]?.norm === 'according' && prev?.norm === 'to') cues.push('speech');
      const candidate = newCandidate('unknown', where, index, []);
      candidate.cues = cues;
      if (title) candidate.title = title;
      add(candidate, from, end);
      i = end - 1;
    }

    // (Mostly found in order already: sorted only when not, which spares the sort's copy.)
    if (!inOrder(found)) found.sort((a, b) => a.start - b.start);
    const from = mainClauseStart(doc, index);
    const firstActor =
      found.find((c) => c.start >= from && (c.kind !== 'unknown' || !c.cues?.includes('place'))) ??
      found.find((c) => c.kind !== 'unknown' || !c.cues?.includes('place'));
    if (firstActor) firstActor.subject = true;
    out.push(...found);
  });
  return out;
}

/** Title words that are no title on their own: particles and bodies ("Secretary of State"). */
const NOT_SPLITTING_TITLES = new Set([
  'for',
  'of',
  'and',
  'the',
  'nato',
  'un',
  'eu',
  'u.s.',
  'us',
  'uk',
  'state',
  'affairs',
  'security',
  'policy',
  'party',
  'foreign',
  'interior',
  'finance',
  'defence',
  'defense',
  'justice',
  'first',
  'high',
  'grand',
  'supreme',
  'general',
]);

/**
 * Where the document's title stands in its text, if it does: looked up once per document, not
 * once per sentence (a title the text does not hold made each sentence search the whole text).
 */
function titleSpan(doc: Document): { start: number; end: number } | undefined {
  const title = doc.title?.trim();
  const at = title ? doc.text.indexOf(title) : -1;
  return title && at >= 0 ? { start: at, end: at + title.length } : undefined;
}

/**
 * Whether a sentence is the document's title written in title case ("Putin Refuses To Meet
 * Zelensky"): every word of four letters or more capitalised, at least three of them.
 */
function titleCaseHeadline(
  doc: Document,
  title: { start: number; end: number } | undefined,
  sentence: { start: number; end: number },
  words: WordToken[],
): boolean {
  if (!title || sentence.start < title.start || sentence.end > title.end) return false;
  const long = words.filter((w) => /^\p{L}{4,}/u.test(doc.text.slice(w.start, w.end)));
  return long.length >= 3 && long.every((w) => w.capital);
}

/** Whether text[start, end) is written, as whole words and in the same case, outside a span. */
function elsewhere(
  text: string,
  start: number,
  end: number,
  outside: { start: number; end: number },
): boolean {
  const needle = text.slice(start, end);
  if (!needle) return false;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (at >= outside.start && at < outside.end) continue;
    const before = text[at - 1] ?? ' ';
    const after = text[at + needle.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/** Words that open a sentence with an adverbial phrase before its subject. */
const OPENERS = new Set(['ADP', 'SCONJ', 'ADV']);

/**
 * Where a sentence's main clause starts: after an opening phrase and its comma ("Speaking at a
 * news conference with Gordon Brown, Musharraf said…", "In Moscow, …"), else at its start. The
 * subject is the first actor from there: pronouns prefer it.
 */
function mainClauseStart(doc: Document, index: number): number {
  const sentence = doc.sentences?.[index];
  const tokens = doc.tokens ?? [];
  if (!sentence) return 0;
  const first = tokens[sentence.tokenStart];
  if (!first) return sentence.start;
  const opens =
    OPENERS.has(first.pos) || (first.pos === 'VERB' && /(?:ing|ed)$/.test(first.normal));
  if (!opens) return sentence.start;
  for (
    let t = sentence.tokenStart + 1;
    t < sentence.tokenEnd && t - sentence.tokenStart < 25;
    t++
  ) {
    const token = tokens[t];
    if (token?.normal === ',') return token.end;
    if (token?.pos === 'VERB' && !/(?:ing|ed)$/.test(token.normal)) break;
  }
  return sentence.start;
}

export function mentionsStage(ctx: () => RecognizerContext): Stage {
  return {
    name: 'mentions',
    requires: ['sentences', 'tokens'],
    assigns: ['mentions'],
    process(doc) {
      doc.mentions = isProcessable(doc) ? recognize(doc, ctx()) : [];
    },
  };
}
