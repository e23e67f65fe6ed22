/** The city gazetteer and event locations. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewsgraphError } from '../../../../src/core/errors.js';
import { createExtractor } from '../../../../src/extract.js';
import { loadGazetteer, lookupCity } from '../../../../src/stages/events/places.js';

test('the gazetteer finds cities by name, news spellings and accents folded', () => {
  const g = loadGazetteer();
  assert.ok(g.byName.size > 5000);
  assert.equal(lookupCity(g, 'Kiev', [])?.name, 'Kyiv');
  assert.equal(lookupCity(g, 'Washington', [])?.country, 'USA');
  assert.equal(lookupCity(g, 'Brasilia', [])?.name, 'Brasília');
  assert.equal(lookupCity(g, 'Narnia', []), undefined);
});

test('among cities of one name, the event country wins, else the most populous', () => {
  const g = loadGazetteer();
  assert.equal(lookupCity(g, 'Odessa', ['UKR'])?.country, 'UKR');
  assert.equal(lookupCity(g, 'Odessa', ['USA'])?.country, 'USA');
  const [first] = g.byName.get('odessa') ?? [];
  assert.equal(lookupCity(g, 'Odessa', [])?.population, first?.population);
});

test('a bad gazetteer or alias is refused with NG_PIPELINE_CONFIG', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-places-'));
  const cities = join(dir, 'cities.jsonl');
  const aliases = join(dir, 'aliases.json');
  writeFileSync(
    cities,
    '{"name":"Kyiv","country":"UKR","lat":50.45,"lon":30.52,"population":1}\n{oops\n',
  );
  writeFileSync(aliases, '{"aliases": []}');
  assert.throws(
    () => loadGazetteer(cities, aliases),
    (e: unknown) =>
      e instanceof NewsgraphError &&
      e.code === 'NG_PIPELINE_CONFIG' &&
      /line/.test(JSON.stringify(e.context)),
  );
  writeFileSync(cities, '{"name":"Kyiv","country":"UKR","lat":50.45,"lon":30.52,"population":1}\n');
  writeFileSync(aliases, '{"aliases": [{"alias": "Kiev", "name": "Kyiv", "country": "RUS"}]}');
  assert.throws(() => loadGazetteer(cities, aliases), /no city Kyiv in RUS/);
});

test('an event is located at the place named in its sentence, with coordinates for cities', async () => {
  const e = createExtractor({ fallbackDate: '2025-08-25' });
  await e.init();
  const at = (text: string) =>
    e.extract({ format: 'txt', title: null, text, origin: { file: 't' } }).events[0]?.location;
  assert.deepEqual(at('Russian forces shelled Ukrainian towns near Kharkiv.'), {
    name: 'Kharkiv',
    country: 'UKR',
    lat: 49.9808,
    lon: 36.2527,
  });
  assert.equal(at('Lula met Putin in Brasilia.')?.name, 'Brasília');
  assert.deepEqual(at('Russia attacked targets in Ukraine.'), {
    name: 'Ukraine',
    country: 'UKR',
    lat: null,
    lon: null,
  });
  assert.equal(at('Georgia severed diplomatic relations with Russia.'), null);
});
