/** Runs the CLI in-process with collecting streams, as the other CLI tests do. */
import { resolve } from 'node:path';
import { main } from '../../../src/cli/main.js';
import type { CliIO } from '../../../src/cli/io.js';

export const ROOT = resolve(import.meta.dirname, '../../..');
/** The KB-tools fixtures; CLI tests run from here so that paths print short. */
export const FIXTURES = resolve(ROOT, 'test/fixtures/kb-tools');
export const SHARED = resolve(ROOT, '../shared');

export async function cli(args: string[], cwd = FIXTURES) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    readStdin: async () => Buffer.alloc(0),
  };
  return { code: await main(args, io), stdout, stderr };
}
