/**
 * The settings file: `--config FILE`, else `newsgraph.config.json` in the working directory
 * when there is one. Today it names users' knowledge-base files: `{"kb": ["actors.jsonl"]}`
 * (paths relative to the working directory).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NewsgraphError } from '../core/errors.js';

export interface Config {
  kb: string[];
}

export const CONFIG_FILE = 'newsgraph.config.json';

export function readConfig(cwd: string, path?: string): Config {
  const file = resolve(cwd, path ?? CONFIG_FILE);
  if (!existsSync(file)) {
    if (path) throw new NewsgraphError('NG_INPUT_NOT_FOUND', `config file not found: ${path}`);
    return { kb: [] };
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new NewsgraphError('NG_USAGE', `${file} is not valid JSON: ${(error as Error).message}`);
  }
  const kb = (value as { kb?: unknown }).kb ?? [];
  if (!Array.isArray(kb) || !kb.every((k) => typeof k === 'string')) {
    throw new NewsgraphError('NG_USAGE', `${file}: "kb" must be a list of file paths`);
  }
  return { kb };
}
