/** Reading JSONL for eval: one JSON value a line, blank lines skipped, errors with line numbers. */
import { NewsgraphError } from '../core/errors.js';

export interface JsonlLine {
  /** 1-based. */
  line: number;
  value: unknown;
}

/** Parses one JSONL line; a syntax error becomes NG_JSONL_PARSE at `path:line`. */
export function parseJsonlLine(text: string, path: string, line: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new NewsgraphError(
      'NG_JSONL_PARSE',
      `not valid JSON: ${reason}`,
      { file: path, line },
      {
        cause: error,
      },
    );
  }
}

/** Every non-blank line of a JSONL text, parsed. */
export function parseJsonl(text: string, path: string): JsonlLine[] {
  const lines: JsonlLine[] = [];
  text.split(/\r?\n/u).forEach((raw, index) => {
    if (raw.trim() === '') return;
    lines.push({ line: index + 1, value: parseJsonlLine(raw, path, index + 1) });
  });
  return lines;
}
