/** Plain aligned text tables for eval reports. */

/** Columns padded to their widest cell, separated by two spaces; the first column left-aligned. */
export function formatTable(
  header: string[],
  rows: string[][],
  separatorBefore: number[] = [],
): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) =>
    Math.max(...all.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: string[]): string =>
    widths
      .map((width, column) => {
        const cell = row[column] ?? '';
        return column === 0 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(widths.reduce((sum, width) => sum + width, 0) + 2 * (widths.length - 1));
  const lines = [line(header), rule];
  rows.forEach((row, index) => {
    if (separatorBefore.includes(index)) lines.push(rule);
    lines.push(line(row));
  });
  return lines.join('\n');
}

/** A ratio as a percentage with one decimal (`83.3%`), or `-` when nothing was divided. */
export function percent(ratio: number | null): string {
  return ratio === null ? '-' : `${(ratio * 100).toFixed(1)}%`;
}

/** `83.3% (10/12)`: a percentage with its counts. */
export function fraction(hits: number, total: number, ratio: number | null): string {
  return `${percent(ratio)} (${hits}/${total})`;
}
