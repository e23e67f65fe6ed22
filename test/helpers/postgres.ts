/**
 * A real PostgreSQL server for tests: Debian's `postgresql` package, started in a temporary
 * directory on a free loopback port, one per test process, stopped by its pid afterwards.
 *
 * Debian puts `initdb` and `pg_ctl` in /usr/lib/postgresql/<version>/bin (not on PATH), and
 * they refuse to run as root: as root they run as the `postgres` user (runuser), in a
 * directory that user owns (data, log, socket). When the package is missing and we are root,
 * it is installed with apt-get; otherwise the tests fail and say which command installs it.
 */
import { spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const ROOT = '/usr/lib/postgresql';
const INSTALL = 'apt-get install -y --no-install-recommends postgresql';

export interface PostgresServer {
  port: number;
  /** A URL for a database of this server (default `postgres`). */
  url(database?: string): string;
  /** A new, empty database; returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

function newestBin(): string | undefined {
  if (!existsSync(ROOT)) return undefined;
  const versions = readdirSync(ROOT)
    .filter((v) => existsSync(join(ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(ROOT, versions[0], 'bin');
}

const isRoot = () => process.getuid?.() === 0;

function run(command: string, args: string[], what: string): void {
  const r = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) {
    throw new Error(`${what} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout || r.error}`);
  }
}

/** The PostgreSQL bin directory, installing the package when missing and we may. */
export function postgresBin(): string {
  let bin = newestBin();
  if (bin === undefined && isRoot()) {
    run('apt-get', ['update'], 'apt-get update');
    run('apt-get', INSTALL.split(' ').slice(1), INSTALL);
    bin = newestBin();
  }
  if (bin === undefined) {
    throw new Error(
      `PostgreSQL is not installed (no ${ROOT}/<version>/bin/initdb); as root run: ${INSTALL}`,
    );
  }
  return bin;
}

/** A TCP port free on the loopback interface right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function start(): Promise<PostgresServer> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-pg-'));
  const data = join(dir, 'data');
  const sockets = join(dir, 'sockets');
  mkdirSync(sockets);
  // As root, the server runs as `postgres`, which must own its directories.
  const asServerUser = (command: string, args: string[]): [string, string[]] =>
    isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  if (isRoot()) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout);
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout);
    for (const path of [dir, sockets]) chownSync(path, uid, gid);
  }
  run(
    ...asServerUser(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
    ]),
    'initdb',
  );
  let port = 0;
  let lastError: unknown;
  // Another process may take the free port before the server binds it: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    port = await freePort();
    try {
      run(
        ...asServerUser(join(bin, 'pg_ctl'), [
          '-D',
          data,
          '-l',
          join(dir, 'server.log'),
          '-w',
          '-t',
          '60',
          '-o',
          `-p ${port} -k ${sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
          'start',
        ]),
        'pg_ctl start',
      );
      lastError = undefined;
      break;
    } catch (error) {
      lastError = error;
    }
  }
  if (lastError !== undefined) {
    const log = existsSync(join(dir, 'server.log'))
      ? readFileSync(join(dir, 'server.log'), 'utf8')
      : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${String(lastError)}\n${log}`);
  }
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  // Should the test process end without stop() (a crash), the server does not outlive it.
  const onExit = () => {
    if (alive(pid)) process.kill(pid, 'SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', onExit);

  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let databases = 0;
  return {
    port,
    url,
    async createDatabase() {
      const name = `test_${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      process.off('exit', onExit);
      if (alive(pid)) {
        // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, then it exits.
        process.kill(pid, 'SIGINT');
        for (let i = 0; i < 600 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
        if (alive(pid)) process.kill(pid, 'SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let shared: Promise<PostgresServer> | undefined;

/** The test process's server, started on first use. Call stop() once, after the tests. */
export function sharedPostgres(): Promise<PostgresServer> {
  shared ??= start();
  return shared;
}
