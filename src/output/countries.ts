/**
 * Countries for the export layouts (data/exports/countries.json): ISO 3166-1 alpha-3 → the
 * FIPS 10-4 / GEC code that GDELT's geographic columns use, and an English short name for
 * GDELT's `*Geo_FullName`. Checked on load; errors are NG_KB_INVALID.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NewsgraphError } from '../core/errors.js';

export const COUNTRIES_FILE = resolve(import.meta.dirname, '../../data/exports/countries.json');

export interface Country {
  iso3: string;
  /** FIPS 10-4 / GEC code (`UP` for Ukraine), null for the few territories without one. */
  fips: string | null;
  name: string;
}

export interface Countries {
  /** By ISO alpha-3, or by an alias such as CAMEO's `KSV` for Kosovo. */
  get(code: string): Country | undefined;
  /** By English short name, case-insensitive. */
  byName(name: string): Country | undefined;
}

export function loadCountries(file = COUNTRIES_FILE): Countries {
  let data: { aliases?: unknown; countries?: unknown };
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as typeof data;
  } catch (error) {
    throw new NewsgraphError('NG_KB_INVALID', `cannot read: ${(error as Error).message}`, { file });
  }
  const entries = data.countries;
  if (typeof entries !== 'object' || entries === null) {
    throw new NewsgraphError('NG_KB_INVALID', '"countries" must map ISO codes to records', {
      file,
    });
  }
  const byCode = new Map<string, Country>();
  const byName = new Map<string, Country>();
  for (const [iso3, value] of Object.entries(entries as Record<string, unknown>)) {
    const record = value as { fips?: unknown; name?: unknown };
    const fips = record?.fips ?? null;
    if (
      !/^[A-Z]{3}$/.test(iso3) ||
      typeof record?.name !== 'string' ||
      (fips !== null && (typeof fips !== 'string' || !/^[A-Z]{2}$/.test(fips)))
    ) {
      throw new NewsgraphError('NG_KB_INVALID', `country ${iso3}: needs a name and a FIPS code`, {
        file,
      });
    }
    const country = { iso3, fips, name: record.name };
    byCode.set(iso3, country);
    byName.set(record.name.toLowerCase(), country);
  }
  for (const [alias, iso3] of Object.entries((data.aliases ?? {}) as Record<string, string>)) {
    const country = byCode.get(iso3);
    if (!country) {
      throw new NewsgraphError('NG_KB_INVALID', `alias ${alias}: no country ${iso3}`, { file });
    }
    byCode.set(alias, country);
  }
  return {
    get: (code) => byCode.get(code),
    byName: (name) => byName.get(name.toLowerCase()),
  };
}

let cached: Countries | undefined;

/** The built-in table, read once. */
export function countries(): Countries {
  cached ??= loadCountries();
  return cached;
}
