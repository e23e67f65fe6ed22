/** The `table` format: a readable summary of one result, aligned columns, colour on a TTY. */
import type { ExtractionResult } from '../output/result.js';

interface Style {
  bold(s: string): string;
  dim(s: string): string;
  warn(s: string): string;
}

function style(color: boolean): Style {
  const wrap = (code: string) => (s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { bold: wrap('1'), dim: wrap('2'), warn: wrap('33') };
}

/** Aligns rows of cells into columns separated by two spaces. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) =>
        i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length),
      )
      .join('  ')
      .trimEnd(),
  );
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function formatTable(result: ExtractionResult, options: { color: boolean }): string {
  const s = style(options.color);
  const d = result.document;
  const m = d.metadata;
  const lines: string[] = [];
  lines.push(`${s.bold(d.title ?? '(no title)')}  ${s.dim(result.id)}`);
  const facts: [string, string][] = [
    ['published', d.published ?? '—'],
    ['language', d.language],
    ['sentences', String(d.sentences.length)],
    ['characters', String(d.text.length)],
  ];
  if (m.views !== undefined) facts.push(['views', String(m.views)]);
  if (m.photoCredit !== undefined) facts.push(['photo credit', m.photoCredit]);
  if (m.byline !== undefined) facts.push(['byline', m.byline]);
  if (m.dateline !== undefined) facts.push(['dateline', m.dateline]);
  if (m.url !== undefined) facts.push(['url', m.url]);
  if (m.boilerplate?.length)
    facts.push(['boilerplate', m.boilerplate.map((b) => `“${b}”`).join(', ')]);
  for (const line of alignColumns(facts.map(([k, v]) => [s.dim(k), v]))) lines.push(`  ${line}`);

  const first = d.text.slice(d.title === null ? 0 : d.title.length + 2);
  lines.push(`  ${s.dim('lead')}  ${clip(first, 110)}`);

  const section = (name: string, rows: string[][]) => {
    lines.push(`  ${s.bold(name)} ${s.dim(`(${rows.length})`)}`);
    for (const line of alignColumns(rows)) lines.push(`    ${line}`);
  };
  section(
    'actors',
    result.actors.map((a) => [a.name, a.code ?? '—', a.type, String(a.mentions.length)]),
  );
  section(
    'quotes',
    result.quotes.map((q) => {
      // The actor's name; the words of the text when they differ ("she", "the President").
      const actor = result.actors.find((a) => a.id === q.speaker);
      const words = q.speakerText ?? '?';
      const speaker =
        actor && actor.name !== words ? `${actor.name} ${s.dim(`(${words})`)}` : words;
      return [speaker, q.kind, clip(q.text, 80)];
    }),
  );
  section(
    'events',
    result.events.map((e) => [
      e.type,
      e.cameo,
      e.source.code ?? e.source.text,
      e.target?.code ?? e.target?.text ?? '—',
      clip(e.trigger.text, 40),
    ]),
  );
  for (const e of result.events) {
    if (!e.explanation) continue;
    lines.push(`  ${s.bold(`${e.id} ${e.type}`)} ${s.dim(e.rule)}`);
    for (const line of e.explanation) lines.push(`    ${line}`);
  }
  for (const w of result.warnings) lines.push(`  ${s.warn(`warning ${w.code}`)}: ${w.message}`);
  return `${lines.join('\n')}\n`;
}
