/** Runs the real CLI code in-process, with string collectors for its output streams. */
import { resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHARED = resolve(ROOT, '../shared');

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  args: string[],
  options: { cwd?: string; stdin?: Buffer | string } = {},
): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: options.cwd ?? ROOT,
    readStdin: async () => Buffer.from(options.stdin ?? ''),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
