/** Text reports for `newsgraph eval` (the `--json` form is `JSON.stringify(report)`). */
import type { ArticleScore, ArticleTotals, EventMiss, PredictedActorRef } from './article.js';
import type { PloverMiss, PloverScore } from './plover.js';
import type { PrecisionRecall, Share } from './ratios.js';
import { formatTable, fraction, percent } from './table.js';

/** What `formatArticleReport` needs: rows of scores and their total. */
export interface ArticleReportLike {
  rows: { gold: string; score: ArticleScore }[];
  total: ArticleTotals;
}

const ARTICLE_HEADER = [
  'file',
  'meta',
  'actor R',
  'actor P',
  'quote R',
  'quote P',
  'event R',
  'event P',
  'event F1',
  'modality',
];

function shareCell(value: Share): string {
  return fraction(value.hits, value.total, value.ratio);
}

function recallCell(counts: PrecisionRecall): string {
  return fraction(counts.tp, counts.gold, counts.recall);
}

function precisionCell(counts: PrecisionRecall): string {
  return fraction(counts.predictedTp, counts.predicted, counts.precision);
}

function articleCells(name: string, totals: ArticleTotals): string[] {
  const { metadata, actors, quotes, events } = totals;
  return [
    name,
    `${metadata.hits}/${metadata.total}`,
    recallCell(actors),
    precisionCell(actors),
    recallCell(quotes),
    precisionCell(quotes),
    recallCell(events),
    precisionCell(events),
    percent(events.f1),
    shareCell(events.modality),
  ];
}

function eventLabel(event: EventMiss): string {
  const negated = event.negated ? ' (negated)' : '';
  const evidence = event.evidence === null ? '' : ` "${event.evidence}"`;
  return `${event.type.join('|')} ${event.source.join('|')} → ${event.target.join('|')}${negated}${evidence}`;
}

function metadataMissLines({ metadata }: ArticleScore): string[] {
  return metadata.fields
    .filter((field) => !field.right)
    .map((field) => {
      const gold = JSON.stringify(field.gold);
      return `  metadata ${field.field}: gold ${gold}, got ${JSON.stringify(field.predicted)}`;
    });
}

function actorMissLines({ actors }: ArticleScore): string[] {
  const named = (actor: PredictedActorRef): string => `${actor.name} (${actor.code ?? '-'})`;
  return [
    ...actors.missed.map((miss) => {
      const detail =
        miss.reason === 'wrong-code' ? `, wrong code: ${miss.predicted.map(named).join(', ')}` : '';
      return `  missed actor: ${miss.name} (${miss.code.join('|')})${detail}`;
    }),
    ...actors.unmatched.map((actor) => `  extra actor: ${named(actor)} [${actor.id}]`),
  ];
}

function quoteMissLines({ quotes }: ArticleScore): string[] {
  return [
    ...quotes.missed.map((miss) => {
      const speakers = miss.predictedSpeakers.map((speaker) => speaker ?? '-').join(', ');
      const detail = miss.reason === 'wrong-speaker' ? `, speakers: ${speakers}` : '';
      return `  missed quote: ${miss.speaker}: "${miss.contains}"${detail}`;
    }),
    ...quotes.unmatched.map((quote) => `  extra quote: ${quote.speaker ?? '-'}: "${quote.text}"`),
  ];
}

function eventMissLines({ events }: ArticleScore): string[] {
  return [
    ...events.missed.map((miss) => `  missed event: ${eventLabel(miss)}`),
    ...events.unmatched.map((event) => {
      const negated = event.negated ? ' (negated)' : '';
      const tuple = `${event.type} ${event.source ?? '-'} → ${event.target ?? '-'}${negated}`;
      return `  extra event: ${tuple} [${event.ids.join(', ')}]`;
    }),
    ...events.wrongModality.map((miss) => {
      const modalities = `gold ${miss.modality.join('|')}, got ${miss.predicted.join('|')}`;
      return `  wrong modality: ${eventLabel(miss)}: ${modalities}`;
    }),
  ];
}

function articleMissLines(score: ArticleScore): string[] {
  return [
    ...metadataMissLines(score),
    ...actorMissLines(score),
    ...quoteMissLines(score),
    ...eventMissLines(score),
  ];
}

/**
 * One aligned row per gold file and a total row: metadata fields right, actor and quote
 * recall and precision, event recall, precision and F1, modality accuracy. With `misses`,
 * each file's missed gold items and unmatched predictions follow the table.
 */
export function formatArticleReport(
  report: ArticleReportLike,
  options: { misses?: boolean } = {},
): string {
  const rows = report.rows.map((row) => articleCells(row.gold, row.score));
  const table = formatTable(
    ARTICLE_HEADER,
    [...rows, articleCells('total', report.total)],
    [rows.length],
  );
  if (!options.misses) return `${table}\n`;
  const misses = report.rows.flatMap((row) => {
    const lines = articleMissLines(row.score);
    return lines.length === 0 ? [] : ['', `${row.gold}:`, ...lines];
  });
  return `${[table, ...misses].join('\n')}\n`;
}

const PLOVER_HEADER = ['type', 'records', 'type R', 'type+source R', 'predicted', 'correct', 'P'];

function ploverTotals(report: PloverScore & { file?: string }): string {
  const line = (name: string, value: Share): string => `  ${name.padEnd(20)}${shareCell(value)}`;
  const file = report.file === undefined ? '' : `: ${report.file}`;
  return [
    `PLOVER sentences${file} (${report.records} records)`,
    line('type recall', report.typeRecall),
    line('type+source recall', report.typeSourceRecall),
    line('type precision', report.typePrecision),
  ].join('\n');
}

function ploverTypeTable(report: PloverScore): string {
  const rows = report.byType.map((row) => [
    row.type,
    String(row.records),
    fraction(row.typeHits, row.records, row.typeRecall),
    fraction(row.typeSourceHits, row.records, row.typeSourceRecall),
    String(row.predicted),
    String(row.predictedCorrect),
    percent(row.precision),
  ]);
  return formatTable(PLOVER_HEADER, rows);
}

function ploverMissLines(miss: PloverMiss): string[] {
  const list = (values: string[]): string => (values.length === 0 ? 'none' : values.join(', '));
  const why =
    miss.reason === 'type'
      ? `predicted ${list(miss.predictedTypes)}`
      : `source: gold ${list(miss.goldSources)}; predicted ${list(miss.predictedSources)}`;
  return [`${miss.id}  gold ${miss.goldType}  ${why}`, `  ${miss.text}`];
}

/** Totals, the per-type table and, with `misses`, every record without a type+source hit. */
export function formatPloverReport(
  report: PloverScore & { file?: string },
  options: { misses: boolean },
): string {
  const parts = [ploverTotals(report), '', ploverTypeTable(report)];
  if (options.misses) {
    parts.push('', `misses (${report.misses.length}):`, ...report.misses.flatMap(ploverMissLines));
  }
  return `${parts.join('\n')}\n`;
}
