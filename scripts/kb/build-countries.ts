/**
 * Builds data/kb/countries.jsonl: one record per country or territory with an ISO 3166-1
 * alpha-3 code in i18n-iso-countries, sorted by id.
 *
 * Names come from the package (English, Russian, Ukrainian, Bulgarian); everything news
 * needs beyond that — the usual English name, other and former names, demonyms, capitals,
 * seats of power, notes — comes from the hand-written data/kb/sources/country-facts.jsonl
 * (one line per ISO code: {iso3, name?, aliases?, demonyms, capitals, seats?, note?}).
 * Edit that file, not the output, then run:
 *
 *   npx tsx scripts/kb/build-countries.ts
 *
 * Spelling variants are added mechanically: accents folded in Latin script (Élysée → Elysee),
 * straight and curly apostrophes (Côte d'Ivoire / Côte d’Ivoire), Cyrillic ё → е, and
 * "Saint X" → "St X" / "St. X".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import countries, { type LocaleData } from 'i18n-iso-countries';
import { validateActor, type KbActor } from '../../src/kb/schema.js';

const root = resolve(import.meta.dirname, '../..');
const FACTS = resolve(root, 'data/kb/sources/country-facts.jsonl');
const OUTPUT = resolve(root, 'data/kb/countries.jsonl');

/** Package locales, in the order their names are added to the aliases. */
const LOCALES = ['en', 'ru', 'uk', 'bg'] as const;

/**
 * Codes the package uses that are not (or not only) ISO 3166-1. Kosovo has no ISO code:
 * the package calls it XKK and has no XKX, so the record takes CAMEO's KSV as its code
 * and keeps the agreed id country-xkx.
 */
const OVERRIDES: Record<string, { id: string; code: string }> = {
  XKK: { id: 'country-xkx', code: 'KSV' },
};

interface CountryFacts {
  iso3: string;
  name?: string;
  aliases?: string[];
  demonyms: string[];
  capitals: string[];
  seats?: string[];
  note?: string;
}

const FACT_KEYS = new Set(['iso3', 'name', 'aliases', 'demonyms', 'capitals', 'seats', 'note']);

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '');
}

function readFacts(file: string, known: Set<string>): Map<string, CountryFacts> {
  const facts = new Map<string, CountryFacts>();
  const errors: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const at = `${file}:${i + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        errors.push(`${at}: not JSON: ${(e as Error).message}`);
        return;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push(`${at}: not an object`);
        return;
      }
      const f = value as Record<string, unknown>;
      for (const key of Object.keys(f)) {
        if (!FACT_KEYS.has(key)) errors.push(`${at}: unknown field "${key}"`);
      }
      if (typeof f.iso3 !== 'string' || !known.has(f.iso3)) {
        errors.push(`${at}: iso3 ${JSON.stringify(f.iso3)} is not in i18n-iso-countries`);
        return;
      }
      if (facts.has(f.iso3)) errors.push(`${at}: ${f.iso3} appears twice`);
      for (const key of ['demonyms', 'capitals'] as const) {
        if (!Array.isArray(f[key]) || (f[key].length && !isStringList(f[key]))) {
          errors.push(`${at}: ${key} must be a list of strings (empty when none, with a note)`);
        }
      }
      for (const key of ['aliases', 'seats'] as const) {
        if (f[key] !== undefined && !isStringList(f[key])) {
          errors.push(`${at}: ${key} must be a list of strings`);
        }
      }
      for (const key of ['name', 'note'] as const) {
        if (f[key] !== undefined && (typeof f[key] !== 'string' || !f[key].trim())) {
          errors.push(`${at}: ${key} must be a non-empty string`);
        }
      }
      facts.set(f.iso3, f as unknown as CountryFacts);
    });
  for (const iso3 of known) {
    if (!facts.has(iso3)) errors.push(`${file}: no line for ${iso3}`);
  }
  if (errors.length) throw new Error(errors.join('\n'));
  return facts;
}

/** Mechanical variants that are ordinary English words, never added (Malé → "Male"). */
const UNSAFE_VARIANTS = new Set(['Male']);

const CYRILLIC = /\p{Script=Cyrillic}/u;
const NON_LATIN = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

/** The string's mechanical spelling variants (not including itself). */
function variants(s: string): string[] {
  const out = new Set<string>();
  const queue = [s];
  const add = (v: string): void => {
    if (v !== s && !out.has(v) && !UNSAFE_VARIANTS.has(v)) {
      out.add(v);
      queue.push(v);
    }
  };
  while (queue.length) {
    const v = queue.shift() as string;
    if (v.includes("'")) add(v.replaceAll("'", '’'));
    if (v.includes('’')) add(v.replaceAll('’', "'"));
    if (CYRILLIC.test(v)) {
      if (/[ёЁ]/.test(v)) add(v.replaceAll('ё', 'е').replaceAll('Ё', 'Е'));
      if (/['’]/.test(v)) add(v.replace(/['’]/g, 'ʼ'));
    } else if (!NON_LATIN.test(v)) {
      const folded = v.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
      if (folded !== v.normalize('NFC')) add(folded);
    }
    if (/\bSaint /.test(v)) {
      add(v.replace(/\bSaint /g, 'St '));
      add(v.replace(/\bSaint /g, 'St. '));
    }
  }
  return [...out];
}

/** Case matters only for all-capital abbreviations (docs/kb.md). */
function dedupKey(s: string): string {
  return s === s.toUpperCase() && s !== s.toLowerCase() ? s : s.toLowerCase();
}

/** The forms with their variants, first occurrence kept, in order. */
function expand(forms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const form of forms) {
    for (const v of [form.trim(), ...variants(form.trim())]) {
      const key = dedupKey(v);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(v);
      }
    }
  }
  return out;
}

/**
 * ISO list forms with a comma or parentheses ("Korea, Republic of", "Taiwan, Province of
 * China", "Netherlands (Kingdom of the)") are not what news writes: they are dropped and
 * the facts file gives the forms news uses.
 */
function isListForm(name: string): boolean {
  return /[,()]/.test(name);
}

function packageNames(alpha3: string, locale: string): string[] {
  const names = countries.getName(alpha3, locale, { select: 'all' }) ?? [];
  return names.map((n) => n.trim()).filter((n) => n !== '');
}

function build(): { records: KbActor[]; dropped: string[] } {
  const require = createRequire(import.meta.url);
  for (const locale of LOCALES) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`) as LocaleData);
  }
  const codes = Object.keys(countries.getAlpha3Codes()).sort();
  const facts = readFacts(FACTS, new Set(codes));
  const records: KbActor[] = [];
  const dropped: string[] = [];
  for (const alpha3 of codes) {
    const f = facts.get(alpha3) as CountryFacts;
    const fromPackage: string[] = [];
    for (const locale of LOCALES) {
      for (const n of packageNames(alpha3, locale)) {
        if (isListForm(n)) dropped.push(`${alpha3} ${locale}: ${n}`);
        else fromPackage.push(n);
      }
    }
    const name = f.name ?? fromPackage[0];
    if (!name) throw new Error(`${alpha3}: no usable name; give one in ${FACTS}`);
    const override = OVERRIDES[alpha3];
    const code = override?.code ?? alpha3;
    const record: KbActor = {
      id: override?.id ?? `country-${alpha3.toLowerCase()}`,
      name,
      type: 'country',
      aliases: expand([name, ...(f.aliases ?? []), ...fromPackage]),
      code,
      country: code,
    };
    if (f.demonyms.length) record.demonyms = expand(f.demonyms);
    if (f.capitals.length) record.capitals = expand(f.capitals);
    if (f.seats?.length) record.seats = expand(f.seats);
    if (f.note) record.note = f.note;
    const problems = validateActor(record);
    if (problems.length) throw new Error(`${record.id}: ${problems.join('; ')}`);
    records.push(record);
  }
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { records, dropped };
}

/** Forms listed under more than one country, for the reviewer. */
function shared(records: KbActor[], field: 'aliases' | 'demonyms' | 'capitals'): string[] {
  const owners = new Map<string, string[]>();
  for (const r of records) {
    for (const form of r[field] ?? []) {
      const key = dedupKey(form);
      owners.set(key, [...(owners.get(key) ?? []), r.code as string]);
    }
  }
  return [...owners]
    .filter(([, codes]) => codes.length > 1)
    .map(([form, codes]) => `${form} (${codes.join(', ')})`);
}

const { records, dropped } = build();
writeFileSync(OUTPUT, records.map((r) => JSON.stringify(r)).join('\n') + '\n');

const total = (field: 'aliases' | 'demonyms' | 'capitals' | 'seats'): number =>
  records.reduce((n, r) => n + (r[field]?.length ?? 0), 0);
console.log(
  `${records.length} countries: ${total('aliases')} aliases, ${total('demonyms')} demonyms, ` +
    `${total('capitals')} capitals, ${total('seats')} seats → ${OUTPUT}`,
);
console.log(`package list forms dropped (${dropped.length}): ${dropped.join(' | ')}`);
const without = (field: 'demonyms' | 'capitals'): string =>
  records
    .filter((r) => !r[field])
    .map((r) => r.code)
    .join(' ');
console.log(`no demonym (see their notes): ${without('demonyms')}`);
console.log(`no capital (see their notes): ${without('capitals')}`);
for (const field of ['aliases', 'demonyms', 'capitals'] as const) {
  console.log(`${field} shared by several countries: ${shared(records, field).join(' | ')}`);
}
