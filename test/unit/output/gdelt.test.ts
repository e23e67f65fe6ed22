/** The GDELT 2.0 Event table layout, on real extraction results. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewsgraphError } from '../../../src/core/errors.js';
import { splitActorCode } from '../../../src/output/actor-code.js';
import { countries, loadCountries } from '../../../src/output/countries.js';
import { exportEventsOf, type ExportEvent } from '../../../src/output/export-event.js';
import { GDELT_COLUMNS, gdeltEventId, gdeltHeader, gdeltLine } from '../../../src/output/gdelt.js';
import { goldsteinScale, loadGoldstein } from '../../../src/output/goldstein.js';
import { extractArticle, TALKS } from './export-fixtures.js';

const ADDED = new Date('2025-03-05T10:11:12Z');

/** Lines of the export parsed back into column → value records. */
function parse(text: string): Record<string, string>[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const cells = line.split('\t');
      assert.equal(cells.length, 61, `61 columns: ${line}`);
      return Object.fromEntries(GDELT_COLUMNS.map((name, i) => [name, cells[i] ?? '']));
    });
}

async function talksRows(): Promise<{ events: ExportEvent[]; rows: Record<string, string>[] }> {
  const events = exportEventsOf(await extractArticle(TALKS), ADDED);
  return { events, rows: parse(events.map(gdeltLine).join('')) };
}

function rowFor(rows: Record<string, string>[], documentId: string, eventId: string) {
  const id = String(gdeltEventId(documentId, eventId));
  const row = rows.find((r) => r.GLOBALEVENTID === id);
  assert.ok(row, `a row for ${eventId}`);
  return row;
}

/** The event of the real result whose trigger contains these words. */
function eventWith(events: ExportEvent[], words: string): ExportEvent {
  const found = events.find((e) => e.event.trigger.text.includes(words));
  assert.ok(
    found,
    `an event triggered by "${words}" in ${events.map((e) => e.event.trigger.text)}`,
  );
  return found;
}

test('the column list is the codebook order: 61 names, actors, action, three geographies', () => {
  assert.equal(GDELT_COLUMNS.length, 61);
  assert.deepEqual(GDELT_COLUMNS.slice(0, 7), [
    'GLOBALEVENTID',
    'SQLDATE',
    'MonthYear',
    'Year',
    'FractionDate',
    'Actor1Code',
    'Actor1Name',
  ]);
  assert.equal(GDELT_COLUMNS[25], 'IsRootEvent');
  assert.equal(GDELT_COLUMNS[30], 'GoldsteinScale');
  assert.equal(GDELT_COLUMNS[35], 'Actor1Geo_Type');
  assert.equal(GDELT_COLUMNS[51], 'ActionGeo_Type');
  assert.deepEqual(GDELT_COLUMNS.slice(-2), ['DATEADDED', 'SOURCEURL']);
  assert.equal(gdeltHeader(), `${GDELT_COLUMNS.join('\t')}\n`);
});

test('a refusal to meet: actor codes split, CAMEO hierarchy, Goldstein, date, city, lead', async () => {
  const { events, rows } = await talksRows();
  const e = eventWith(events, 'refused to meet');
  const row = rowFor(rows, TALKS.id, e.event.id);
  assert.equal(row.Actor1Code, 'RUSGOV');
  assert.equal(row.Actor1Name, 'VLADIMIR PUTIN');
  assert.equal(row.Actor1CountryCode, 'RUS');
  assert.equal(row.Actor1Type1Code, 'GOV');
  assert.equal(row.Actor1KnownGroupCode, '');
  assert.equal(row.EventCode, '125');
  assert.equal(row.EventBaseCode, '125');
  assert.equal(row.EventRootCode, '12');
  assert.equal(row.QuadClass, '3');
  assert.equal(row.GoldsteinScale, '-5');
  // "on Tuesday" before the publication date, Tuesday 4 March 2025.
  assert.equal(row.SQLDATE, '20250304');
  assert.equal(row.MonthYear, '202503');
  assert.equal(row.Year, '2025');
  assert.equal(row.FractionDate, (2025 + (2 * 30 + 4) / 365).toFixed(4));
  assert.equal(row.IsRootEvent, '1');
  assert.equal(row.NumMentions, '1');
  assert.equal(row.NumSources, '1');
  assert.equal(row.NumArticles, '1');
  assert.equal(row.AvgTone, '');
  assert.equal(row.ActionGeo_Type, '4');
  assert.equal(row.ActionGeo_FullName, 'Istanbul, Turkey');
  assert.equal(row.ActionGeo_CountryCode, 'TU'); // FIPS, not ISO's TR
  assert.equal(row.ActionGeo_Lat, '41.0138');
  assert.equal(row.ActionGeo_Long, '28.9497');
  assert.equal(row.Actor1Geo_Type, '0');
  assert.equal(row.DATEADDED, '20250305101112');
  assert.equal(row.SOURCEURL, TALKS.url);
});

test('the event date wins over the publication date; a later paragraph is no root event', async () => {
  const { events, rows } = await talksRows();
  const e = eventWith(events, 'shelled');
  const row = rowFor(rows, TALKS.id, e.event.id);
  assert.equal(row.SQLDATE, '20250227'); // "on Thursday", before 4 March
  assert.equal(row.IsRootEvent, '0');
  assert.equal(row.Actor1Code, 'RUSMIL');
  assert.equal(row.Actor1Type1Code, 'MIL');
  // A whole country: type 1, FIPS code also as ADM1 and feature id, as GDELT writes it.
  assert.equal(row.ActionGeo_Type, '1');
  assert.equal(row.ActionGeo_FullName, 'Ukraine');
  assert.equal(row.ActionGeo_CountryCode, 'UP');
  assert.equal(row.ActionGeo_ADM1Code, 'UP');
  assert.equal(row.ActionGeo_FeatureID, 'UP');
  assert.equal(row.ActionGeo_Lat, '');
});

test('a region is a first-order division, a US city type 3', async () => {
  const { events, rows } = await talksRows();
  const darfur = rowFor(rows, TALKS.id, eventWith(events, 'attacked').event.id);
  assert.equal(darfur.ActionGeo_Type, '5');
  assert.equal(darfur.ActionGeo_FullName, 'Darfur, Sudan');
  assert.equal(darfur.ActionGeo_CountryCode, 'SU');
  const chicago = rowFor(rows, TALKS.id, eventWith(events, 'met').event.id);
  assert.equal(chicago.ActionGeo_Type, '3');
  assert.equal(chicago.ActionGeo_CountryCode, 'US');
  assert.equal(chicago.Actor2CountryCode, 'USA');
  assert.equal(chicago.EventRootCode, '04');
});

test('an IGO: its own code is the known group, IGO the type; a root-level code is its own base', async () => {
  const { events, rows } = await talksRows();
  const row = rowFor(rows, TALKS.id, eventWith(events, 'urged').event.id);
  assert.equal(row.Actor1Code, 'IGOUNO');
  assert.equal(row.Actor1Name, 'UNITED NATIONS');
  assert.equal(row.Actor1KnownGroupCode, 'UNO');
  assert.equal(row.Actor1Type1Code, 'IGO');
  assert.equal(row.Actor1CountryCode, '');
  assert.equal(row.EventCode, '02');
  assert.equal(row.EventBaseCode, '02');
  assert.equal(row.EventRootCode, '02');
  assert.equal(row.GoldsteinScale, '3');
});

test('an event stated twice counts two mentions; a negated event is not written', async () => {
  const { events, rows } = await talksRows();
  const twice = events.find((e) => e.event.mentions.length === 2);
  assert.ok(twice, 'the rejection stated twice is one event with two mentions');
  assert.equal(rowFor(rows, TALKS.id, twice.event.id).NumMentions, '2');
  const negated = events.find((e) => e.event.negated);
  assert.ok(negated, 'the article has a negated sanction');
  assert.equal(gdeltLine(negated), '');
  assert.equal(rows.length, events.length - 1);
});

test('event ids are stable integers below 2^53, different per document and event', () => {
  const a = gdeltEventId('doc-talks', 'e1');
  assert.equal(a, gdeltEventId('doc-talks', 'e1'));
  assert.ok(Number.isSafeInteger(a) && a >= 0);
  assert.notEqual(a, gdeltEventId('doc-talks', 'e2'));
  assert.notEqual(a, gdeltEventId('doc-other', 'e1'));
});

test('tabs and line breaks inside a value do not break the line', async () => {
  const { events } = await talksRows();
  const e = eventWith(events, 'urged');
  const hostile: ExportEvent = { ...e, url: 'https://x.example/a\tb\nc' };
  const [row] = parse(gdeltLine(hostile));
  assert.equal(row?.SOURCEURL, 'https://x.example/a b c');
});

test('CAMEO actor codes split into country, known group, religion and types', () => {
  assert.deepEqual(splitActorCode('RUSGOV'), {
    country: 'RUS',
    knownGroup: null,
    religions: [],
    types: ['GOV'],
  });
  assert.deepEqual(splitActorCode('IGOEUREEC'), {
    country: 'EUR',
    knownGroup: 'EEC',
    religions: [],
    types: ['IGO'],
  });
  // Nested organisations: the last code is the actor itself.
  assert.equal(splitActorCode('IGOUNOREFHCR').knownGroup, 'HCR');
  assert.deepEqual(splitActorCode('IGOUNOREFHCR').types, ['IGO', 'REF']);
  assert.deepEqual(splitActorCode('SYRREBMUS'), {
    country: 'SYR',
    knownGroup: null,
    religions: ['MUS'],
    types: ['REB'],
  });
  assert.equal(splitActorCode('KSVGOV').country, 'KSV');
  assert.equal(splitActorCode('PSEREBHMS').knownGroup, 'HMS');
  for (const odd of [null, '', 'RU', 'rusgov', 'RUSGO']) {
    assert.deepEqual(splitActorCode(odd), {
      country: null,
      knownGroup: null,
      religions: [],
      types: [],
    });
  }
});

test('the Goldstein table covers every CAMEO code of the rules with published values', () => {
  const scale = goldsteinScale();
  assert.equal(scale.get('125'), -5);
  assert.equal(scale.get('0874'), 10);
  assert.equal(scale.get('190'), -10);
  assert.equal(scale.get('1213'), -4); // not in GDELT's table: its base code's value
  for (const value of scale.values()) assert.ok(value >= -10 && value <= 10);
});

test('a bad Goldstein table is NG_KB_INVALID, naming what is wrong', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-goldstein-'));
  const cameo = join(dir, 'cameo.json');
  writeFileSync(cameo, JSON.stringify({ codes: [{ code: '01' }, { code: '125' }] }));
  const write = (name: string, content: string) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  const cases: [string, string, RegExp][] = [
    ['range.json', '{"source":"t","scale":{"01":0,"125":-11}}', /125.*\[-10, 10\]/],
    ['text.json', '{"source":"t","scale":{"01":0,"125":"-5"}}', /125/],
    ['missing.json', '{"source":"t","scale":{"01":0}}', /125/],
    ['code.json', '{"source":"t","scale":{"01":0,"125":-5,"1x":1}}', /1x/],
    ['shape.json', '{"scale":{"01":0}}', /source/],
    ['broken.json', '{"source":', /not JSON/],
  ];
  for (const [name, content, message] of cases) {
    assert.throws(
      () => loadGoldstein(write(name, content), cameo),
      (e: unknown) =>
        e instanceof NewsgraphError && e.code === 'NG_KB_INVALID' && message.test(e.message),
      name,
    );
  }
  assert.throws(
    () => loadGoldstein(join(dir, 'absent.json'), cameo),
    (e: unknown) => e instanceof NewsgraphError && e.code === 'NG_KB_INVALID',
  );
  assert.equal(
    loadGoldstein(write('good.json', '{"source":"t","scale":{"01":0,"125":-5}}'), cameo).get('125'),
    -5,
  );
});

test('countries: FIPS codes differ from ISO; Kosovo by its CAMEO and PLOVER codes; bad tables', () => {
  assert.equal(countries().get('UKR')?.fips, 'UP');
  assert.equal(countries().get('GBR')?.fips, 'UK');
  assert.equal(countries().get('DEU')?.fips, 'GM');
  assert.equal(countries().get('KSV')?.fips, 'KV');
  assert.equal(countries().get('KOS')?.iso3, 'XKX');
  assert.equal(countries().byName('ukraine')?.iso3, 'UKR');
  const dir = mkdtempSync(join(tmpdir(), 'ng-countries-'));
  const file = join(dir, 'c.json');
  writeFileSync(file, '{"countries":{"UKR":{"fips":"UPX","name":"Ukraine"}}}');
  assert.throws(
    () => loadCountries(file),
    (e: unknown) =>
      e instanceof NewsgraphError && e.code === 'NG_KB_INVALID' && /UKR/.test(e.message),
  );
  writeFileSync(file, '{"aliases":{"KSV":"XKX"},"countries":{}}');
  assert.throws(
    () => loadCountries(file),
    (e: unknown) =>
      e instanceof NewsgraphError && e.code === 'NG_KB_INVALID' && /KSV/.test(e.message),
  );
});

test('places GDELT cannot hold: a region of several countries; Gaza has its own FIPS code', async () => {
  const { events } = await talksRows();
  const e = eventWith(events, 'refused to meet');
  const at = (location: ExportEvent['event']['location']) => {
    const [row] = parse(
      gdeltLine({ ...e, event: { ...e.event, location }, locationIsCountry: false }),
    );
    assert.ok(row);
    return row;
  };
  const region = at({ name: 'the Middle East', country: null, lat: null, lon: null });
  assert.equal(region.ActionGeo_Type, '0');
  assert.equal(region.ActionGeo_FullName, '');
  const gaza = at({ name: 'the Gaza Strip', country: 'PSE', lat: null, lon: null });
  assert.equal(gaza.ActionGeo_Type, '5');
  assert.equal(gaza.ActionGeo_CountryCode, 'GZ');
  const hebron = at({ name: 'Hebron', country: 'PSE', lat: 31.53, lon: 35.09 });
  assert.equal(hebron.ActionGeo_CountryCode, 'WE');
  assert.equal(hebron.ActionGeo_Type, '4');
});
