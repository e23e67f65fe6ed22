/**
 * The clause context events read: the quote stage's (tokens, mentions, lexicon) plus what only
 * event arguments need — a demonym standing for its country ("an Indian proposal", "the
 * British sailors", "Israelis and Palestinians") and a place named as such ("in Damascus",
 * "from Gaza"), which the actor list leaves out.
 */
import type { Document, Token } from '../../core/document.js';
import { agentSector, plainAgentSector, type KnowledgeBase } from '../../kb/kb.js';
import type { KbActor } from '../../kb/schema.js';
import { aliasKey } from '../../kb/normalize.js';
import type { ActorResult } from '../../output/result.js';
import type { ActorLexicon } from '../actors/lexicon.js';
import type { ActorMention, MentionCandidate } from '../actors/types.js';
import type { QuoteRules } from '../quotes/rules.js';
import { QuoteContext } from '../quotes/speaker.js';

/** The country an actor is or is in: a country's own code, else its country. */
function countryOf(actor: KbActor | undefined): string | undefined {
  const code = actor?.type === 'country' ? actor.code : (actor?.country ?? actor?.code);
  return code ? code.slice(0, 3) : undefined;
}

export class EventContext extends QuoteContext {
  /**
   * Token index → a demonym or place mention standing for a country, or null: worked out for
   * a token the first time an argument search asks (most tokens are never asked about).
   */
  private readonly extra = new Map<number, ActorMention | null>();
  /** The place each token lies in, by token index. */
  private readonly placeAt = new Map<number, { start: number; end: number; code: string }>();
  /** Role nouns → sectors (the KB's agents): "police" → COP. */
  private readonly agents: ReadonlyMap<string, string>;

  constructor(
    doc: Document,
    rules: QuoteRules,
    lexicon: ActorLexicon,
    actors: ReadonlyMap<string, ActorResult>,
    kb: KnowledgeBase | undefined,
  ) {
    super(doc, rules, lexicon, actors);
    this.agents = kb?.agents ?? new Map<string, string>();
    this.kb = kb;
    if (kb) this.indexPlaces(doc, kb);
  }

  private readonly kb: KnowledgeBase | undefined;

  /**
   * The actor an "anti-" word is against: "anti-Putin" (a mention inside the word),
   * "anti-American" (a demonym). Undefined for other words ("anti-government" names no actor).
   */
  againstIn(t: number): ActorMention | undefined {
    const token = this.tokens[t];
    if (!token || !/^anti-./.test(token.normal)) return undefined;
    const from = token.start + 5;
    const inside = super.mentionsIn(t, t + 1).find((m) => m.start >= from);
    if (inside) return inside;
    const rest = aliasKey(this.text(from, token.end));
    const iso = this.kb?.demonyms.get(rest) ?? this.kb?.demonyms.get(rest.replace(/s$/, ''));
    if (!iso) return undefined;
    const country = this.kb?.countries.get(iso);
    return {
      start: from,
      end: token.end,
      text: this.text(from, token.end),
      actor: country?.id ?? `country:${iso}`,
      code: iso,
      method: 'demonym',
      type: 'country',
      sentence: this.sentenceOf[t] ?? 0,
      subject: false,
    };
  }

  /** …or a body by its role noun: "the opposition", "a police post" (the KB's agents). */
  override namesRole(head: Token, phrase: string): boolean {
    return super.namesRole(head, phrase) || plainAgentSector(this.agents, phrase) !== undefined;
  }

  /** The sector a description names ("the protesters" → CVL), if its head is a role noun. */
  sectorOf(description: string): string | undefined {
    return agentSector(this.agents, description);
  }

  /**
   * Whether a description names someone who could be looked up: a body by its role noun
   * ("the police", "thousands of protesters") or an office by its title ("the president",
   * "the foreign minister"). "Innocent civilians" is a role; "they", "many countries" and
   * "their family members" are not.
   */
  identifies(description: string): boolean {
    if (this.sectorOf(description) !== undefined) return true;
    const words = (description.split(/\s+(?:of|for|in|at|from|with|on|by)\s+/i)[0] ?? '')
      .toLowerCase()
      .replace(/[.,'’]/g, '')
      .split(/\s+/)
      .filter(Boolean);
    const last = words.at(-1) ?? '';
    const lastTwo = words.slice(-2).join(' ');
    return (
      this.lexicon.titleSectorWords.has(last) ||
      this.lexicon.roleNouns.has(last) ||
      this.lexicon.roleNouns.has(lastTwo)
    );
  }

  private indexPlaces(doc: Document, kb: KnowledgeBase): void {
    // Places named as such ("in Damascus") and places of the KB (Crimea, the West Bank), which
    // are linked but not listed as actors: spans with the country they are in.
    const places: { start: number; end: number; code: string }[] = [];
    for (const c of (doc.mentions as MentionCandidate[] | undefined) ?? []) {
      if (c.kind !== 'kb' || !c.place) continue;
      const code = c.entries
        .map((e) => countryOf(kb.actors.get(e.actor)))
        .find((x) => x !== undefined);
      if (code) places.push({ start: c.start, end: c.end, code });
    }
    for (const link of (doc.links as ActorMention[] | undefined) ?? []) {
      const actor = kb.actors.get(link.actor);
      const code = actor?.type === 'place' ? countryOf(actor) : undefined;
      if (code) places.push({ start: link.start, end: link.end, code });
    }
    // The place each token lies in, by token index (not a search per token).
    for (const place of places) {
      for (let t = this.tokenAt(place.start); t < this.tokens.length; t++) {
        const token = this.tokens[t];
        if (!token || token.start >= place.end) break;
        if (token.start >= place.start && token.end <= place.end && !this.placeAt.has(t)) {
          this.placeAt.set(t, place);
        }
      }
    }
  }

  /** The demonym or place mention token t stands in, if no listed actor's mention covers it. */
  private extraAt(t: number): ActorMention | undefined {
    const known = this.extra.get(t);
    if (known !== undefined) return known ?? undefined;
    let found: ActorMention | null = null;
    const token = this.tokens[t];
    const kb = this.kb;
    if (token && kb && !super.mentionAt(t)) {
      const place = this.placeAt.get(t);
      const iso = place ? place.code : this.demonym(t, kb);
      if (iso) {
        const country = kb.countries.get(iso);
        const start = place?.start ?? token.start;
        const end = place?.end ?? token.end;
        found = {
          start,
          end,
          text: this.doc.text.slice(start, end),
          actor: country?.id ?? `country:${iso}`,
          code: iso,
          method: place ? 'place' : 'demonym',
          type: 'country',
          sentence: this.sentenceOf[t] ?? 0,
          subject: false,
        };
      }
    }
    this.extra.set(t, found);
    return found ?? undefined;
  }

  /** "Indian", "Israelis", "Palestinians": a capitalised demonym, singular or plural. */
  private demonym(t: number, kb: KnowledgeBase): string | undefined {
    const token = this.tokens[t];
    if (!token || token.pos === 'PUNCT' || token.pos === 'NUM') return undefined;
    const first = this.doc.text.charCodeAt(token.start);
    if (first < 65 || (first > 90 && first < 128)) return undefined; // not a capital
    if (first >= 128 && !/^\p{Lu}/u.test(this.text(token.start, token.start + 1))) return undefined;
    // Plain ASCII words are their own key; only others need the full normalisation.
    const key = /^[a-z]+$/.test(token.normal)
      ? token.normal
      : aliasKey(this.text(token.start, token.end));
    return (
      kb.demonyms.get(key) ?? (key.endsWith('s') ? kb.demonyms.get(key.slice(0, -1)) : undefined)
    );
  }

  override mentionAt(t: number): ActorMention | undefined {
    return super.mentionAt(t) ?? this.extraAt(t);
  }

  override mentionsIn(a: number, b: number): ActorMention[] {
    const found = super.mentionsIn(a, b);
    for (let t = a; t < b; t++) {
      const m = this.extraAt(t);
      if (m && !found.includes(m)) found.push(m);
    }
    return found.sort((x, y) => x.start - y.start);
  }
}
