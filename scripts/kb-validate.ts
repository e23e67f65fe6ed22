/**
 * Validates data/kb/*.jsonl (or the files given): schema, duplicate ids within and across
 * files. Exit 1 when anything is wrong. `npm run kb:validate [FILE...]`
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateActor } from '../src/kb/schema.js';

const dir = resolve(import.meta.dirname, '../data/kb');
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl') && f !== 'agents.jsonl')
      .map((f) => join(dir, f));
const seen = new Map<string, string>();
let problems = 0;
let actors = 0;
for (const file of files) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${file}:${i + 1}`;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (e) {
        console.log(`${where}: not JSON: ${(e as Error).message}`);
        problems++;
        return;
      }
      for (const p of validateActor(record)) {
        console.log(`${where}: ${p}`);
        problems++;
      }
      const id = (record as { id?: unknown }).id;
      if (typeof id === 'string') {
        const other = seen.get(id);
        if (other) {
          console.log(`${where}: duplicate id "${id}" (also ${other})`);
          problems++;
        } else seen.set(id, where);
      }
      actors++;
    });
}
console.log(`${actors} actors in ${files.length} files, ${problems} problems`);
process.exitCode = problems ? 1 : 0;
