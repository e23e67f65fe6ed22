/** Paths and the in-process CLI runner for the kb command's tests. */
import { resolve } from 'node:path';
import { ROOT, SHARED, runCli, type Ran } from '../../helpers/cli.js';

export { ROOT, SHARED };
/** The KB-tools fixtures; CLI tests run from here so that paths print short. */
export const FIXTURES = resolve(ROOT, 'test/fixtures/kb-tools');

export function cli(args: string[], cwd = FIXTURES): Promise<Ran> {
  return runCli(args, { cwd });
}
