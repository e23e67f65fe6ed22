/**
 * The PETRARCH importer on test/fixtures/kb-tools/petrarch.actors.txt (an invented dictionary
 * in the Phoenix format: a person with two dated codes and a default code, an organisation,
 * an alias-only entry, an entry with an unreadable date, a stray alias, a `{…}` line, XML and
 * `#` comments), and on the real Phoenix.Countries dictionary when ../shared is present.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  displayPhrase,
  importPetrarch,
  petrarchDate,
  PETRARCH_SOURCE,
} from '../../../src/kb/import-petrarch.js';
import { validateActor, type KbActor } from '../../../src/kb/schema.js';
import { cli, FIXTURES, SHARED } from './helpers.js';

const FIXTURE = resolve(FIXTURES, 'petrarch.actors.txt');
const note = (line: number) =>
  `Imported from petrarch.actors.txt line ${line} (PETRARCH2/Phoenix dictionary (MIT)).`;

const EXPECTED: KbActor[] = [
  {
    id: 'petrarch-pierre-dumont',
    name: 'Pierre Dumont',
    type: 'person',
    aliases: ['Pierre Dumont', 'P. Dumont', 'President Pierre Dumont', 'Dumont'],
    code: 'FRAELI',
    country: 'FRA',
    roles: [
      {
        title: 'FRAGOV',
        code: 'FRAGOV',
        country: 'FRA',
        sector: 'GOV',
        start: '1995-05-17',
        end: '2007-05-16',
        source: PETRARCH_SOURCE,
      },
      {
        title: 'FRAELI',
        code: 'FRAELI',
        country: 'FRA',
        sector: 'ELI',
        start: '2007-05-17',
        end: null,
        // The header's "Generated at: Thu Jan 30 16:06:18 2014", later than any code date.
        asOf: '2014-01-30',
        source: PETRARCH_SOURCE,
      },
    ],
    note: note(8),
  },
  {
    id: 'petrarch-example-peace-organization',
    name: 'Example Peace Organization',
    type: 'organization',
    aliases: ['Example Peace Organization', 'EPO', 'The Example Peace Organization'],
    code: 'IGOEXP',
    country: null,
    note: note(16),
  },
  {
    id: 'petrarch-northern-example-league',
    name: 'Northern Example League',
    type: 'organization',
    aliases: ['Northern Example League', 'NEL', 'The Northern Example League'],
    code: null,
    country: null,
    note: note(20),
  },
  {
    id: 'petrarch-old-general-o-brien',
    name: "Old General O'Brien",
    type: 'person',
    aliases: ["Old General O'Brien"],
    code: null,
    country: 'FRA',
    roles: [
      {
        title: 'FRAELI',
        code: 'FRAELI',
        country: 'FRA',
        sector: 'ELI',
        // "320101": PETRARCH reads two-digit years above 30 as 19YY.
        start: '1932-01-01',
        end: '1945-05-07',
        source: PETRARCH_SOURCE,
      },
      {
        title: 'FRAMIL',
        code: 'FRAMIL',
        country: 'FRA',
        sector: 'MIL',
        start: null,
        end: '1945-05-08',
        source: PETRARCH_SOURCE,
      },
    ],
    note: note(29),
  },
];

const STDERR =
  'petrarch.actors.txt:6: skipped "+STRAY_ALIAS_": alias outside an entry: no phrase before it\n' +
  'petrarch.actors.txt:25: skipped "BROKEN_ENTRY_": unreadable line: line 27: unreadable date in ' +
  '"[FRAGOV 9912-0805]"\n' +
  'newsgraph kb import: petrarch.actors.txt: 4 records written, 2 skipped (alias outside an ' +
  'entry 1, unreadable line 1); open roles asOf 2014-01-30 (latest date in the dictionary)\n';

test('importPetrarch reads the fixture into exactly the expected records', () => {
  const result = importPetrarch(readFileSync(FIXTURE, 'utf8'), {
    fileName: 'petrarch.actors.txt',
    today: '2026-11-29',
  });
  assert.deepEqual(result.records, EXPECTED);
  for (const record of result.records) assert.deepEqual(validateActor(record), [], record.id);
  assert.deepEqual(result.skipped, [
    {
      line: 6,
      text: '+STRAY_ALIAS_',
      reason: 'alias outside an entry',
      detail: 'no phrase before it',
    },
    {
      line: 25,
      text: 'BROKEN_ENTRY_',
      reason: 'unreadable line',
      detail: 'line 27: unreadable date in "[FRAGOV 9912-0805]"',
    },
  ]);
  assert.equal(result.asOf, '2014-01-30');
  assert.equal(result.asOfFrom, 'dictionary');
});

test('kb import petrarch writes JSONL to stdout, the summary to stderr', async () => {
  const r = await cli(['kb', 'import', 'petrarch', 'petrarch.actors.txt']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, EXPECTED.map((e) => `${JSON.stringify(e)}\n`).join(''));
  assert.equal(r.stderr, STDERR);
});

test('--out writes the file; --type sets the type of undated entries only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-import-'));
  const out = join(dir, 'out.jsonl');
  const r = await cli([
    'kb',
    'import',
    'petrarch',
    'petrarch.actors.txt',
    '--out',
    out,
    '--type',
    'igo',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  const records = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as KbActor);
  assert.deepEqual(
    records.map((a) => [a.id, a.type]),
    [
      ['petrarch-pierre-dumont', 'person'],
      ['petrarch-example-peace-organization', 'igo'],
      ['petrarch-northern-example-league', 'igo'],
      ['petrarch-old-general-o-brien', 'person'],
    ],
  );
});

test('two-digit years pivot at 30 as in PETRARCH; impossible dates are refused', () => {
  assert.equal(petrarchDate('300101'), '2030-01-01');
  assert.equal(petrarchDate('310101'), '1931-01-01');
  assert.equal(petrarchDate('080507'), '2008-05-07');
  assert.equal(petrarchDate('19450507'), '1945-05-07');
  assert.equal(petrarchDate('000229'), '2000-02-29');
  assert.equal(petrarchDate('990229'), undefined);
  assert.equal(petrarchDate('990231'), undefined);
  assert.equal(petrarchDate('9912'), undefined);
  assert.equal(petrarchDate('2004017'), undefined);
});

test('phrases are title-cased unless written in mixed case or as short abbreviations', () => {
  assert.equal(displayPhrase('VLADIMIR_PUTIN_'), 'Vladimir Putin');
  assert.equal(displayPhrase('BAN_KI-MOON'), 'Ban Ki-Moon');
  assert.equal(displayPhrase('U.N._SECRETARY_GENERAL'), 'U.N. Secretary General');
  assert.equal(displayPhrase('UN_'), 'UN');
  assert.equal(displayPhrase('NATO'), 'Nato');
  assert.equal(displayPhrase('UN_Secy_Gen'), 'UN Secy Gen');
  assert.equal(displayPhrase("  O'NEIL__ "), "O'Neil");
});

test('a dictionary without dates takes the import date as asOf, and says so', () => {
  const text = [
    'JANE_DOE_',
    '\t[USAGOV >]',
    'JANE_ROE_ [USAGOV >990101] [USALEG <880101]',
    'JANE_ROE_',
    '+JANE_ROE_', // the same as the phrase: not repeated
    'LONG_CODE_ORG_',
    '\t[IGOUNOHLHWHOMED]',
  ].join('\n');
  const result = importPetrarch(text, { today: '2026-11-29' });
  // No header, and "[USAGOV >]" is unreadable: 1999-01-01 is the latest date.
  assert.equal(result.asOf, '1999-01-01');
  const spaced = importPetrarch('SOME_PERSON_\n\t[USAGOV >990101 ]\n', { today: '2026-11-29' });
  assert.equal(spaced.records.length, 1, JSON.stringify(spaced.skipped));
  assert.deepEqual(spaced.records[0]?.roles?.[0], {
    title: 'USAGOV',
    code: 'USAGOV',
    country: 'USA',
    sector: 'GOV',
    start: '1999-01-01',
    end: null,
    asOf: '1999-01-01',
    source: PETRARCH_SOURCE,
  });
  const noDate = importPetrarch('ANYONE_\n+SOMEONE_\n', { today: '2026-11-29' });
  assert.equal(noDate.asOf, '2026-11-29');
  assert.equal(noDate.asOfFrom, 'import-date');
  const headerWithoutDate = importPetrarch('# Generated at: no date here\nX_Y_\n\t[USAGOV]\n', {
    today: '2026-11-29',
  });
  assert.equal(headerWithoutDate.asOfFrom, 'import-date');
  assert.deepEqual(
    result.records.map((r) => [r.id, r.type, r.aliases]),
    [
      ['petrarch-jane-roe', 'person', ['Jane Roe']],
      ['petrarch-jane-roe-2', 'organization', ['Jane Roe']],
    ],
    'a repeated phrase stays a separate entry with its own id',
  );
  assert.deepEqual(
    result.skipped.map((s) => [s.line, s.reason, s.detail]),
    [
      [1, 'unreadable line', 'line 2: unreadable code "[USAGOV >]"'],
      // A 15-letter code does not fit our schema: the whole entry is left out.
      [6, 'invalid record', 'code must be a CAMEO code or null'],
    ],
  );
});

test('bad input: missing, empty, binary and comment-only files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-import-bad-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]));
  writeFileSync(join(dir, 'comments.txt'), '# nothing but a comment\n\n');
  const missing = await cli(['kb', 'import', 'petrarch', join(dir, 'absent.txt')]);
  assert.equal(missing.code, 2);
  assert.equal(
    missing.stderr,
    `newsgraph kb: NG_INPUT_NOT_FOUND: dictionary not found: ${join(dir, 'absent.txt')}\n`,
  );
  const empty = await cli(['kb', 'import', 'petrarch', join(dir, 'empty.txt')]);
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /empty\.txt: NG_INPUT_EMPTY: /);
  const binary = await cli(['kb', 'import', 'petrarch', join(dir, 'binary.txt')]);
  assert.equal(binary.code, 2);
  assert.match(
    binary.stderr,
    /binary\.txt: NG_INPUT_BINARY: input looks like gzip-compressed data/,
  );
  const comments = await cli(['kb', 'import', 'petrarch', join(dir, 'comments.txt')]);
  assert.equal(comments.code, 1);
  assert.equal(comments.stdout, '');
  assert.match(comments.stderr, /comments\.txt: 0 records written, 0 skipped; /);
  const format = await cli(['kb', 'import', 'tabari', 'x.txt']);
  assert.equal(format.code, 2);
  assert.match(format.stderr, /NG_USAGE: unknown import format 'tabari' \(supported: petrarch\)/);
  const type = await cli(['kb', 'import', 'petrarch', 'petrarch.actors.txt', '--type', 'nation']);
  assert.equal(type.code, 2);
  assert.match(type.stderr, /NG_USAGE: --type must be one of person, organization, /);
  const noFile = await cli(['kb', 'import', 'petrarch']);
  assert.equal(noFile.code, 2);
  assert.match(noFile.stderr, /NG_USAGE: kb import petrarch takes exactly one FILE/);
});

const phoenix = join(SHARED, 'kb-sources', 'petrarch2', 'Phoenix.Countries.actors.txt');
test(
  'the real Phoenix.Countries dictionary imports into more than 1000 valid records',
  existsSync(phoenix) ? {} : { skip: `${phoenix} is absent (shared data lives in ../shared)` },
  () => {
    const result = importPetrarch(readFileSync(phoenix, 'utf8'), {
      fileName: 'Phoenix.Countries.actors.txt',
    });
    assert.ok(result.records.length > 1000, `${result.records.length} records`);
    const invalid = result.records.filter((r) => validateActor(r).length > 0);
    assert.deepEqual(invalid, []);
    assert.equal(new Set(result.records.map((r) => r.id)).size, result.records.length);
    // Far fewer entries skipped than imported: the strictness is for the odd typo.
    assert.ok(result.skipped.length < result.records.length / 100, `${result.skipped.length}`);
    const putin = result.records.find((r) => r.id === 'petrarch-vladimir-putin');
    assert.equal(putin?.type, 'person');
    assert.ok(putin?.aliases.includes('Putin'));
  },
);
