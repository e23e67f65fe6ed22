/** The word lists of data/lexicons/actors.json, loaded once and checked. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NewsgraphError } from '../../core/errors.js';

export interface ActorLexicon {
  titleWords: Set<string>;
  /** Role noun phrase (normalised) → word its role title must contain ("*": any). */
  roleNouns: Map<string, string>;
  organizationWords: Set<string>;
  /** Words a party name shared by parties of many countries is made of ("Social Democrats"). */
  partyNameWords: Set<string>;
  mediaWords: Set<string>;
  speechVerbs: Set<string>;
  placePrepositions: Set<string>;
  months: Set<string>;
  personPronouns: Map<string, 'm' | 'f'>;
  nominative: Set<string>;
  thingPronouns: Set<string>;
  /** Title word → sector, in priority order. */
  titleSectors: [string, string][];
  /** The title words of `titleSectors`, for membership tests. */
  titleSectorWords: Set<string>;
  /** Capitalised common nouns that are never a name on their own. */
  commonNouns: Set<string>;
  /** Capitalised words that open a sentence or quotation, never a name's first word ("Today"). */
  notNameWords: Set<string>;
  /** Organisation word → sector, for unknown organisations of a known country. */
  organizationSectors: Map<string, string>;
  /** First and last words that make a capitalised run a place, event or adjective. */
  notPersonFirst: Set<string>;
  notPersonLast: Set<string>;
  /** Country names that are also other places → cues (lower case) that mean the other place. */
  otherPlaces: Map<string, string[]>;
}

export const LEXICON_FILE = resolve(import.meta.dirname, '../../../data/lexicons/actors.json');

let cached: ActorLexicon | undefined;

function words(data: Record<string, unknown>, key: string): string[] {
  const entry = data[key] as { words?: unknown; reason?: unknown } | undefined;
  if (!entry || !Array.isArray(entry.words) || typeof entry.reason !== 'string') {
    throw new NewsgraphError('NG_KB_INVALID', `lexicon "${key}" needs words[] and a reason`, {
      file: LEXICON_FILE,
    });
  }
  return (entry.words as unknown[]).map((w) => String(w).toLowerCase());
}

export function actorLexicon(file = LEXICON_FILE): ActorLexicon {
  if (cached && file === LEXICON_FILE) return cached;
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const roleNouns = (data.roleNouns as { words?: Record<string, string> } | undefined)?.words;
  const pronouns = data.pronouns as {
    person: Record<string, 'm' | 'f'>;
    nominative: string[];
    thing: string[];
  };
  if (!roleNouns || !pronouns?.person) {
    throw new NewsgraphError('NG_KB_INVALID', 'lexicon needs roleNouns and pronouns', {
      file: LEXICON_FILE,
    });
  }
  const titleSectors = Object.entries(
    (data.titleSectors as { words?: Record<string, string> } | undefined)?.words ?? {},
  );
  const lexicon: ActorLexicon = {
    titleWords: new Set(words(data, 'titleWords')),
    roleNouns: new Map(Object.entries(roleNouns)),
    organizationWords: new Set(words(data, 'organizationWords')),
    partyNameWords: new Set(words(data, 'partyNameWords')),
    mediaWords: new Set(words(data, 'mediaWords')),
    speechVerbs: new Set(words(data, 'speechVerbs')),
    placePrepositions: new Set(words(data, 'placePrepositions')),
    months: new Set(words(data, 'months')),
    personPronouns: new Map(Object.entries(pronouns.person)),
    nominative: new Set(pronouns.nominative),
    thingPronouns: new Set(pronouns.thing),
    commonNouns: new Set(words(data, 'commonNouns')),
    notNameWords: new Set(words(data, 'notNameWords')),
    organizationSectors: new Map(
      Object.entries(
        (data.organizationSectors as { words?: Record<string, string> } | undefined)?.words ?? {},
      ),
    ),
    notPersonFirst: new Set(
      ((data.notPersonNames as { first?: string[] } | undefined)?.first ?? []).map((w) =>
        w.toLowerCase(),
      ),
    ),
    notPersonLast: new Set(
      ((data.notPersonNames as { last?: string[] } | undefined)?.last ?? []).map((w) =>
        w.toLowerCase(),
      ),
    ),
    otherPlaces: new Map(
      Object.entries(
        (data.otherPlaces as { names?: Record<string, string[]> } | undefined)?.names ?? {},
      ),
    ),
    titleSectors,
    titleSectorWords: new Set(titleSectors.map(([word]) => word)),
  };
  if (file === LEXICON_FILE) cached = lexicon;
  return lexicon;
}
