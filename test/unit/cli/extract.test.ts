/**
 * `newsgraph extract` end to end: every input kind and every bad input, through the real CLI
 * code (in process, with real files in a temporary directory), and a few runs of the real
 * binary for exit codes and start-up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, runCli } from '../../helpers/cli.js';
import type { ExtractionResult } from '../../../src/output/result.js';

const run = promisify(execFile);

const cli = runCli;

function workdir(): string {
  return mkdtempSync(join(tmpdir(), 'newsgraph-cli-'));
}

/** Windows-1251 bytes of a string, from the decoder's own table. */
function cp1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

const ARTICLE = [
  'Read more',
  '',
  'Coalition talks collapse in Vienna',
  '',
  'Negotiations between the two largest parties broke down on Thursday, party officials said.',
  '',
  'Photo: Karl Huber / APA',
  '',
  'The president is expected to meet party leaders next week.',
].join('\n');

const RU_TEXT =
  'Переговоры о коалиции сорвались в четверг, сообщили представители обеих партий. ' +
  'Президент встретится с лидерами партий на следующей неделе.';

test('--help answers without loading models', async () => {
  const r = await cli(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Usage: newsgraph <command>/);
  const e = await cli(['extract', '--help']);
  assert.match(e.stdout, /--date YYYY-MM-DD/);
});

test('a .txt file gives one JSON object with the contract fields', async () => {
  const dir = workdir();
  writeFileSync(join(dir, 'a.txt'), ARTICLE);
  const r = await cli(['extract', 'a.txt', '--date', '2024-05-02'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout) as ExtractionResult;
  assert.equal(result.document.title, 'Coalition talks collapse in Vienna');
  assert.equal(result.document.published, '2024-05-02');
  assert.equal(result.document.language, 'en');
  assert.equal(result.document.metadata.photoCredit, 'Karl Huber / APA');
  assert.deepEqual(result.document.metadata.boilerplate, ['Read more']);
  assert.ok(result.document.text.startsWith('Coalition talks collapse in Vienna\n\nNegotiations'));
  assert.ok(Array.isArray(result.actors));
  // The reported clause, not the whole sentence; the speaker a description with no actor.
  assert.deepEqual(
    result.quotes.map((q) => [q.kind, q.speakerText, q.speaker, q.text]),
    [
      [
        'indirect',
        'party officials',
        null,
        'Negotiations between the two largest parties broke down on Thursday',
      ],
    ],
  );
  // "Negotiations between the two largest parties": consultation, reported by the officials.
  assert.deepEqual(
    result.events.map((e) => [e.type, e.source.text, e.attribution]),
    [['CONSULT', 'the two largest parties', 'q1']],
  );
  assert.equal(result.id.length, 16);
});

test('standard input is read when there is no argument or "-"', async () => {
  const r = await cli(['extract'], { stdin: ARTICLE });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    (JSON.parse(r.stdout) as ExtractionResult).document.title,
    'Coalition talks collapse in Vienna',
  );
  const dash = await cli(['extract', '-', '--format', 'jsonl'], { stdin: ARTICLE });
  assert.equal(dash.stdout.trim().split('\n').length, 1);
});

test('a JSONL file: one line per record in input order, ids kept, a bad line reported by number', async () => {
  const dir = workdir();
  const lines = [
    JSON.stringify({
      id: 'n1',
      title: 'First',
      text: 'The cabinet resigned on Monday.',
      date: '2007-01-02',
    }),
    '{"id": "n2", "title": "Broken", "text": "unterminated',
    JSON.stringify({ id: 'n3', title: 'Third', text: 'Troops left the city.' }),
    JSON.stringify({ id: 'n4', title: 'No text' }),
    '',
  ];
  writeFileSync(join(dir, 'batch.jsonl'), lines.join('\n'));
  const r = await cli(['extract', 'batch.jsonl', '--date', '2001-01-01'], { cwd: dir });
  assert.equal(r.code, 1);
  const out = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ExtractionResult);
  assert.deepEqual(
    out.map((o) => o.id),
    ['n1', 'n3'],
  );
  assert.equal(out[0]?.document.published, '2007-01-02');
  assert.equal(out[1]?.document.published, '2001-01-01');
  assert.match(r.stderr, /batch\.jsonl:2: NG_JSONL_PARSE: /);
  assert.match(r.stderr, /batch\.jsonl:4: NG_JSONL_RECORD: .*neither "text" nor "html"/);
});

test('--format json with several documents prints one array', async () => {
  const dir = workdir();
  writeFileSync(
    join(dir, 'two.jsonl'),
    [
      { id: 'a', text: 'The vote passed.' },
      { id: 'b', text: 'The vote failed.' },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n'),
  );
  const r = await cli(['extract', 'two.jsonl', '--format', 'json'], { cwd: dir });
  const parsed = JSON.parse(r.stdout) as ExtractionResult[];
  assert.deepEqual(
    parsed.map((p) => p.id),
    ['a', 'b'],
  );
});

test('an HTML page: Readability text and page metadata; its published time wins over --date', async () => {
  const dir = workdir();
  writeFileSync(
    join(dir, 'page.html'),
    `<!doctype html><html lang="en"><head><title>Border reopens | Example News</title>
<meta property="article:published_time" content="2023-10-04T09:00:00Z">
<link rel="canonical" href="https://news.example/border"></head><body>
<nav><a href="/">Home</a></nav><article><h1>Border reopens</h1>
<p>The border crossing reopened on Wednesday after three weeks, the interior ministry said.</p>
<p>Photo: Ana Ruiz / EFE</p><p>Traffic was light in the first hours, officials said.</p></article>
<footer>Share this article</footer></body></html>`,
  );
  const r = await cli(['extract', 'page.html', '--date', '2020-01-01'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout) as ExtractionResult;
  assert.equal(result.document.title, 'Border reopens');
  assert.equal(result.document.published, '2023-10-04');
  assert.equal(result.document.metadata.url, 'https://news.example/border');
  assert.equal(result.document.metadata.photoCredit, 'Ana Ruiz / EFE');
  assert.ok(!result.document.text.includes('Home'));
  assert.ok(!result.document.text.includes('Share this article'));
});

test('Windows-1251 with and without a declared charset, never mojibake', async () => {
  const dir = workdir();
  const html = `<html><head><meta charset="windows-1251"><title>Коалиция</title></head><body><article><p>${RU_TEXT}</p></article></body></html>`;
  writeFileSync(join(dir, 'declared.html'), cp1251(html));
  writeFileSync(join(dir, 'undeclared.txt'), cp1251(`Коалиция распалась\n\n${RU_TEXT}`));
  const declared = await cli(['extract', 'declared.html'], { cwd: dir });
  const d = JSON.parse(declared.stdout) as ExtractionResult;
  assert.ok(d.document.text.includes('Переговоры о коалиции'), d.document.text);
  assert.equal(d.document.metadata.encoding, 'windows-1251');
  assert.equal(d.document.language, 'ru');
  const undeclared = await cli(['extract', 'undeclared.txt'], { cwd: dir });
  const u = JSON.parse(undeclared.stdout) as ExtractionResult;
  assert.equal(u.document.title, 'Коалиция распалась');
  assert.equal(u.document.metadata.encoding, 'windows-1251');
  assert.ok(u.warnings.some((w) => w.code === 'NG_WARN_ENCODING_GUESSED'));
  assert.ok(u.warnings.some((w) => w.code === 'NG_WARN_LANGUAGE_UNSUPPORTED'));
  assert.match(undeclared.stderr, /warning NG_WARN_ENCODING_GUESSED/);
});

test('bad inputs each fail with their code and do not stop the others', async () => {
  const dir = workdir();
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(
    join(dir, 'binary.txt'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  );
  writeFileSync(
    join(dir, 'nothing.html'),
    '<html><head><script>var a = 1;</script></head><body><nav>Home</nav></body></html>',
  );
  writeFileSync(join(dir, 'huge.txt'), `Title\n\n${'word '.repeat(5000)}`);
  writeFileSync(join(dir, 'good.txt'), ARTICLE);
  const cases: [string, RegExp][] = [
    ['empty.txt', /empty\.txt: NG_INPUT_EMPTY: /],
    ['binary.txt', /binary\.txt: NG_INPUT_BINARY: /],
    ['nothing.html', /nothing\.html: NG_HTML_NO_CONTENT: /],
  ];
  for (const [file, error] of cases) {
    const r = await cli(['extract', file, 'good.txt'], { cwd: dir });
    assert.equal(r.code, 1, file);
    assert.match(r.stderr, error);
    assert.equal(r.stdout.trim().split('\n').length, 1, 'the good file is still printed');
  }
  const huge = await cli(['extract', 'huge.txt', '--max-bytes', '1000'], { cwd: dir });
  assert.equal(huge.code, 1);
  assert.match(huge.stderr, /huge\.txt: NG_INPUT_TOO_LARGE: .*limit of 1000 bytes/);
});

test('invalid UTF-8 declared as UTF-8 is an encoding error, not mojibake', async () => {
  const dir = workdir();
  const bytes = Buffer.concat([
    Buffer.from('<html><head><meta charset="utf-8"></head><body><p>Talks '),
    Buffer.from([0xc3, 0x28, 0xff]),
    Buffer.from(' resumed in the capital on Monday after a long pause.</p></body></html>'),
  ]);
  writeFileSync(join(dir, 'bad.html'), bytes);
  const r = await cli(['extract', 'bad.html'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /bad\.html: NG_INPUT_ENCODING: /);
});

test('malformed HTML is read leniently', async () => {
  const dir = workdir();
  writeFileSync(
    join(dir, 'broken.html'),
    '<p>The senate approved the budget on Friday after a long debate.<div></span><p>The opposition walked out in protest, its leader said.</b>',
  );
  const r = await cli(['extract', 'broken.html'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const text = (JSON.parse(r.stdout) as ExtractionResult).document.text;
  assert.match(text, /senate approved the budget/);
  assert.match(text, /opposition walked out/);
});

test('a directory of mixed files: every readable file in order, the rest reported', async () => {
  const dir = workdir();
  mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'in', 'a.txt'), ARTICLE);
  writeFileSync(join(dir, 'in', 'b.jsonl'), JSON.stringify({ id: 'j1', text: 'Parliament met.' }));
  writeFileSync(
    join(dir, 'in', 'sub', 'c.html'),
    '<p>The minister resigned on Sunday after weeks of pressure from the coalition.</p>',
  );
  writeFileSync(join(dir, 'in', 'd.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0]));
  writeFileSync(join(dir, 'in', 'notes.pdf'), '%PDF-1.4');
  const r = await cli(['extract', 'in'], { cwd: dir });
  assert.equal(r.code, 1);
  const ids = r.stdout
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as ExtractionResult).document.metadata.format);
  assert.deepEqual(ids, ['txt', 'jsonl', 'html']);
  assert.match(r.stderr, /in\/d\.txt: NG_INPUT_BINARY/);
  assert.match(r.stderr, /skipped 1 file\(s\)/);
});

test('usage errors and missing inputs exit 2 with a code', async () => {
  const missing = await cli(['extract', 'no/such/file.txt']);
  assert.equal(missing.code, 2);
  assert.match(
    missing.stderr,
    /NG_INPUT_NOT_FOUND: no such file or directory: no\/such\/file\.txt/,
  );
  const option = await cli(['extract', '--bogus']);
  assert.equal(option.code, 2);
  assert.match(option.stderr, /NG_USAGE: /);
  const date = await cli(['extract', '--date', '2024-13-45'], { stdin: ARTICLE });
  assert.equal(date.code, 2);
  assert.match(date.stderr, /NG_DATE_INVALID: /);
  const command = await cli(['frobnicate']);
  assert.equal(command.code, 2);
  assert.match(command.stderr, /NG_USAGE: unknown command 'frobnicate'/);
});

test('the table format is for people', async () => {
  const r = await cli(['extract', '--format', 'table'], { stdin: ARTICLE });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Coalition talks collapse in Vienna {2}[0-9a-f]{16}\n/);
  assert.match(r.stdout, /photo credit {2}Karl Huber \/ APA/);
  assert.ok(!r.stdout.includes('\u001b['), 'no colour when not on a terminal');
});

test('the built binary runs: help, exit codes, stdin', async () => {
  const bin = join(ROOT, 'bin', 'newsgraph.js');
  const help = await run(process.execPath, [bin, '--help']);
  assert.match(help.stdout, /Usage: newsgraph/);
  await assert.rejects(
    run(process.execPath, [bin, 'extract', 'missing.txt']),
    (e: { code?: number; stderr?: string }) => {
      assert.equal(e.code, 2);
      assert.match(e.stderr ?? '', /NG_INPUT_NOT_FOUND/);
      return true;
    },
  );
});

test('--kb and the config file add users’ own actors; a bad KB file is refused', async () => {
  const dir = workdir();
  const actor = {
    id: 'zorbanian-front',
    name: 'Zorbanian Liberation Front',
    type: 'armed_group',
    code: 'ZZZREB',
    country: null,
    aliases: ['Zorbanian Liberation Front', 'ZLF'],
  };
  writeFileSync(join(dir, 'mine.jsonl'), `${JSON.stringify(actor)}\n`);
  writeFileSync(
    join(dir, 'a.txt'),
    'Clashes\n\nThe ZLF attacked a convoy on Monday, officials said.',
  );
  const withKb = await cli(['extract', 'a.txt', '--kb', 'mine.jsonl'], { cwd: dir });
  assert.equal(withKb.code, 0, withKb.stderr);
  const found = (JSON.parse(withKb.stdout) as ExtractionResult).actors.find(
    (a) => a.id === 'zorbanian-front',
  );
  assert.equal(found?.code, 'ZZZREB');
  assert.deepEqual(
    found?.mentions.map((m) => m.text),
    ['ZLF'],
  );

  writeFileSync(join(dir, 'newsgraph.config.json'), JSON.stringify({ kb: ['mine.jsonl'] }));
  const withConfig = await cli(['extract', 'a.txt'], { cwd: dir });
  assert.ok(
    (JSON.parse(withConfig.stdout) as ExtractionResult).actors.some(
      (a) => a.id === 'zorbanian-front',
    ),
  );

  writeFileSync(join(dir, 'bad.jsonl'), '{"id": "Bad Id", "name": "x"}\n');
  const bad = await cli(['extract', 'a.txt', '--kb', 'bad.jsonl'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /bad\.jsonl:1: NG_KB_INVALID: id must be a lower-case slug/);
  const missing = await cli(['extract', 'a.txt', '--kb', 'nope.jsonl'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /NG_INPUT_NOT_FOUND/);
});

test('--explain gives every event its clause, trigger, rule and reasons', async () => {
  const dir = workdir();
  writeFileSync(
    join(dir, 'a.txt'),
    'Talks fail\n\nThis suits Putin, who refuses to meet with Zelensky.\n',
  );
  const r = await cli(['extract', 'a.txt', '--date', '2025-08-25', '--explain'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const [event] = (JSON.parse(r.stdout) as ExtractionResult).events;
  assert.deepEqual(event?.explanation?.slice(0, 3), [
    'clause: This suits [source Putin], who refuses to meet with [target Zelensky].',
    'trigger: "refuses to meet"',
    'rule reject.refuse-to-meet: Refusing to meet, talk or negotiate rejects a meeting.',
  ]);
  const table = await cli(
    ['extract', 'a.txt', '--date', '2025-08-25', '--explain', '--format', 'table'],
    {
      cwd: dir,
    },
  );
  assert.match(table.stdout, /e1 REJECT reject\.refuse-to-meet\n {4}clause: /);
  // Without --explain the contract has no explanation field.
  const plain = await cli(['extract', 'a.txt', '--date', '2025-08-25'], { cwd: dir });
  assert.equal((JSON.parse(plain.stdout) as ExtractionResult).events[0]?.explanation, undefined);
});
