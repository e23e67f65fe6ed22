/**
 * `newsgraph ingest` through the real CLI: options and usage errors, exit codes, the summary,
 * reruns, standard input, a database that is not one; a real child process killed with
 * SIGKILL mid-run and rerun (nothing lost, nothing doubled); and the 300-article check of
 * issue #7 on the shared corpus.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../src/store/open.js';
import type { Store } from '../../../src/store/store.js';
import { SHARED, runCli } from '../../helpers/cli.js';
import { FEED_FIXTURES } from '../../helpers/http-server.js';
import { articlesJsonl, generateArticles } from '../ingest/articles.js';
import { startCli, waitFor } from '../ingest/child.js';

const CORPUS = join(SHARED, 'corpus/wikinews-politics.jsonl');

function workdir(): string {
  return mkdtempSync(join(tmpdir(), 'newsgraph-cli-ingest-'));
}

async function withStore<T>(file: string, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(`sqlite:${file}`, { mustExist: true, readonly: true });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** Every stored event belongs to a stored result, once: no event doubled, none lost. */
async function checkEvents(store: Store): Promise<void> {
  const documents = (await store.documents({ limit: 10_000 })).items;
  let expected = 0;
  for (const doc of documents) {
    if (doc.duplicateOf !== null) continue;
    const result = await store.result(doc.id);
    const events = (await store.events({ document: doc.id, limit: 10_000 })).items;
    assert.equal(events.length, result?.events.length, `events of ${doc.id}`);
    expected += events.length;
  }
  const all = (await store.events({ limit: 10_000 })).items;
  assert.equal(new Set(all.map((e) => e.uid)).size, all.length, 'event uids are unique');
  assert.equal((await store.stats()).events, expected);
}

test('help, and the command in the main help', async () => {
  const help = await runCli(['ingest', '--help']);
  assert.equal(help.code, 0);
  for (const option of [
    '--db URL',
    '--workers N',
    '--date',
    '--kb FILE',
    '--max-bytes',
    '--rate',
    '--timeout',
  ]) {
    assert.ok(help.stdout.includes(option), option);
  }
  const main = await runCli(['--help']);
  assert.match(main.stdout, /^ {2}ingest +extract and store/m);
  assert.match(main.stdout, /^ {2}watch +poll RSS\/Atom feeds/m);
  assert.doesNotMatch(main.stdout, /Not yet available: .*ingest/);
});

test('usage errors exit 2 with a code, before anything is stored', async () => {
  const dir = workdir();
  writeFileSync(join(dir, 'a.txt'), 'Title\n\nThe minister resigned on Monday.');
  const cases: [string[], RegExp][] = [
    [['ingest'], /NG_USAGE: nothing to ingest/],
    [['ingest', 'a.txt', '--workers', '0'], /NG_USAGE: --workers must be a positive integer/],
    [['ingest', 'a.txt', '--rate', 'fast'], /NG_USAGE: --rate must be a non-negative duration/],
    [['ingest', 'a.txt', '--timeout', '0'], /NG_USAGE: --timeout must be a positive duration/],
    [['ingest', 'a.txt', '--date', '2024-02-30'], /NG_DATE_INVALID/],
    [['ingest', 'a.txt', '--max-bytes', '-5'], /NG_USAGE/],
    [['ingest', 'missing.txt'], /NG_INPUT_NOT_FOUND: no such file or directory: missing\.txt/],
    [['ingest', 'a.txt', '--kb', 'missing-kb.jsonl'], /NG_INPUT_NOT_FOUND/],
    [['ingest', 'a.txt', '--db', 'mysql://x'], /NG_USAGE: unknown store/],
    [['ingest', 'a.txt', '--bogus'], /NG_USAGE: Unknown option '--bogus'/],
  ];
  for (const [args, message] of cases) {
    const withDb = args.includes('--db') ? args : [...args, '--db', 'sqlite:x.db'];
    const r = await runCli(withDb, { cwd: dir });
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message, args.join(' '));
  }
  assert.ok(!existsSync(join(dir, 'x.db')), 'no store was created');
});

test('a file that is not a database is refused and left as it was', async () => {
  const dir = workdir();
  writeFileSync(join(dir, 'a.txt'), 'Title\n\nThe minister resigned on Monday.');
  const notes = 'My notes: not a database at all.\n'.repeat(200);
  writeFileSync(join(dir, 'notes.db'), notes);
  const r = await runCli(['ingest', 'a.txt', '--db', 'sqlite:notes.db', '--workers', '1'], {
    cwd: dir,
  });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /NG_STORE_CORRUPT/);
  assert.equal(readFileSync(join(dir, 'notes.db'), 'utf8'), notes);
});

test('exit 1 when some documents fail, each reported; a rerun adds nothing; stdin works', async () => {
  const dir = workdir();
  writeFileSync(
    join(dir, 'batch.jsonl'),
    articlesJsonl(generateArticles(3, 31)) + '{"id": "x", "text": 5}\n',
  );
  writeFileSync(join(dir, 'empty.txt'), '');
  copyFileSync(join(FEED_FIXTURES, 'pages/drought-aid.html'), join(dir, 'aid.html'));
  const args = [
    'ingest',
    'batch.jsonl',
    'empty.txt',
    'aid.html',
    '--db',
    'sqlite:news.db',
    '--workers',
    '1',
  ];
  const first = await runCli(args, { cwd: dir });
  assert.equal(first.code, 1, first.stderr);
  assert.match(
    first.stderr,
    /^newsgraph ingest: batch\.jsonl:4: NG_JSONL_RECORD: field "text" must be a string$/m,
  );
  assert.match(first.stderr, /^newsgraph ingest: empty\.txt: NG_INPUT_EMPTY: /m);
  assert.match(
    first.stderr,
    /^newsgraph ingest: 6 documents in [\d.]+ s \([\d.]+ docs\/s\): 4 new, 0 near-duplicates, 0 already stored, 2 failed → sqlite:news\.db$/m,
  );
  assert.equal(first.stdout, '');

  const second = await runCli(args, { cwd: dir });
  assert.equal(second.code, 1);
  assert.match(second.stderr, /: 0 new, 0 near-duplicates, 4 already stored, 2 failed/);

  const good = await runCli(
    ['ingest', 'batch.jsonl', 'aid.html', '--db', 'sqlite:news.db', '--workers', '1'],
    { cwd: dir },
  );
  assert.equal(good.code, 1, 'line 4 still fails');
  const stdin = await runCli(
    ['ingest', '-', '--db', 'sqlite:news.db', '--workers', '1', '--date', '2024-03-02'],
    {
      cwd: dir,
      stdin: articlesJsonl(generateArticles(2, 32)),
    },
  );
  assert.equal(stdin.code, 0, stdin.stderr);
  assert.match(stdin.stderr, /2 documents in .*: 2 new/);
  await withStore(join(dir, 'news.db'), async (store) => {
    assert.equal((await store.stats()).documents, 6);
    assert.equal(
      (await store.result('test-32-001'))?.document.published,
      '2024-03-01',
      "the line's own date wins",
    );
  });

  writeFileSync(join(dir, 'nothing.jsonl'), '\n\n');
  const none = await runCli(
    ['ingest', 'nothing.jsonl', '--db', 'sqlite:news.db', '--workers', '1'],
    { cwd: dir },
  );
  assert.equal(none.code, 2);
  assert.match(none.stderr, /NG_INPUT_EMPTY: no document found/);
});

test('a read-only store: nothing could be done, exit 2 with NG_STORE_READONLY, nothing lost', async () => {
  const dir = workdir();
  writeFileSync(join(dir, 'a.jsonl'), articlesJsonl(generateArticles(2, 41)));
  writeFileSync(join(dir, 'b.jsonl'), articlesJsonl(generateArticles(2, 42)));
  const ok = await runCli(['ingest', 'a.jsonl', '--db', 'sqlite:ro.db', '--workers', '1'], {
    cwd: dir,
  });
  assert.equal(ok.code, 0, ok.stderr);
  const ro = await runCli(['ingest', 'b.jsonl', '--db', 'sqlite:ro.db?mode=ro', '--workers', '1'], {
    cwd: dir,
  });
  assert.equal(ro.code, 2);
  assert.match(ro.stderr, /NG_STORE_READONLY/);
  await withStore(join(dir, 'ro.db'), async (store) =>
    assert.equal((await store.stats()).documents, 2),
  );
});

test('killed with SIGKILL mid-run, a rerun finishes the job: nothing lost, nothing doubled', async () => {
  const dir = workdir();
  writeFileSync(join(dir, 'articles.jsonl'), articlesJsonl(generateArticles(60, 21)));
  const db = join(dir, 'crash.db');
  const args = ['ingest', 'articles.jsonl', '--db', 'sqlite:crash.db', '--workers', '2'];
  const first = startCli(args, dir);
  // Poll the database from here; kill as soon as a few documents are stored.
  const storedAtKill = await waitFor(async () => {
    if (!existsSync(db)) return undefined;
    try {
      const n = await withStore(db, async (s) => (await s.stats()).documents);
      if (n < 3) return undefined;
      first.process.kill('SIGKILL');
      return n;
    } catch {
      return undefined; // created but not yet migrated: try again
    }
  });
  const killed = await first.exited;
  assert.equal(killed.signal, 'SIGKILL', first.stderr());
  const afterKill = await withStore(db, async (store) => {
    await checkEvents(store);
    return (await store.stats()).documents;
  });
  assert.ok(afterKill >= storedAtKill && afterKill < 60, `${afterKill} stored when killed`);

  const second = startCli(args, dir);
  const done = await second.exited;
  assert.equal(done.code, 0, second.stderr());
  assert.match(
    second.stderr(),
    new RegExp(
      `60 documents in .*: ${60 - afterKill} new, 0 near-duplicates, ${afterKill} already stored, 0 failed`,
    ),
  );
  await withStore(db, async (store) => {
    const stats = await store.stats();
    assert.equal(stats.documents, 60);
    assert.equal(stats.duplicates, 0);
    await checkEvents(store);
    const ids = (await store.documents({ limit: 100 })).items.map((d) => d.id).sort();
    assert.deepEqual(
      ids,
      generateArticles(60, 21)
        .map((a) => a.id)
        .sort(),
    );
  });
});

test(
  'issue #7: 300 corpus articles into a fresh SQLite file, twice: 300 documents, the second run adds nothing',
  { skip: existsSync(CORPUS) ? false : `the shared corpus is absent (${CORPUS})` },
  async () => {
    const dir = workdir();
    const lines = readFileSync(CORPUS, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, 300);
    writeFileSync(join(dir, 'corpus-300.jsonl'), lines.join('\n') + '\n');
    const args = ['ingest', 'corpus-300.jsonl', '--db', 'sqlite:corpus.db'];
    const first = await runCli(args, { cwd: dir });
    assert.equal(first.code, 0, first.stderr);
    const second = await runCli(args, { cwd: dir });
    assert.equal(second.code, 0, second.stderr);
    assert.match(
      second.stderr,
      /300 documents in .*: 0 new, 0 near-duplicates, 300 already stored, 0 failed/,
    );
    await withStore(join(dir, 'corpus.db'), async (store) => {
      const stats = await store.stats();
      assert.equal(stats.documents, 300);
      const match = /: (\d+) new, (\d+) near-duplicates?, 0 already stored, 0 failed/.exec(
        first.stderr,
      );
      assert.ok(match, first.stderr);
      assert.equal(Number(match[1]) + Number(match[2]), 300);
      assert.equal(stats.duplicates, Number(match[2]));
      assert.ok(stats.events > 0 && stats.actors > 0 && stats.quotes > 0);
    });
  },
);
