/**
 * Generated test articles: short political news items written from our own sentence parts,
 * varied enough that no two are near-duplicates. Deterministic for a seed; ids are
 * `test-<seed>-<n>`, so two seeds never share an id.
 */
const COUNTRIES = [
  'France',
  'Germany',
  'Kenya',
  'Brazil',
  'Japan',
  'Canada',
  'Egypt',
  'Poland',
  'India',
  'Mexico',
  'Norway',
  'Chile',
  'Ghana',
  'Vietnam',
  'Portugal',
  'Morocco',
  'Finland',
  'Peru',
];
const CITIES = [
  'Lyon',
  'Hamburg',
  'Mombasa',
  'Recife',
  'Osaka',
  'Calgary',
  'Alexandria',
  'Gdansk',
  'Pune',
  'Monterrey',
  'Bergen',
  'Valparaiso',
  'Kumasi',
  'Hue',
  'Porto',
  'Fez',
  'Tampere',
  'Cusco',
];
const SUBJECTS = [
  'The foreign minister of {C}',
  'A spokeswoman for the government of {C}',
  'Opposition leaders in {C}',
  'The president of {C}',
  'Farmers from the north of {C}',
  'The central bank of {C}',
  'Trade unions in {C}',
  'The prime minister of {C}',
  'Students in {T}',
  'The mayor of {T}',
  'Judges of the supreme court of {C}',
  'Lawmakers from the ruling party of {C}',
];
const VERBS = [
  'announced',
  'criticised',
  'welcomed',
  'rejected',
  'postponed',
  'approved',
  'questioned',
  'defended',
  'proposed',
  'signed',
  'condemned',
  'praised',
];
const OBJECTS = [
  'a plan to build {N} new schools',
  'the proposed trade agreement with {K}',
  'new sanctions against {K}',
  'a loan of {N} million dollars from {K}',
  'the closure of {N} coal mines',
  'a reform of the pension system',
  'the arrest of {N} journalists',
  'an invitation to visit {K}',
  'a ceasefire along the border with {K}',
  'the budget for the coming year',
  'a ban on exports of grain',
  'a joint military exercise with {K}',
];
const TAILS = [
  'on Monday',
  'after two days of talks in {T}',
  'during a visit to {T}',
  'despite protests in {T}',
  'in a speech to parliament',
  'at a press conference in {T}',
  'late on Thursday',
  'in an interview with a radio station in {T}',
  'before the regional elections',
  'at a summit with leaders from {K}',
];

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TestArticle {
  id: string;
  title: string;
  text: string;
  date: string;
}

export function generateArticles(count: number, seed = 7): TestArticle[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const fill = (template: string) =>
    template
      .replace('{C}', pick(COUNTRIES))
      .replace('{K}', pick(COUNTRIES))
      .replace('{T}', pick(CITIES))
      .replace('{N}', String(2 + Math.floor(next() * 400)));
  return Array.from({ length: count }, (_, i) => {
    const sentences = Array.from(
      { length: 7 },
      () => `${fill(pick(SUBJECTS))} ${pick(VERBS)} ${fill(pick(OBJECTS))} ${fill(pick(TAILS))}.`,
    );
    const day = String(1 + (i % 28)).padStart(2, '0');
    return {
      id: `test-${seed}-${String(i + 1).padStart(3, '0')}`,
      title: `${pick(COUNTRIES)} ${pick(VERBS)} ${fill(pick(OBJECTS))}`,
      text: sentences.join(' '),
      date: `2024-03-${day}`,
    };
  });
}

/** The articles as JSONL lines (the `ingest` input format for batches). */
export function articlesJsonl(articles: readonly TestArticle[]): string {
  return articles.map((a) => JSON.stringify(a)).join('\n') + '\n';
}
