/** Mention layers of the actor stages. */
import type { Span } from '../../core/offsets.js';
import type { AliasEntry } from '../../kb/kb.js';
import type { ActorType } from '../../kb/schema.js';

/** A title before a name: "Russian President", "the EU's High Representative for …". */
export interface TitleSpan extends Span {
  text: string;
  /** Normalised words of the title. */
  words: string[];
  /** ISO alpha-3 of a demonym or country in the title ("Russian" → RUS). */
  country: string | null;
  /** KB id of an organisation named in the title ("NATO", "the EU's"). */
  org: string | null;
  /**
   * No title word, only a country or an organisation next to the name ("Syrian X", "leading
   * Hamas figure X", "X of Ghana"): evidence of the code, not a title to corroborate a link.
   */
  bare?: boolean;
}

export type CandidateKind = 'kb' | 'unknown' | 'agent' | 'role';

/** What the `mentions` stage finds; `link` decides which actor each one is. */
export interface MentionCandidate extends Span {
  text: string;
  kind: CandidateKind;
  /** Index into Document.sentences. */
  sentence: number;
  /** The first actor mention of its sentence: pronouns prefer these. */
  subject: boolean;
  /** kb: the alias entries the text matched (several when ambiguous). */
  entries: AliasEntry[];
  title?: TitleSpan;
  /** agent: sector of the role noun ("troops" → MIL) and the country it belongs to. */
  sector?: string;
  country?: string;
  /** role: the role noun phrase ("president") and its country or organisation. */
  roleNoun?: string;
  /** kb: a capital or seat named as a place ("in Dublin"), not as the government. */
  place?: boolean;
  /** unknown: cues seen around the name (title, speech verb, organisation word…). */
  cues?: string[];
}

/** A mention linked to an actor: a KB id or `unlinked:<normalised name>`. */
export interface ActorMention extends Span {
  text: string;
  actor: string;
  /** The code this mention gives its actor here: RUSGOV for "the Kremlin", RUSMIL for troops. */
  code: string | null;
  /** unlinked: the sector of a title that names no country ("Senator X" → LEG). */
  sector?: string;
  /** How it was linked: alias, title, translit, fuzzy+title, metonym, agent, coref-surname… */
  method: string;
  type: ActorType;
  sentence: number;
  subject: boolean;
  gender?: 'm' | 'f';
  title?: string;
}
