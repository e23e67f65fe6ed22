/**
 * The command-line entry: dispatches to one command module, loaded on demand so that
 * `newsgraph --help` does not load any model.
 */
import { asNewsgraphError } from '../core/errors.js';
import { processIO, type CliIO } from './io.js';

interface Command {
  summary: string;
  load(): Promise<{ run(args: string[], io: CliIO): Promise<number> }>;
}

const COMMANDS: Record<string, Command> = {
  extract: {
    summary: 'extract actors, quotes and events from articles (text, HTML, JSONL, directories)',
    load: () => import('./extract.js'),
  },
  eval: {
    summary: 'score extraction against gold files (article gold, PLOVER sentence records)',
    load: () => import('./eval.js'),
  },
  bench: {
    summary: 'measure throughput and memory against the wink-nlp baseline',
    load: () => import('./bench.js'),
  },
  kb: {
    summary: 'check, show and import knowledge-base actors (kb check | show | import petrarch)',
    load: () => import('./kb.js'),
  },
  rules: {
    summary: 'check the event rules and run their example sentences (rules check)',
    load: () => import('./rules.js'),
  },
  ingest: {
    summary: 'extract and store articles from files, JSONL, web pages and RSS/Atom feeds',
    load: () => import('./ingest.js'),
  },
  watch: {
    summary: 'poll RSS/Atom feeds at an interval and store their new articles',
    load: () => import('./watch.js'),
  },
  export: {
    summary: 'write stored events as GDELT 2.0 event rows, PLOVER/POLECAT JSON or CSV',
    load: () => import('./export.js'),
  },
  query: {
    summary: 'list stored events, actors, quotes or documents, filtered (table, JSON, CSV)',
    load: () => import('./query.js'),
  },
};

/** Commands of the contract that later work brings; named so users know they are coming. */
const PLANNED = ['serve', 'worker'];

export const MAIN_HELP = `newsgraph — structured, sourced data about world politics from news articles

Usage: newsgraph <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`)
  .join('\n')}

Not yet available: ${PLANNED.join(', ')}.
Run 'newsgraph <command> --help' for a command's options.
`;

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(MAIN_HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write('newsgraph 0.1.0\n');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    const hint = PLANNED.includes(name)
      ? `'${name}' is not available yet in this version`
      : `unknown command '${name}'`;
    io.stderr.write(`newsgraph: NG_USAGE: ${hint}; run 'newsgraph --help'\n`);
    return 2;
  }
  try {
    const module = await command.load();
    return await module.run(rest, io);
  } catch (error) {
    const e = asNewsgraphError(error);
    io.stderr.write(`newsgraph ${name}: ${e.toLine()}\n`);
    return e.code === 'NG_INTERNAL' ? 1 : 2;
  }
}
