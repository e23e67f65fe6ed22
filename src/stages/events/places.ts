/**
 * Event locations: a place named after "in", "at", "near", "outside" or "from" in the event's
 * sentence — a city of the gazetteer (data/places/cities.jsonl: GeoNames cities of 50,000 or
 * more, capitals and regional seats, with coordinates), a KB place (Crimea, the West Bank) or a
 * country. Among cities of one name, one in a country of the event (its source or target) or
 * of the article wins, else the most populous.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NewsgraphError } from '../../core/errors.js';
import { aliasKey } from '../../kb/normalize.js';

export const CITIES_FILE = resolve(import.meta.dirname, '../../../data/places/cities.jsonl');
export const PLACE_ALIASES_FILE = resolve(import.meta.dirname, '../../../data/places/aliases.json');

export interface City {
  name: string;
  country: string;
  lat: number;
  lon: number;
  population: number;
}

export interface Gazetteer {
  /** aliasKey(name) → cities of that name, most populous first. */
  byName: Map<string, City[]>;
  /** The longest name in words, to bound lookups. */
  maxWords: number;
}

let cached: Gazetteer | undefined;

function add(map: Map<string, City[]>, key: string, city: City): void {
  const list = map.get(key) ?? [];
  if (!list.includes(city)) list.push(city);
  list.sort((a, b) => b.population - a.population);
  map.set(key, list);
}

export function loadGazetteer(file = CITIES_FILE, aliasesFile = PLACE_ALIASES_FILE): Gazetteer {
  if (cached && file === CITIES_FILE && aliasesFile === PLACE_ALIASES_FILE) return cached;
  const byName = new Map<string, City[]>();
  let maxWords = 1;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new NewsgraphError('NG_PIPELINE_CONFIG', 'cannot read the city gazetteer', { file });
  }
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let city: City;
    try {
      city = JSON.parse(line) as City;
    } catch {
      throw new NewsgraphError('NG_PIPELINE_CONFIG', 'gazetteer line is not JSON', {
        file,
        line: i + 1,
      });
    }
    const key = aliasKey(city.name);
    maxWords = Math.max(maxWords, key.split(' ').length);
    add(byName, key, city);
  });
  const aliases = JSON.parse(readFileSync(aliasesFile, 'utf8')) as {
    aliases: { alias: string; name: string; country: string }[];
  };
  for (const a of aliases.aliases) {
    const city = byName.get(aliasKey(a.name))?.find((c) => c.country === a.country);
    if (!city) {
      throw new NewsgraphError(
        'NG_PIPELINE_CONFIG',
        `place alias ${a.alias}: no city ${a.name} in ${a.country}`,
        {
          file: aliasesFile,
        },
      );
    }
    add(byName, aliasKey(a.alias), city);
  }
  const gazetteer = { byName, maxWords };
  if (file === CITIES_FILE && aliasesFile === PLACE_ALIASES_FILE) cached = gazetteer;
  return gazetteer;
}

/** The city a name stands for, preferring the given countries, else the most populous. */
export function lookupCity(
  gazetteer: Gazetteer,
  name: string,
  countries: readonly string[],
): City | undefined {
  const list = gazetteer.byName.get(aliasKey(name));
  if (!list) return undefined;
  return list.find((c) => countries.includes(c.country)) ?? list[0];
}
