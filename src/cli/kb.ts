/**
 * `newsgraph kb check | show | import petrarch`: tools for the people who write the knowledge
 * base. The work is in src/kb/check.ts and src/kb/import-petrarch.ts; this module parses
 * options, resolves paths against the working directory and prints.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { NewsgraphError } from '../core/errors.js';
import {
  checkKnowledgeBase,
  kbDirFiles,
  readKbRecords,
  readTextFile,
  type CheckIssue,
  type CheckReport,
  type LoadedActor,
} from '../kb/check.js';
import { importPetrarch, importSummary } from '../kb/import-petrarch.js';
import { codeOn, DEFAULT_KB_DIR, rolesOn } from '../kb/kb.js';
import { aliasKey } from '../kb/normalize.js';
import { ACTOR_TYPES, type ActorType, type KbRole } from '../kb/schema.js';
import { dateOption, parseCommandArgs } from './args.js';
import type { CliIO } from './io.js';

/** Read only when present: the project never depends on ../shared otherwise. */
const DEFAULT_ARCHIGOS = '../shared/kb-sources/archigos/archigos_4.1.csv';

export const HELP = `Usage: newsgraph kb <command> [options]

Commands:
  check [--kb FILE]... [--archigos FILE] [--json]
      Reads every KB file without stopping at the first bad record and reports, each with
      file:line: invalid JSON and schema errors, duplicate ids, alias clashes, overlapping
      roles, open-ended roles not confirmed for 18 months, and head-of-state/government
      dates that disagree with Archigos (when ${DEFAULT_ARCHIGOS}
      exists or --archigos is given). Exit 0 without problems (warnings allowed), 1 with.
  show NAME [--date YYYY-MM-DD] [--kb FILE]...
      The actors whose id, name or alias is NAME (case and accents ignored), with their
      roles; '*' marks the roles held on --date (default today). Exit 1 when none matches.
  import petrarch FILE [--out FILE] [--type TYPE]
      Converts a PETRARCH2/Phoenix actor dictionary to KB records (JSONL on standard output
      or in --out). Entries without dated roles get --type (default organization).

Options:
  --kb FILE        a user's KB file, loaded after the base files; may replace their actors
  --kb-dir DIR     the base KB directory (default data/kb; agents.jsonl is not an actor file)
  --archigos FILE  Archigos 4.1 CSV to compare leaders' dates with
  --no-archigos    skip the Archigos comparison even when the shared file exists
  --today DATE     judge staleness as of DATE instead of today (reproducible checks)
  --json           check: one JSON object {actors, byType, problems, warnings, info, …}
  --date DATE      show: the date roles and codes are taken at
  --out FILE       import: write the records here instead of standard output
  --type TYPE      import: ${ACTOR_TYPES.join(', ')}
  -h, --help       this help
`;

function resolvePath(io: CliIO, path: string): string {
  return resolve(io.cwd, path);
}

/** Paths as the user would type them from the working directory, absolute when outside it. */
function displayPath(io: CliIO, path: string): string {
  const rel = relative(io.cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function baseFiles(io: CliIO, dir: string | undefined): string[] {
  return kbDirFiles(dir === undefined ? DEFAULT_KB_DIR : resolvePath(io, dir));
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    case 'check':
      return runCheck(rest, io);
    case 'show':
      return runShow(rest, io);
    case 'import':
      return runImport(rest, io);
    default:
      throw new NewsgraphError(
        'NG_USAGE',
        `unknown kb command '${command}' (check, show, import); run 'newsgraph kb --help'`,
      );
  }
}

// ---------------------------------------------------------------------------------------------
// check
// ---------------------------------------------------------------------------------------------

function formatIssue(issue: CheckIssue): string {
  return `  ${issue.line ? `${issue.file}:${issue.line}` : issue.file}: ${issue.message}\n`;
}

function formatReport(report: CheckReport): string {
  const types = Object.entries(report.byType)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([type, n]) => `${type} ${n}`)
    .join(', ');
  let out =
    `${report.files.length} files: ${report.actors} actors (${types || 'none'}), ` +
    `${report.roles} roles, ${report.aliases} aliases\n`;
  for (const [title, list] of [
    ['problems', report.problems],
    ['warnings', report.warnings],
    ['info', report.info],
  ] as const) {
    if (!list.length) continue;
    out += `${title} (${list.length}):\n`;
    for (const issue of list) out += formatIssue(issue);
  }
  out += `${report.problems.length} problems, ${report.warnings.length} warnings\n`;
  return out;
}

async function runCheck(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    kb: { type: 'string', multiple: true },
    'kb-dir': { type: 'string' },
    archigos: { type: 'string' },
    'no-archigos': { type: 'boolean' },
    today: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length) {
    throw new NewsgraphError('NG_USAGE', `kb check takes no arguments (got "${positionals[0]}")`);
  }
  if (values.archigos !== undefined && values['no-archigos']) {
    throw new NewsgraphError('NG_USAGE', '--archigos and --no-archigos exclude each other');
  }
  const overlays = (values.kb ?? []).map((f) => resolvePath(io, f));
  for (const file of overlays) {
    if (!existsSync(file)) {
      throw new NewsgraphError('NG_INPUT_NOT_FOUND', `KB file not found: ${file}`);
    }
  }
  let archigos: string | undefined;
  if (values.archigos !== undefined) {
    archigos = resolvePath(io, values.archigos);
    if (!existsSync(archigos)) {
      throw new NewsgraphError('NG_INPUT_NOT_FOUND', `Archigos file not found: ${archigos}`);
    }
  } else if (!values['no-archigos'] && existsSync(resolvePath(io, DEFAULT_ARCHIGOS))) {
    archigos = resolvePath(io, DEFAULT_ARCHIGOS);
  }
  const report = checkKnowledgeBase({
    files: baseFiles(io, values['kb-dir']),
    overlays,
    ...(archigos === undefined ? {} : { archigos }),
    today: dateOption(values.today, '--today') ?? today(),
    label: (path) => displayPath(io, path),
  });
  io.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReport(report));
  return report.problems.length ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// show
// ---------------------------------------------------------------------------------------------

function roleEnd(role: KbRole): string {
  if (role.end !== null) return role.end;
  return role.asOf ? `open (as of ${role.asOf})` : 'open';
}

/** Columns padded to their widest cell; the last column is not padded. */
function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

export function formatActor(entry: LoadedActor, date: string, where: string): string {
  const { actor } = entry;
  const held = new Set(rolesOn(actor, date));
  const code = codeOn(actor, date);
  const lines = [
    `${actor.id}  (${where})`,
    `  name     ${actor.name}`,
    `  type     ${actor.type}`,
    `  code     ${code ?? '—'} on ${date}` +
      (actor.code && actor.code !== code ? ` (own code ${actor.code})` : ''),
    `  country  ${actor.country ?? '—'}`,
    `  aliases  ${actor.aliases.join(', ')}`,
  ];
  const roles = actor.roles ?? [];
  if (!roles.length) {
    lines.push('  roles    none');
  } else {
    lines.push(`  roles    (* held on ${date})`);
    const rows = [['', 'title', 'office', 'code', 'start', 'end', 'source']];
    for (const role of roles) {
      rows.push([
        held.has(role) ? '*' : ' ',
        role.title,
        role.office ?? '—',
        role.code,
        role.start ?? '—',
        roleEnd(role),
        role.source,
      ]);
    }
    for (const row of table(rows)) lines.push(`    ${row}`);
  }
  return `${lines.join('\n')}\n`;
}

async function runShow(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    date: { type: 'string' },
    kb: { type: 'string', multiple: true },
    'kb-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const query = positionals.join(' ').trim();
  if (!query) throw new NewsgraphError('NG_USAGE', 'kb show needs a NAME (an id, name or alias)');
  const date = dateOption(values.date, '--date') ?? today();
  const overlays = (values.kb ?? []).map((f) => resolvePath(io, f));
  for (const file of overlays) {
    if (!existsSync(file)) {
      throw new NewsgraphError('NG_INPUT_NOT_FOUND', `KB file not found: ${file}`);
    }
  }
  const kb = readKbRecords(baseFiles(io, values['kb-dir']), overlays, (path) =>
    displayPath(io, path),
  );
  if (kb.invalid) {
    io.stderr.write(
      `newsgraph kb show: ${kb.invalid} invalid KB records left out; run 'newsgraph kb check'\n`,
    );
  }
  const key = aliasKey(query);
  const matches = [...kb.actors.values()].filter(
    ({ actor }) =>
      actor.id === query ||
      (key !== '' &&
        (aliasKey(actor.name) === key || actor.aliases.some((a) => aliasKey(a) === key))),
  );
  if (!matches.length) {
    io.stderr.write(`newsgraph kb show: NG_INPUT_NOT_FOUND: no actor matches "${query}"\n`);
    return 1;
  }
  io.stdout.write(matches.map((m) => formatActor(m, date, `${m.file}:${m.line}`)).join('\n'));
  return 0;
}

// ---------------------------------------------------------------------------------------------
// import
// ---------------------------------------------------------------------------------------------

async function runImport(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    out: { type: 'string' },
    type: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const [format, input, ...extra] = positionals;
  if (format !== 'petrarch') {
    throw new NewsgraphError(
      'NG_USAGE',
      format === undefined
        ? 'kb import needs a format and a file: kb import petrarch FILE'
        : `unknown import format '${format}' (supported: petrarch)`,
    );
  }
  if (input === undefined || extra.length) {
    throw new NewsgraphError('NG_USAGE', 'kb import petrarch takes exactly one FILE');
  }
  const type = values.type ?? 'organization';
  if (!(ACTOR_TYPES as readonly string[]).includes(type)) {
    throw new NewsgraphError(
      'NG_USAGE',
      `--type must be one of ${ACTOR_TYPES.join(', ')}, got "${type}"`,
    );
  }
  const file = resolvePath(io, input);
  const { text, warnings } = readTextFile(file, 'dictionary');
  for (const w of warnings) io.stderr.write(`newsgraph kb import: ${w.code}: ${w.message}\n`);
  const result = importPetrarch(text, { type: type as ActorType, fileName: basename(file) });
  const jsonl = result.records.map((r) => `${JSON.stringify(r)}\n`).join('');
  if (values.out !== undefined) {
    const out = resolvePath(io, values.out);
    try {
      writeFileSync(out, jsonl);
    } catch (error) {
      throw new NewsgraphError(
        'NG_INPUT_NOT_FOUND',
        `cannot write ${out}: ${(error as Error).message}`,
        { file: out },
      );
    }
  } else {
    io.stdout.write(jsonl);
  }
  const shownSkips = 20;
  for (const s of result.skipped.slice(0, shownSkips)) {
    io.stderr.write(`${input}:${s.line}: skipped "${s.text}": ${s.reason}: ${s.detail}\n`);
  }
  if (result.skipped.length > shownSkips) {
    io.stderr.write(`… and ${result.skipped.length - shownSkips} more skipped\n`);
  }
  io.stderr.write(`newsgraph kb import: ${importSummary(result, input)}\n`);
  return result.records.length ? 0 : 1;
}
