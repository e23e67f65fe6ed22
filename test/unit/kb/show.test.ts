/** `newsgraph kb show` on the check fixture (test/fixtures/kb-tools/check) and its overlay. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from './helpers.js';

const KB = ['--kb-dir', 'check'];
/** The fixture holds two invalid records on purpose; show leaves them out and says so. */
const SKIPPED_NOTE = "newsgraph kb show: 2 invalid KB records left out; run 'newsgraph kb check'\n";

test('kb show prints the actor and its roles, marking the one held on --date', async () => {
  const r = await cli(['kb', 'show', 'putin', ...KB, '--date', '2010-01-01']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, SKIPPED_NOTE);
  assert.equal(
    r.stdout,
    [
      'putin-vladimir  (check/b-people.jsonl:1)',
      '  name     Vladimir Putin',
      '  type     person',
      '  code     RUSGOV on 2010-01-01',
      '  country  RUS',
      '  aliases  Vladimir Putin, Putin, Путин',
      '  roles    (* held on 2010-01-01)',
      '       title                     office              code    start       end                      source',
      '       President of Russia       head-of-state       RUSGOV  2000-05-07  2008-05-07               test',
      '    *  Prime Minister of Russia  head-of-government  RUSGOV  2008-05-08  2012-05-07               test',
      '       President of Russia       head-of-state       RUSGOV  2012-05-07  open (as of 2026-06-01)  test',
      '',
    ].join('\n'),
  );
});

test('the hand-over day marks both roles; an open role is held until today', async () => {
  const handover = await cli(['kb', 'show', 'Vladimir Putin', ...KB, '--date', '2012-05-07']);
  assert.deepEqual(
    handover.stdout
      .split('\n')
      .filter((l) => l.startsWith('    *'))
      .map((l) => l.slice(7, 31)),
    ['Prime Minister of Russia', 'President of Russia     '],
  );
  const now = await cli(['kb', 'show', 'putin', ...KB]);
  const today = new Date().toISOString().slice(0, 10);
  assert.match(now.stdout, new RegExp(`code {5}RUSGOV on ${today}\\n`));
  assert.match(now.stdout, /\n {4}\* {2}President of Russia +head-of-state +RUSGOV +2012-05-07/);
});

test('names match whatever the case and accents; ids match exactly; each match is printed', async () => {
  const hollande = await cli(['kb', 'show', 'FRANCOIS', 'hollande', ...KB, '--date', '2013-01-01']);
  assert.equal(hollande.code, 0);
  assert.match(
    hollande.stdout,
    /^hollande-francois {2}\(check\/b-people\.jsonl:7\)\n {2}name {5}François Hollande\n/,
  );
  const cyrillic = await cli(['kb', 'show', 'ПУТИН', ...KB]);
  assert.match(cyrillic.stdout, /^putin-vladimir /);
  const byId = await cli(['kb', 'show', 'ivanov-igor', ...KB]);
  assert.deepEqual(byId.stdout.match(/^\S+ {2}\(/gm), ['ivanov-igor  (']);
  const both = await cli(['kb', 'show', 'Ivanov', ...KB]);
  assert.deepEqual(both.stdout.match(/^\S+ {2}\(/gm), ['ivanov-igor  (', 'ivanov-sergei  (']);
  assert.match(both.stdout, /\n\nivanov-sergei/, 'a blank line between actors');
});

test('an actor without roles falls back to its own code, then its country', async () => {
  const r = await cli([
    'kb',
    'show',
    'Jordan',
    ...KB,
    '--kb',
    'overlay.jsonl',
    '--date',
    '2020-01-01',
  ]);
  assert.equal(r.code, 0);
  assert.equal(
    r.stdout,
    [
      'jordan-michael  (check/b-people.jsonl:11)',
      '  name     Michael Jordan',
      '  type     person',
      '  code     USA on 2020-01-01',
      '  country  USA',
      '  aliases  Michael Jordan, Jordan',
      '  roles    none',
      '',
      // The overlay's record replaced the base one and loads last.
      'country-jor  (overlay.jsonl:1)',
      '  name     Jordan',
      '  type     country',
      '  code     JOR on 2020-01-01',
      '  country  JOR',
      '  aliases  Jordan, Hashemite Kingdom of Jordan',
      '  roles    none',
      '',
    ].join('\n'),
  );
});

test('an actor without roles or country shows its own code and a dash', async () => {
  const r = await cli(['kb', 'show', 'Example Watchdog', ...KB, '--kb', 'overlay.jsonl']);
  assert.match(r.stdout, /\n {2}code {5}NGO on \d{4}-\d{2}-\d{2}\n {2}country {2}—\n/);
});

test('no match exits 1 with NG_INPUT_NOT_FOUND; bad options exit 2', async () => {
  const none = await cli(['kb', 'show', 'Nobody', 'Atall', ...KB]);
  assert.equal(none.code, 1);
  assert.equal(none.stdout, '');
  assert.equal(
    none.stderr,
    `${SKIPPED_NOTE}newsgraph kb show: NG_INPUT_NOT_FOUND: no actor matches "Nobody Atall"\n`,
  );
  const noName = await cli(['kb', 'show', ...KB]);
  assert.equal(noName.code, 2);
  assert.match(noName.stderr, /NG_USAGE: kb show needs a NAME/);
  const badDate = await cli(['kb', 'show', 'putin', ...KB, '--date', '2010-02-30']);
  assert.equal(badDate.code, 2);
  assert.match(badDate.stderr, /NG_DATE_INVALID: --date must be YYYY-MM-DD, got "2010-02-30"/);
  const missing = await cli(['kb', 'show', 'putin', ...KB, '--kb', 'absent.jsonl']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /NG_INPUT_NOT_FOUND: KB file not found: .*absent\.jsonl\n$/);
});
