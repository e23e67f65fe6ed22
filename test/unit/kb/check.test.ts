/**
 * `newsgraph kb check` on fixture KBs that hold exactly the defects each test looks for
 * (test/fixtures/kb-tools/check: one duplicate id, one schema error, one invalid JSON line,
 * one alias clash that is a problem and two that are only warnings, overlapping heads of
 * state next to a hand-over the check must tolerate, one stale asOf, and two roles whose
 * dates disagree with the tiny Archigos CSV beside it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import countries from 'i18n-iso-countries';
import {
  ARCHIGOS_ISO,
  checkKnowledgeBase,
  monthsBefore,
  readArchigos,
  type CheckIssue,
  type CheckReport,
} from '../../../src/kb/check.js';
import { MAIN_HELP } from '../../../src/cli/main.js';
import { cli, FIXTURES, ROOT, SHARED } from './helpers.js';

const TODAY = '2026-11-29';
const CHECK = ['kb', 'check', '--kb-dir', 'check', '--archigos', 'archigos.csv', '--today', TODAY];

/** What V8 says about the fixture's broken line, so the test does not pin a Node version. */
function jsonError(file: string, line: number): string {
  const text = readFileSync(resolve(FIXTURES, file), 'utf8').split('\n')[line - 1] ?? '';
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${file}:${line} is valid JSON; the fixture changed`);
}

const PROBLEMS: CheckIssue[] = [
  {
    file: 'check/a-countries.jsonl',
    line: 5,
    kind: 'alias-clash',
    message:
      'alias clash: org-beta and org-alpha (check/a-countries.jsonl:4) share "AW"; ' +
      'both of type organization',
  },
  {
    file: 'check/b-people.jsonl',
    line: 8,
    kind: 'role-overlap',
    message:
      'overlapping roles: head-of-state of FRA: macron-emmanuel (2017-05-01 – open (as of ' +
      '2026-09-01)) and hollande-francois (2012-05-15 – 2017-05-14, check/b-people.jsonl:7) ' +
      'overlap by 13 days',
  },
  {
    file: 'check/b-people.jsonl',
    line: 12,
    kind: 'duplicate-id',
    message: 'duplicate id "medvedev-dmitry" (also line 2)',
  },
  {
    file: 'check/b-people.jsonl',
    line: 13,
    kind: 'schema',
    message: 'schema: roles[0].code must be a CAMEO code (3–12 capitals), got "rusmil"',
  },
  {
    file: 'check/b-people.jsonl',
    line: 14,
    kind: 'json',
    message: `invalid JSON: ${jsonError('check/b-people.jsonl', 14)}`,
  },
];

const WARNINGS: CheckIssue[] = [
  {
    file: 'check/b-people.jsonl',
    line: 1,
    kind: 'archigos',
    message:
      'archigos: putin-vladimir RUS vs Archigos "Putin" (RUS-2000): start 2000-05-07 here ' +
      '(President of Russia), 2000-01-01 in Archigos (127 days apart)',
  },
  {
    file: 'check/b-people.jsonl',
    line: 4,
    kind: 'alias-clash',
    message:
      'alias clash: ivanov-sergei and ivanov-igor (check/b-people.jsonl:3) share "Ivanov"; ' +
      'both persons, with roles at the same time: a bare surname needs the full name in the document',
  },
  {
    file: 'check/b-people.jsonl',
    line: 5,
    kind: 'stale',
    message:
      'stale: last confirmed 2024-01-01 (more than 18 months before 2026-11-29): ' +
      'lavrov-sergey "Foreign Minister of Russia" is open-ended',
  },
  {
    file: 'check/b-people.jsonl',
    line: 6,
    kind: 'archigos',
    message:
      'archigos: sarkozy-nicolas FRA vs Archigos "Sarkozy" (FRN-2007): end 2012-05-16 here ' +
      '(President of France), 2012-03-01 in Archigos (76 days apart)',
  },
  {
    file: 'check/b-people.jsonl',
    line: 10,
    kind: 'alias-clash',
    message:
      'alias clash: clinton-hillary and clinton-bill (check/b-people.jsonl:9) share "Clinton"; ' +
      'their roles never overlap, dates settle it',
  },
  {
    file: 'check/b-people.jsonl',
    line: 11,
    kind: 'alias-clash',
    message:
      'alias clash: jordan-michael and country-jor (check/a-countries.jsonl:3) share "Jordan"; ' +
      'different types (person, country)',
  },
];

const ARCHIGOS_INFO: CheckIssue = {
  file: 'archigos.csv',
  line: 0,
  kind: 'archigos',
  message:
    "compared 3 leaders' spells of 2000–2015 with our head-of-state/government roles; " +
    '1 row without dates skipped; no ISO code for XYZ',
};

test('kb check --json reports every planted defect with its file and line, and nothing else', async () => {
  const r = await cli([...CHECK, '--json']);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stderr, '');
  const report = JSON.parse(r.stdout) as CheckReport;
  assert.deepEqual(report.files, ['check/a-countries.jsonl', 'check/b-people.jsonl']);
  // 16 valid actors: the duplicate counts once, the schema error and the broken line not at all.
  assert.equal(report.actors, 16);
  assert.deepEqual(report.byType, { country: 3, organization: 2, person: 11 });
  assert.equal(report.roles, 13);
  assert.equal(report.aliases, 33);
  assert.deepEqual(report.problems, PROBLEMS);
  assert.deepEqual(report.warnings, WARNINGS);
  assert.deepEqual(report.info, [ARCHIGOS_INFO]);
});

test('kb check prints a summary and one line per issue', async () => {
  const r = await cli(CHECK);
  assert.equal(r.code, 1);
  const line = (i: CheckIssue) => `  ${i.line ? `${i.file}:${i.line}` : i.file}: ${i.message}`;
  const expected = [
    '2 files: 16 actors (person 11, country 3, organization 2), 13 roles, 33 aliases',
    'problems (5):',
    ...PROBLEMS.map(line),
    'warnings (6):',
    ...WARNINGS.map(line),
    'info (1):',
    line(ARCHIGOS_INFO),
    '5 problems, 6 warnings',
    '',
  ];
  assert.equal(r.stdout, expected.join('\n'));
});

test('an overlay replacing an id is info, and its actor is the one checked', async () => {
  const r = await cli([...CHECK, '--kb', 'overlay.jsonl', '--json']);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout) as CheckReport;
  assert.deepEqual(report.files, [
    'check/a-countries.jsonl',
    'check/b-people.jsonl',
    'overlay.jsonl',
  ]);
  assert.equal(report.actors, 17, 'one actor replaced, one added');
  assert.deepEqual(report.problems, PROBLEMS, 'replacing is not a duplicate id');
  assert.deepEqual(report.info, [
    {
      file: 'overlay.jsonl',
      line: 1,
      kind: 'overlay',
      message: 'overlay: replaces "country-jor" from check/a-countries.jsonl:3',
    },
    ARCHIGOS_INFO,
  ]);
  // The Jordan clash is now reported against the overlay's record, which loads last.
  assert.deepEqual(
    report.warnings.filter((w) => w.message.includes('"Jordan"')),
    [
      {
        file: 'overlay.jsonl',
        line: 1,
        kind: 'alias-clash',
        message:
          'alias clash: country-jor and jordan-michael (check/b-people.jsonl:11) share "Jordan"; ' +
          'different types (country, person)',
      },
    ],
  );
});

test('a KB with warnings only exits 0', async () => {
  const r = await cli(['kb', 'check', '--kb-dir', 'clean', '--no-archigos', '--today', TODAY]);
  assert.equal(r.code, 0, r.stdout);
  assert.equal(
    r.stdout,
    '1 files: 3 actors (country 1, igo 1, person 1), 0 roles, 5 aliases\n' +
      'warnings (1):\n' +
      '  clean/actors.jsonl:2: alias clash: jordan-michael and country-jor (clean/actors.jsonl:1) ' +
      'share "Jordan"; different types (person, country)\n' +
      '0 problems, 1 warnings\n',
  );
});

function tmpKb(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-kb-check-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const person = (id: string, name: string, roles: object[], aliases: string[] = [name]) =>
  JSON.stringify({ id, name, type: 'person', aliases, roles });
const role = (
  title: string,
  office: string,
  country: string,
  start: string,
  end: string | null,
) => ({
  title,
  office,
  code: `${country}GOV`,
  country,
  sector: 'GOV',
  start,
  end,
  ...(end === null ? { asOf: '2026-10-01' } : {}),
  source: 'test',
});

test('duplicate ids across base files are problems; agents.jsonl is not an actor file', async () => {
  const dir = tmpKb({
    'a.jsonl': `${person('x-one', 'One X', [])}\n`,
    'b.jsonl': `\n${person('x-one', 'Other X', [])}\n`,
    'agents.jsonl': '{"nouns": ["troops"], "sector": "MIL"}\n',
  });
  const report = checkKnowledgeBase({ files: [join(dir, 'a.jsonl'), join(dir, 'b.jsonl')] });
  assert.deepEqual(report.problems, [
    {
      file: join(dir, 'b.jsonl'),
      line: 2,
      kind: 'duplicate-id',
      message: `duplicate id "x-one" (also ${join(dir, 'a.jsonl')}:1)`,
    },
  ]);
  const r = await cli(['kb', 'check', '--kb-dir', dir, '--no-archigos', '--json']);
  assert.equal(r.code, 1);
  assert.deepEqual((JSON.parse(r.stdout) as CheckReport).files, [
    join(dir, 'a.jsonl'),
    join(dir, 'b.jsonl'),
  ]);
});

test('one person holding the same title twice at once is a problem; a 3-day hand-over is not', () => {
  const dir = tmpKb({
    'p.jsonl': [
      person('dup-title', 'Dup Title', [
        role('Prime Minister of Testland', 'head-of-government', 'FIN', '2001-01-01', '2005-01-01'),
        role('Prime Minister of Testland', 'head-of-government', 'FIN', '2004-01-01', '2006-01-01'),
      ]),
      person('old-head', 'Old Head', [
        role('President', 'head-of-state', 'EST', '2000-01-01', '2010-01-04'),
      ]),
      person('new-head', 'New Head', [
        role('President', 'head-of-state', 'EST', '2010-01-01', null),
      ]),
      // Partial dates count only what is certain: "2010" may have started on 31 December.
      person('year-only', 'Year Only', [role('President', 'head-of-state', 'LVA', '2010', null)]),
      person('month-only', 'Month Only', [
        role('President', 'head-of-state', 'LVA', '2000-01-01', '2010-01'),
      ]),
    ].join('\n'),
  });
  const report = checkKnowledgeBase({ files: [join(dir, 'p.jsonl')], today: TODAY });
  assert.deepEqual(
    report.problems.map((p) => [p.line, p.message]),
    [
      [
        1,
        'overlapping roles: dup-title holds "Prime Minister of Testland" twice at once: ' +
          '2001-01-01 – 2005-01-01 and 2004-01-01 – 2006-01-01',
      ],
    ],
  );
});

test('Archigos: the closest same-surname tenure is compared, successors and twins are not confused', () => {
  const spells = [
    'obsid,idacr,leader,startdate,enddate,exit',
    'POL-2005,POL,Kaczynski,2005-12-23,2010-04-10,Natural Death',
    'PRK-1994,PRK,Kim Jong-Il,1994-07-08,2011-12-17,Natural Death',
    'PRK-2011,PRK,Kim Jong Un,2011-12-17,2015-12-31,Still in Office',
    // Archigos codes the effective leader: Medvedev's presidency is Putin's spell, and our
    // Medvedev (formally head of state) is not compared with it.
    'RUS-2000,RUS,Putin,2000-05-07,2015-12-31,Still in Office',
  ].join('\n');
  const twins = [
    person(
      'kaczynski-lech',
      'Lech Kaczyński',
      [role('President of Poland', 'head-of-state', 'POL', '2005-12-23', '2010-04-10')],
      ['Lech Kaczyński', 'Kaczyński'],
    ),
    person(
      'kaczynski-jaroslaw',
      'Jarosław Kaczyński',
      [role('Prime Minister of Poland', 'head-of-government', 'POL', '2006-07-14', '2007-11-16')],
      ['Jarosław Kaczyński', 'Kaczyński'],
    ),
  ];
  const others = [
    person('kim-jong-il', 'Kim Jong-il', [
      role('Leader', 'head-of-state', 'PRK', '1994-07-08', '2011-12-17'),
    ]),
    person('kim-jong-un', 'Kim Jong-un', [
      role('Leader', 'head-of-state', 'PRK', '2011-12-17', null),
    ]),
    person('medvedev-dmitry', 'Dmitry Medvedev', [
      role('President of Russia', 'head-of-state', 'RUS', '2008-05-07', '2012-05-07'),
    ]),
  ];
  const dir = tmpKb({
    'a.csv': spells,
    'all.jsonl': [...twins, ...others].join('\n'),
    'no-lech.jsonl': [twins[1], ...others].join('\n'),
    'no-kim-il.jsonl': others.slice(1).join('\n'),
  });
  const archigosWarnings = (file: string) =>
    checkKnowledgeBase({ files: [join(dir, file)], archigos: join(dir, 'a.csv'), today: TODAY })
      .warnings.filter((w) => w.kind === 'archigos')
      .map((w) => w.message);
  assert.deepEqual(archigosWarnings('all.jsonl'), []);
  // Kim Jong-il's spell ends as Kim Jong-un's tenure starts: not the same spell, even when
  // Kim Jong-il is missing from the KB.
  assert.deepEqual(archigosWarnings('no-kim-il.jsonl'), []);
  // Without Lech, the spell falls to his brother, whose dates then disagree.
  assert.deepEqual(archigosWarnings('no-lech.jsonl'), [
    'archigos: kaczynski-jaroslaw POL vs Archigos "Kaczynski" (POL-2005): start 2006-07-14 ' +
      'here (Prime Minister of Poland), 2005-12-23 in Archigos (203 days apart)',
    'archigos: kaczynski-jaroslaw POL vs Archigos "Kaczynski" (POL-2005): end 2007-11-16 ' +
      'here (Prime Minister of Poland), 2010-04-10 in Archigos (876 days apart)',
  ]);
});

test('Archigos: split spells are joined, and each date is compared with the closest role', () => {
  const spells = [
    'obsid,idacr,leader,startdate,enddate,exit',
    // Suspended twice, someone else acting: one role in our KB.
    'RUM-2004-2,RUM,Traian Basescu,2004-12-29,2007-04-20,Regular',
    'RUM-2007-1,RUM,Vacariou,2007-04-20,2007-05-23,Regular',
    'RUM-2007-2,RUM,Traian Basescu,2007-05-23,2012-07-10,Regular',
    'RUM-2012-1,RUM,Crin Antonescu,2012-07-10,2012-08-28,Regular',
    'RUM-2012-2,RUM,Traian Basescu,2012-08-28,2014-12-21,Regular',
    // Archigos counts Slovenia's prime minister only; ours goes on to be president.
    'SLV-2000-2,SLV,Drnovsek,2000-11-17,2002-12-11,Regular',
    // The data end, with a slip in the exit: still compared by its start only.
    'SAU-2015,SAU,Salman bin Abdulaziz Al Saud,2015-01-23,2015-12-31,Natural Death',
    // An open role that Archigos ends.
    'ZZZ-2001,SPN,Aznar,1996-05-05,2004-04-17,Regular',
  ].join('\n');
  const dir = tmpKb({
    'a.csv': spells,
    'p.jsonl': [
      person(
        'basescu-traian',
        'Traian Băsescu',
        [role('President of Romania', 'head-of-state', 'ROU', '2004-12-20', '2014-12-21')],
        ['Traian Băsescu', 'Băsescu'],
      ),
      person('drnovsek-janez', 'Janez Drnovšek', [
        role('Prime Minister of Slovenia', 'head-of-government', 'SVN', '2000-11-30', '2002-12-19'),
        role('President of Slovenia', 'head-of-state', 'SVN', '2002-12-22', '2007-12-22'),
      ]),
      person(
        'salman',
        'King Salman',
        [role('King of Saudi Arabia', 'head-of-state', 'SAU', '2015-01-23', null)],
        ['King Salman', 'Salman bin Abdulaziz'],
      ),
      person('aznar-jose-maria', 'José María Aznar', [
        role('Prime Minister of Spain', 'head-of-government', 'ESP', '1996-05-05', null),
      ]),
    ].join('\n'),
  });
  const report = checkKnowledgeBase({
    files: [join(dir, 'p.jsonl')],
    archigos: join(dir, 'a.csv'),
    today: TODAY,
  });
  assert.deepEqual(
    report.warnings.filter((w) => w.kind === 'archigos').map((w) => w.message),
    [
      'archigos: aznar-jose-maria ESP vs Archigos "Aznar" (ZZZ-2001): open-ended here ' +
        '(Prime Minister of Spain), ended 2004-04-17 in Archigos',
    ],
  );
  assert.equal(report.info[0]?.message.startsWith("compared 4 leaders' spells"), true);
});

test('staleness: 18 calendar months, clamped at month ends', () => {
  assert.equal(monthsBefore('2026-11-29', 18), '2025-05-29');
  assert.equal(monthsBefore('2026-08-31', 18), '2025-02-28');
  assert.equal(monthsBefore('2025-01-15', 18), '2023-07-15');
  const dir = tmpKb({
    'p.jsonl': [
      person('on-limit', 'On Limit', [
        { ...role('President', 'head-of-state', 'EST', '2020-01-01', null), asOf: '2025-05-29' },
      ]),
      person('day-before', 'Day Before', [
        { ...role('Premier', 'head-of-government', 'EST', '2020-01-01', null), asOf: '2025-05-28' },
      ]),
      // A month-only asOf counts to the month's end.
      person('month-as-of', 'Month As Of', [
        { ...role('Minister', 'foreign-minister', 'EST', '2020-01-01', null), asOf: '2025-05' },
      ]),
    ].join('\n'),
  });
  const report = checkKnowledgeBase({ files: [join(dir, 'p.jsonl')], today: '2026-11-29' });
  assert.deepEqual(
    report.warnings.map((w) => [w.line, w.kind]),
    [[2, 'stale']],
  );
});

test('bad input: missing files are usage errors, unreadable KB files are reported', async () => {
  const missing = await cli(['kb', 'check', '--kb-dir', 'check', '--kb', 'nope.jsonl']);
  assert.equal(missing.code, 2);
  assert.equal(
    missing.stderr,
    `newsgraph kb: NG_INPUT_NOT_FOUND: KB file not found: ${resolve(FIXTURES, 'nope.jsonl')}\n`,
  );
  const noDir = await cli(['kb', 'check', '--kb-dir', 'nowhere']);
  assert.equal(noDir.code, 2);
  assert.match(noDir.stderr, /NG_INPUT_NOT_FOUND: KB directory not found: .*nowhere\n$/);
  const noArchigos = await cli(['kb', 'check', '--kb-dir', 'clean', '--archigos', 'none.csv']);
  assert.equal(noArchigos.code, 2);
  assert.match(noArchigos.stderr, /NG_INPUT_NOT_FOUND: Archigos file not found: .*none\.csv\n$/);
  const both = await cli(['kb', 'check', '--archigos', 'archigos.csv', '--no-archigos']);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /NG_USAGE: --archigos and --no-archigos exclude each other/);

  const dir = tmpKb({
    'a.jsonl': `${person('fine-one', 'Fine One', [])}\n`,
    'b.jsonl': '',
    'c.jsonl': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
    'd.jsonl': '\n  \n',
    'e.jsonl': '["not", "an", "object"]\n',
    'notarchigos.csv': 'a,b\n1,2\n',
  });
  const r = await cli(['kb', 'check', '--kb-dir', dir, '--no-archigos', '--json']);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout) as CheckReport;
  assert.equal(report.actors, 1);
  assert.deepEqual(report.problems, [
    {
      file: join(dir, 'c.jsonl'),
      line: 0,
      kind: 'file',
      message: 'NG_INPUT_BINARY: input looks like a PNG image, not text',
    },
    {
      file: join(dir, 'e.jsonl'),
      line: 1,
      kind: 'schema',
      message: 'schema: a record must be a JSON object',
    },
  ]);
  assert.deepEqual(report.warnings, [
    {
      file: join(dir, 'b.jsonl'),
      line: 0,
      kind: 'file',
      message: 'empty: the file holds no records',
    },
    {
      file: join(dir, 'd.jsonl'),
      line: 0,
      kind: 'file',
      message: 'empty: the file holds no records',
    },
  ]);
  const notArchigos = await cli([
    'kb',
    'check',
    '--kb-dir',
    'clean',
    '--archigos',
    join(dir, 'notarchigos.csv'),
  ]);
  assert.equal(notArchigos.code, 2);
  assert.match(
    notArchigos.stderr,
    /notarchigos\.csv:1: NG_KB_INVALID: not an Archigos file: no column obsid, idacr, leader, startdate, enddate, exit\n$/,
  );
});

test('kb usage: listed in the main help, unknown subcommands and stray arguments refused', async () => {
  assert.match(MAIN_HELP, /\n {2}kb {8}check, show and import knowledge-base actors/);
  assert.doesNotMatch(MAIN_HELP, /Not yet available: .*kb/);
  const help = await cli(['kb', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: newsgraph kb <command>/);
  const none = await cli(['kb']);
  assert.equal(none.code, 2);
  const unknown = await cli(['kb', 'frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /NG_USAGE: unknown kb command 'frobnicate'/);
  const stray = await cli(['kb', 'check', 'extra']);
  assert.equal(stray.code, 2);
  assert.match(stray.stderr, /NG_USAGE: kb check takes no arguments \(got "extra"\)/);
});

test('ARCHIGOS_ISO names real ISO alpha-3 codes (KSV for Kosovo)', () => {
  const iso = new Set(Object.keys(countries.getAlpha3Codes()));
  const wrong = Object.entries(ARCHIGOS_ISO).filter(([, code]) => !iso.has(code) && code !== 'KSV');
  assert.deepEqual(wrong, []);
  // The COW abbreviations that look like ISO codes of other countries.
  assert.equal(ARCHIGOS_ISO.AUS, 'AUT');
  assert.equal(ARCHIGOS_ISO.AUL, 'AUS');
  assert.equal(ARCHIGOS_ISO.SWZ, 'CHE');
  assert.equal(ARCHIGOS_ISO.GFR, 'DEU');
});

const archigosFile = join(SHARED, 'kb-sources', 'archigos', 'archigos_4.1.csv');
test(
  'every Archigos country with a leader after 1999 has an ISO code',
  existsSync(archigosFile)
    ? {}
    : { skip: `${archigosFile} is absent (shared data lives in ../shared)` },
  () => {
    const { spells, badRows } = readArchigos(archigosFile);
    assert.ok(spells.length > 3000, `${spells.length} spells`);
    assert.equal(badRows, 0);
    const unmapped = new Set(
      spells.filter((s) => s.end >= '2000' && !s.country).map((s) => s.idacr),
    );
    assert.deepEqual([...unmapped], []);
    const putin = spells.find((s) => s.obsid === 'RUS-2000');
    assert.deepEqual(putin && [putin.country, putin.leader, putin.start, putin.stillInOffice], [
      'RUS',
      'Putin',
      '2000-01-01',
      true,
    ]);
    // Quoted CSV fields with commas.
    assert.ok(spells.some((s) => s.leader === 'Roosevelt, T.'));
  },
);

test('the default KB loads from data/kb when no --kb-dir is given', async () => {
  const r = await cli(['kb', 'check', '--no-archigos', '--json'], ROOT);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const report = JSON.parse(r.stdout) as CheckReport;
  assert.ok(report.files.every((f) => f.startsWith('data/kb/') && f.endsWith('.jsonl')));
  assert.ok(!report.files.includes('data/kb/agents.jsonl'));
});

test('a clash both records document in their notes is a warning, not a problem', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-kb-notes-'));
  const congo = (id: string, code: string) =>
    JSON.stringify({
      id,
      name: id,
      type: 'country',
      code,
      country: code,
      aliases: ['Congo'],
      note: '"Congo" names two countries',
    });
  writeFileSync(
    join(dir, 'countries.jsonl'),
    `${congo('country-cog', 'COG')}\n${congo('country-cod', 'COD')}\n`,
  );
  const r = await cli(['kb', 'check', '--kb-dir', dir, '--no-archigos', '--json']);
  const report = JSON.parse(r.stdout) as CheckReport;
  assert.deepEqual(report.problems, []);
  assert.match(
    report.warnings[0]?.message ?? '',
    /share "Congo"; both of type country, ambiguity noted in both records/,
  );
  assert.equal(r.code, 0);
});
