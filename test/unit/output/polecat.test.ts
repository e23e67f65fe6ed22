/** PLOVER/POLECAT-style JSON records, on real extraction results. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportEventsOf, type ExportEvent } from '../../../src/output/export-event.js';
import {
  defaultCoder,
  PLOVER_CODEBOOK,
  ploverLine,
  type PloverRecord,
} from '../../../src/output/polecat.js';
import { extractArticle, TALKS } from './export-fixtures.js';

const ADDED = new Date('2025-03-05T10:11:12Z');

async function records(): Promise<{ events: ExportEvent[]; records: PloverRecord[] }> {
  const events = exportEventsOf(await extractArticle(TALKS), ADDED);
  const text = events.map((e) => ploverLine(e, 'newsgraph test')).join('');
  // One JSON object per line, every line one event.
  const lines = text.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, events.length);
  return { events, records: lines.map((l) => JSON.parse(l) as PloverRecord) };
}

function recordWith(events: ExportEvent[], all: PloverRecord[], words: string): PloverRecord {
  const e = events.find((x) => x.event.trigger.text.includes(words));
  assert.ok(e, `an event triggered by "${words}"`);
  const record = all.find((r) => r.id === e.uid);
  assert.ok(record);
  return record;
}

test('a record carries the PLOVER fields: id, date, actor, recipient, event, mode, scale', async () => {
  const { events, records: all } = await records();
  const r = recordWith(events, all, 'refused to meet');
  assert.equal(r.id, `${TALKS.id}/${r.event_id}`);
  assert.equal(r.date, '2025-03-04');
  assert.deepEqual(r.event, ['REJECT']);
  assert.deepEqual(r.mode, ['meet']);
  assert.equal(r.quad_code, 3);
  assert.equal(r.event_scale, -2); // REJECT/meet in the PLOVER scores
  assert.equal(r.cameo, '125');
  assert.deepEqual(r.actor, [
    {
      code: 'RUS',
      sector: 'GOV',
      other_sectors: [],
      entity_text: 'Vladimir Putin',
      identifier_id: 'putin-vladimir',
      identifier_text: 'Vladimir Putin',
      religion: null,
      office: 'President of Russia',
      cameo_code: 'RUSGOV',
      inferred: null,
    },
  ]);
  assert.equal(r.recipient[0]?.code, 'UKR');
  assert.deepEqual(r.event_text, ['refused to meet']);
  assert.deepEqual(r.event_loc, {
    extracted_place: 'Istanbul',
    resolved_place: 'Istanbul',
    lat: 41.0138,
    lon: 28.9497,
    city: 'Istanbul',
    country: 'Turkey',
    country_code: 'TUR',
    resolution: 4,
  });
  assert.equal(r.text, TALKS.text.split('\n\n')[0]);
  assert.equal(r.text_info.sequence, 2); // the title is sentence 1
  assert.deepEqual(r.cite_info, {
    url: TALKS.url,
    title: TALKS.title,
    language: 'en',
    coder: 'newsgraph test',
    codebook: PLOVER_CODEBOOK,
  });
  assert.equal(r.coded_date, '2025-03-05');
  assert.equal(r.coded_time, '10:11:12');
  assert.equal(r.negated, false);
  assert.equal(r.num_articles, 1);
});

test('entity codes: the UN is UNO; a military is sector MIL; a country place has resolution 1', async () => {
  const { events, records: all } = await records();
  const un = recordWith(events, all, 'urged');
  assert.equal(un.actor[0]?.code, 'UNO');
  assert.equal(un.actor[0]?.sector, null);
  assert.equal(un.event_scale, 0); // REQUEST, no mode
  const shelling = recordWith(events, all, 'shelled');
  assert.equal(shelling.actor[0]?.code, 'RUS');
  assert.equal(shelling.actor[0]?.sector, 'MIL');
  assert.equal(shelling.event_loc?.resolution, 1);
  assert.equal(shelling.event_loc?.resolved_place, 'Ukraine');
  assert.equal(shelling.event_loc?.city, null);
  assert.equal(shelling.date, '2025-02-27');
  const darfur = recordWith(events, all, 'attacked');
  assert.equal(darfur.event_loc?.resolution, 2);
  assert.deepEqual(darfur.recipient, []);
});

test('a negated event is kept and says so; an event stated twice lists its texts once', async () => {
  const { events, records: all } = await records();
  const negated = all.find((r) => r.negated);
  assert.ok(negated);
  assert.deepEqual(negated.event, ['SANCTION']);
  const twice = events.find((e) => e.event.mentions.length === 2);
  assert.ok(twice);
  const record = all.find((r) => r.id === twice.uid);
  assert.deepEqual(record?.event_text, ['rejected']);
});

test('without the document text (a stored event without its result) no text is claimed', async () => {
  const [first] = exportEventsOf(await extractArticle(TALKS), ADDED);
  assert.ok(first);
  const bare: ExportEvent = { ...first, sentenceText: null, sentenceNumber: null, lead: null };
  const r = JSON.parse(ploverLine(bare, 'c')) as PloverRecord;
  assert.equal('text' in r, false);
  assert.equal(r.text_info.sequence, null);
});

test('the coder names newsgraph and its version', () => {
  assert.match(defaultCoder(), /^newsgraph \d+\.\d+\.\d+/);
});

test('a source the text does not name gives no actor entity; an unlinked phrase keeps its words', async () => {
  const [first] = exportEventsOf(await extractArticle(TALKS), ADDED);
  assert.ok(first);
  const unnamed = {
    ...first.source,
    actor: null,
    code: null,
    text: '',
    name: null,
    country: null,
    role: null,
  };
  const r = JSON.parse(ploverLine({ ...first, source: unnamed }, 'c')) as PloverRecord;
  assert.deepEqual(r.actor, []);
  const phrase = { ...unnamed, text: 'unknown gunmen' };
  const p = JSON.parse(ploverLine({ ...first, source: phrase }, 'c')) as PloverRecord;
  assert.equal(p.actor[0]?.entity_text, 'unknown gunmen');
  assert.equal(p.actor[0]?.code, null);
});
