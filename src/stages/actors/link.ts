/**
 * The `link` stage: decides which actor each candidate mention is.
 *
 * - A KB match with several actors is settled by, in order of weight: a title that fits the
 *   actor's role on the publication date, the actor named in full elsewhere in the document,
 *   a role held on the date, and how the alias matched (canonical name > alias > translit).
 * - Capitals and seats of power are metonyms for the government: code `<ISO>GOV`.
 * - Agents ("Russian troops") are mentions of the country with the agent's sector code.
 * - Role descriptions ("the Russian president") go to the holder of that role on the date.
 * - Unknown names are linked by fuzzy matching only with corroboration — a title that fits,
 *   or the surname written correctly elsewhere — else kept as `unlinked:` actors when a cue
 *   says they are actors at all.
 */
import type { Document } from '../../core/document.js';
import {
  codeOn,
  heldOn,
  mainRole,
  rolesOn,
  type KnowledgeBase,
  type TrieNode,
} from '../../kb/kb.js';
import { lastWord, normalizeWord, wordTokens } from '../../kb/normalize.js';
import type { KbActor, KbRole } from '../../kb/schema.js';
import type { Stage } from '../../pipeline/pipeline.js';
import { isProcessable } from '../language/language.js';
import type { ActorLexicon } from './lexicon.js';
import type { ActorMention, MentionCandidate, TitleSpan } from './types.js';

export interface LinkContext {
  kb: KnowledgeBase;
  lexicon: ActorLexicon;
  /** Persons by the country or IGO code of their roles, for titles and role descriptions. */
  holders: Map<string, KbActor[]>;
}

export function indexHolders(kb: KnowledgeBase): Map<string, KbActor[]> {
  const holders = new Map<string, KbActor[]>();
  for (const actor of kb.actors.values()) {
    if (actor.type !== 'person') continue;
    const keys = new Set<string>();
    for (const role of actor.roles ?? []) {
      if (role.country) keys.add(role.country);
      keys.add(role.code);
    }
    for (const key of keys) {
      const list = holders.get(key) ?? [];
      list.push(actor);
      holders.set(key, list);
    }
  }
  return holders;
}

/** The words of each KB role's title, read once. */
const roleWordsOf = new WeakMap<KbRole, Set<string>>();

const NOT_HEADS: ReadonlySet<string> = new Set([
  'the',
  'of',
  'for',
  'and',
  's',
  'former',
  'acting',
  'interim',
]);
const headsOf = new WeakMap<readonly string[], string[]>();

/** A title's words that can match a role's ("former", "of"… cannot), read once per title. */
function titleHeads(words: readonly string[]): string[] {
  let heads = headsOf.get(words);
  if (!heads) {
    heads = words.filter((w) => !NOT_HEADS.has(w));
    headsOf.set(words, heads);
  }
  return heads;
}

/** Does a role fit a title's words and country/organisation? */
function roleFitsTitle(kb: KnowledgeBase, role: KbRole, title: TitleSpan): boolean {
  let roleWords = roleWordsOf.get(role);
  if (!roleWords) {
    roleWords = new Set(wordTokens(role.title).map((w) => w.norm));
    roleWordsOf.set(role, roleWords);
  }
  const headFits = titleHeads(title.words).some(
    (w) => roleWords.has(w) || (w === 'defense' && roleWords.has('defence')),
  );
  if (!headFits) return false;
  if (title.country && role.country && title.country !== role.country) return false;
  if (title.org) {
    const org = kb.actors.get(title.org);
    if (org?.code && !role.code.startsWith(org.code.slice(0, 6))) return false;
  }
  return true;
}

function titleFits(
  kb: KnowledgeBase,
  actor: KbActor,
  title: TitleSpan | undefined,
  date: string | null,
): boolean {
  if (!title) return false;
  // A former holder's title fits any role of theirs; otherwise one held on the date. (The
  // title is compared first: most roles of most actors asked about do not fit it.)
  const former = title.words.includes('former');
  for (const role of actor.roles ?? []) {
    if (roleFitsTitle(kb, role, title) && (former || heldOn(role, date))) return true;
  }
  return false;
}

/** Similarity 0..1 of two normalised strings (1 − edit distance ÷ longer length). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const m = a.length;
  const n = b.length;
  if (!m || !n) return 0;
  // Two rows of the edit-distance table, reused (this runs for every alias compared).
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = code === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    const done = prev;
    prev = cur;
    cur = done;
  }
  return 1 - (prev[n] ?? 0) / Math.max(m, n);
}

/** Normalised names of KB aliases, read again for every unknown name otherwise. */
const normNames = new Map<string, string>();

function normName(text: string): string {
  const known = normNames.get(text);
  if (known !== undefined) return known;
  const norm = normNameOf(text);
  if (normNames.size > 50_000) normNames.clear();
  normNames.set(text, norm);
  return norm;
}

function normNameOf(text: string): string {
  return wordTokens(text)
    .map((w) => w.norm)
    .join(' ');
}

function bestFuzzy(name: string, candidates: readonly KbActor[]): KbActor | undefined {
  if (candidates.length === 0) return undefined;
  const target = normName(name);
  const parts = target.split(' ');
  let best: { actor: KbActor; score: number } | undefined;
  for (const actor of candidates) {
    for (const alias of [actor.name, ...actor.aliases]) {
      const key = normName(alias);
      // The edit distance is at least the difference in length: a bound on the score that
      // skips most aliases without changing the result.
      const bound = 1 - Math.abs(target.length - key.length) / Math.max(target.length, key.length);
      if (bound < 0.75 || (best && bound <= best.score)) continue;
      const aliasParts = key.split(' ');
      if (aliasParts.length !== parts.length) continue;
      const score = similarity(target, key);
      // Every word must be close: "Kaia Kalas" ~ "Kaja Kallas", not "Kaja Smith".
      const wordsClose = parts.every((p, i) => similarity(p, aliasParts[i] ?? '') >= 0.6);
      if (wordsClose && score >= 0.75 && (!best || score > best.score)) best = { actor, score };
    }
  }
  return best?.actor;
}

/**
 * Two or three title-case words ("Gilad Shalit", "Ján Počiatek") with no other cue: most
 * likely a person's name. (Places come after prepositions and are left out before this.)
 */
const PERSON_NAME = /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,2}$/u;

function personName(ctx: LinkContext, text: string): boolean {
  if (!PERSON_NAME.test(text)) return false;
  const words = text.toLowerCase().split(' ');
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  const { lexicon } = ctx;
  if (lexicon.notPersonFirst.has(first) || lexicon.notPersonLast.has(last)) return false;
  // A country or capital among the words ("Moscow Illustrative", a place name glued to the
  // first word of an article) is no part of a person's name.
  const place = (w: string) =>
    ctx.kb.trie.next
      .get(normalizeWord(w))
      ?.entries.some((e) => e.kind === 'capital' || ctx.kb.actors.get(e.actor)?.type === 'country');
  return !words.some(
    (w) =>
      lexicon.months.has(w) ||
      ctx.kb.demonyms.has(w) ||
      WEEKDAY.test(w) ||
      lexicon.commonNouns.has(w) ||
      place(w),
  );
}

const WEEKDAY = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tomorrow)$/;

function guessType(c: MentionCandidate): ActorMention['type'] {
  const cues = c.cues ?? [];
  if (cues.includes('media')) return 'media';
  if (cues.includes('organization')) return 'organization';
  if (cues.includes('title') || (cues.includes('speech') && c.text.includes(' '))) return 'person';
  return 'other';
}

/**
 * A mention with every field, set or undefined, in one order (code, sector, gender and title
 * are the caller's to fill): mentions of every kind share one object shape, so the code that
 * reads them (coref, quotes, events) stays monomorphic.
 */
export function newMention(
  c: MentionCandidate,
  actor: string,
  type: ActorMention['type'],
  method: string,
): ActorMention {
  return {
    start: c.start,
    end: c.end,
    text: c.text,
    actor,
    code: null,
    sector: undefined,
    method,
    type,
    sentence: c.sentence,
    subject: c.subject,
    gender: undefined,
    title: undefined,
  };
}

export function link(doc: Document, ctx: LinkContext): ActorMention[] {
  const { kb } = ctx;
  const date = doc.published;
  const candidates = doc.mentions as MentionCandidate[];
  // Actors named by a multi-word alias somewhere: context for short, ambiguous mentions.
  const namedInFull = new Set<string>();
  const surnames = new Map<string, string>();
  for (const c of candidates) {
    if (c.kind !== 'kb') continue;
    for (const e of c.entries) {
      if (c.text.includes(' ')) namedInFull.add(e.actor);
      const actor = kb.actors.get(e.actor);
      if (actor?.type === 'person' && !c.text.includes(' '))
        surnames.set(normalizeWord(c.text), actor.id);
    }
  }

  const out: ActorMention[] = [];
  const push = (c: MentionCandidate, actor: KbActor, method: string, code?: string | null) => {
    const mention = newMention(c, actor.id, actor.type, method);
    mention.code = code === undefined ? codeOn(actor, date) : code;
    if (actor.gender) mention.gender = actor.gender;
    if (c.title) mention.title = c.title.text;
    out.push(mention);
  };

  for (const c of candidates) {
    if (c.kind === 'kb' && c.place) continue;
    const ruled = leaderGovernment(ctx, doc, c);
    if (ruled) {
      push(
        { ...c, end: ruled.end, text: doc.text.slice(c.start, ruled.end) },
        ruled.country,
        'administration',
        `${ruled.country.code ?? ''}GOV`,
      );
      continue;
    }
    if (c.kind === 'kb') {
      let best:
        | { actor: KbActor; score: number; method: string; entry: (typeof c.entries)[number] }
        | undefined;
      for (const entry of c.entries) {
        const actor = kb.actors.get(entry.actor);
        if (!actor) continue;
        let score = entry.kind === 'name' ? 2 : entry.kind === 'translit' ? 1 : 1.5;
        let method =
          entry.kind === 'translit'
            ? 'translit'
            : entry.kind === 'capital' || entry.kind === 'seat'
              ? 'metonym'
              : 'alias';
        if (titleFits(kb, actor, c.title, date)) {
          score += 5;
          method = method === 'alias' ? 'title' : `${method}+title`;
        }
        if (namedInFull.has(actor.id) && c.entries.length > 1) score += 4;
        if (
          actor.type === 'person' &&
          (date ? (actor.roles ?? []).some((r) => heldOn(r, date)) : mainRole(actor, null))
        )
          score += 3;
        if (actor.type === 'country') score += 0.5;
        // A seat of power names who rules there ("Brussels" → the EU), over a capital's country.
        if (entry.kind === 'seat') score += 1;
        if (!best || score > best.score) best = { actor, score, method, entry };
      }
      if (!best) continue;
      // "Georgia" in an article about Atlanta is the US state, not the country.
      if (best.actor.type === 'country' && otherPlace(ctx, doc, c.text)) continue;
      // A month name is a person only when the document names that person in full.
      if (
        !c.text.includes(' ') &&
        ctx.lexicon.months.has(normalizeWord(c.text)) &&
        best.actor.type === 'person' &&
        !namedInFull.has(best.actor.id)
      ) {
        continue;
      }
      const metonym = best.entry.kind === 'capital' || best.entry.kind === 'seat';
      push(
        c,
        best.actor,
        best.method,
        metonym && best.actor.code
          ? best.actor.type === 'country'
            ? `${best.actor.code}GOV`
            : best.actor.code
          : undefined,
      );
      continue;
    }
    if (c.kind === 'agent' && c.country && c.sector) {
      if (otherPlace(ctx, doc, c.text.split(/[\s'’]/)[0] ?? '')) continue;
      const country = kb.countries.get(c.country);
      if (country) push(c, country, 'agent', `${c.country}${c.sector}`);
      continue;
    }
    if (c.kind === 'role' && c.country && c.roleNoun) {
      const holder = roleHolder(ctx, c, date, out);
      if (holder) push(c, holder, 'coref-role');
      continue;
    }
    if (c.kind === 'unknown') {
      // "(JEM)" right after a name is that name's abbreviation.
      const previous = out[out.length - 1];
      if (
        previous &&
        /^\p{Lu}{2,6}$/u.test(c.text) &&
        /^\s*\($/.test(doc.text.slice(previous.end, c.start))
      ) {
        out.push({
          ...previous,
          start: c.start,
          end: c.end,
          text: c.text,
          method: 'abbreviation',
          sentence: c.sentence,
          subject: false,
        });
        continue;
      }
      // Fuzzy linking needs corroboration: a fitting title, or the surname elsewhere.
      const corroborated: KbActor[] = [];
      if (c.title) {
        const key = c.title.country ?? (c.title.org ? kb.actors.get(c.title.org)?.code : undefined);
        for (const actor of key ? (ctx.holders.get(key) ?? []) : []) {
          if (titleFits(kb, actor, c.title, date)) corroborated.push(actor);
        }
      }
      const viaTitle = bestFuzzy(c.text, corroborated);
      if (viaTitle) {
        push(c, viaTitle, 'fuzzy+title');
        continue;
      }
      const surname = lastWord(c.text);
      // Cheap filters before the edit distance: same first letter, similar length.
      const bySurname = c.text.includes(' ')
        ? [...surnames.entries()]
            .filter(
              ([s]) =>
                s[0] === surname[0] &&
                Math.abs(s.length - surname.length) <= 2 &&
                similarity(s, surname) >= 0.7,
            )
            .map(([, id]) => kb.actors.get(id))
        : [];
      const viaSurname = bestFuzzy(
        c.text,
        bySurname.filter((a): a is KbActor => a !== undefined),
      );
      if (viaSurname && c.text.includes(' ')) {
        push(c, viaSurname, 'fuzzy+surname');
        continue;
      }
      const cues = c.cues ?? [];
      if (cues.includes('place') || (cues.length === 0 && !personName(ctx, c.text))) continue;
      // One capitalised common noun left after a title ("US Government", "General Election").
      if (!c.text.includes(' ') && ctx.lexicon.commonNouns.has(normalizeWord(c.text))) continue;
      const type = cues.length === 0 ? 'person' : guessType(c);
      if (type === 'other') continue;
      const evidence = titleCode(ctx, c.title);
      const mention = newMention(c, `unlinked:${normName(c.text)}`, type, 'unlinked');
      mention.code = evidence.code ?? nameCode(ctx, c, type);
      if (evidence.sector && !evidence.code) mention.sector = evidence.sector;
      out.push(mention);
    }
  }
  return out;
}

/** The nouns after a leader's name that make it their government: "the Bush administration". */
const GOVERNMENT_NOUN = /^(\s+)(administration|government|regime)\b/i;
/** One of those nouns anywhere, and a character outside ASCII: `leaderGovernment`'s quick tests. */
const GOVERNMENT_WORD = /administration|government|regime/i;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * "The Clinton administration", "the Bush Administration", "the Olmert government": a
 * leader's name before one of these nouns is the government of the country they led or lead
 * (whatever the date: "the Clinton administration" in 2008 is Bill Clinton's), not the person.
 * The mention takes in the noun. Undefined when the name is no head of state or government's.
 */
function leaderGovernment(
  ctx: LinkContext,
  doc: Document,
  c: MentionCandidate,
): { country: KbActor; end: number } | undefined {
  let entries = c.entries;
  let end = c.end;
  if (c.kind === 'kb') {
    const noun = GOVERNMENT_NOUN.exec(doc.text.slice(c.end, c.end + 20));
    if (!noun) return undefined;
    end = c.end + noun[0].length;
  } else if (c.kind === 'unknown') {
    // The recogniser leaves "Bush Administration" (two capitalised words) as one unknown name.
    // (Most unknown names end in no such noun: an ASCII name without one is let go before it
    // is cut into words, which normalise only case there.)
    if (!NON_ASCII.test(c.text) && !GOVERNMENT_WORD.test(c.text)) return undefined;
    const words = wordTokens(c.text);
    const last = words.at(-1);
    if (words.length < 2 || !last || !GOVERNMENT_NOUN.test(` ${last.norm}`)) return undefined;
    let node: TrieNode | undefined = ctx.kb.trie;
    for (const w of words.slice(0, -1)) node = node?.next.get(w.norm);
    entries = node?.entries ?? [];
  } else {
    return undefined;
  }
  for (const entry of entries) {
    if (entry.kind !== 'name' && entry.kind !== 'alias') continue;
    const actor = ctx.kb.actors.get(entry.actor);
    const role = actor?.roles?.find(
      (r) => (r.office === 'head-of-state' || r.office === 'head-of-government') && r.country,
    );
    const country = role?.country ? ctx.kb.countries.get(role.country) : undefined;
    if (country?.code) return { country, end };
  }
  return undefined;
}

/** Whether the document has a cue that a country's name means another place here. */
function otherPlace(ctx: LinkContext, doc: Document, text: string): boolean {
  const cues = ctx.lexicon.otherPlaces.get(normalizeWord(text));
  if (!cues) return false;
  const lower = doc.text.toLowerCase();
  return cues.some((cue) => lower.includes(cue));
}

/**
 * The code a title gives an unknown person: the organisation it names ("leader of the
 * Democratic Party", "Hamas figure"), else its country with the sector of its title words
 * ("Syrian Foreign Minister" → SYRGOV, "Russian police officer" → RUSCOP). A title with no
 * country gives only its sector ("Senator" → LEG), for the caller to place.
 */
function titleCode(
  ctx: LinkContext,
  title: TitleSpan | undefined,
): { code: string | null; sector: string | null } {
  if (!title) return { code: null, sector: null };
  const orgCode = title.org ? (ctx.kb.actors.get(title.org)?.code ?? null) : null;
  const sector = titleSector(ctx, title.words);
  if (!title.country) return { code: orgCode, sector: orgCode ? null : sector };
  return { code: sector ? `${title.country}${sector}` : title.country, sector: null };
}

/**
 * The sector of a title's words: ELI for a former office-holder ("former US President"), else
 * a title word ("senator" → LEG), else a role noun as the title's last word ("soldier" → MIL).
 */
function titleSector(ctx: LinkContext, words: string[]): string | null {
  const { titleSectors } = ctx.lexicon;
  // Two-word titles as a whole first: "attorney general" is no "general".
  const pairs = new Set(words.slice(1).map((w, k) => `${words[k] ?? ''} ${w}`));
  const titled = titleSectors.find(([word]) =>
    word.includes(' ') ? pairs.has(word) : words.includes(word),
  )?.[1];
  if (titled && (words.includes('former') || words.includes('ex'))) return 'ELI';
  if (titled) return titled;
  return ctx.kb.agents.get(words[words.length - 1] ?? '') ?? null;
}

/** An unknown organisation named with its country: "Ukrainian TV FREEDOM" → UKRMED. */
function nameCode(
  ctx: LinkContext,
  c: MentionCandidate,
  type: ActorMention['type'],
): string | null {
  if (type === 'person') return null;
  const words = wordTokens(c.text);
  const first = words[0];
  const country = first ? ctx.kb.demonyms.get(first.norm) : undefined;
  if (country) return type === 'media' ? `${country}MED` : country;
  // "United Nations Office for the High Commissioner…", "Russian Federation Council": a body
  // whose name opens with an international organisation or a country is part of it.
  let node = ctx.kb.trie;
  let code: string | null = null;
  for (const w of words.slice(0, -1)) {
    const next = node.next.get(w.norm);
    if (!next) break;
    node = next;
    for (const e of node.entries) {
      const actor = ctx.kb.actors.get(e.actor);
      if ((e.kind === 'name' || e.kind === 'alias') && actor?.code) {
        if (actor.type === 'igo' || actor.type === 'country') code = actor.code;
      }
    }
  }
  return code && type === 'media' && !code.startsWith('IGO') ? `${code}MED` : code;
}

/** The holder of a described role on the date, preferring actors already mentioned. */
function roleHolder(
  ctx: LinkContext,
  c: MentionCandidate,
  date: string | null,
  seen: ActorMention[],
): KbActor | undefined {
  const noun = c.roleNoun ?? '';
  const want = noun === 'head of state' ? undefined : ctx.lexicon.roleNouns.get(noun);
  const fits = (actor: KbActor) =>
    rolesOn(actor, date).some((r) => {
      if ((r.country ?? r.code) !== c.country && !r.code.startsWith(c.country ?? '-')) return false;
      if (noun === 'head of state') return r.office === 'head-of-state';
      if (want === '*' || want === undefined)
        return r.office === 'head-of-state' || r.office === 'head-of-government';
      return r.title.toLowerCase().includes(want);
    });
  const holders = (ctx.holders.get(c.country ?? '') ?? []).filter(fits);
  if (holders.length <= 1) return holders[0];
  const mentioned = new Set(seen.map((m) => m.actor));
  return holders.find((h) => mentioned.has(h.id)) ?? holders[0];
}

export function linkStage(ctx: () => LinkContext): Stage {
  return {
    name: 'link',
    requires: ['mentions'],
    assigns: ['links'],
    process(doc) {
      doc.links = isProcessable(doc) ? link(doc, ctx()) : [];
    },
  };
}
