/** Option parsing for commands: node's parseArgs, with usage errors as NG_USAGE. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { NewsgraphError } from '../core/errors.js';
import { isoDate } from '../stages/ingest/ingest.js';
import type { QueryFilter } from '../store/store.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed option values, typed from the option declarations. */
export interface ParsedArgs<T extends Options> {
  values: {
    [K in keyof T]?: T[K] extends { type: 'boolean' }
      ? boolean
      : T[K] extends { multiple: true }
        ? string[]
        : string;
  };
  positionals: string[];
}

export function parseCommandArgs<T extends Options>(args: string[], options: T): ParsedArgs<T> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as ParsedArgs<T>;
  } catch (error) {
    throw new NewsgraphError('NG_USAGE', (error as Error).message.split('\n')[0] ?? 'bad options');
  }
}

/** A `--date`-style option: a real calendar date, YYYY-MM-DD. */
export function dateOption(value: string | undefined, name: string): string | null {
  if (value === undefined) return null;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? isoDate(value) : undefined;
  if (!date)
    throw new NewsgraphError('NG_DATE_INVALID', `${name} must be YYYY-MM-DD, got "${value}"`);
  return date;
}

/** A positive integer option such as `--limit` or `--max-bytes`. */
export function integerOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new NewsgraphError('NG_USAGE', `${name} must be a positive integer, got "${value}"`);
  }
  return n;
}

type FilterText = 'actor' | 'type' | 'country' | 'text' | 'document';

/** The options `query` and `export` share: the store and the filter read by `storeFilter`. */
export const STORE_FILTER_OPTIONS = {
  db: { type: 'string' },
  actor: { type: 'string' },
  type: { type: 'string' },
  country: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  text: { type: 'string' },
} as const;

/**
 * The store filter of `query` and `export`: `--since`/`--until` as real dates in order, and
 * the text options named, as given.
 */
export function storeFilter(
  values: { since?: string; until?: string } & Partial<Record<FilterText, string>>,
  names: readonly FilterText[],
): QueryFilter {
  const filter: QueryFilter = {};
  const since = dateOption(values.since, '--since');
  const until = dateOption(values.until, '--until');
  if (since !== null && until !== null && since > until) {
    throw new NewsgraphError('NG_USAGE', `--since ${since} is after --until ${until}`);
  }
  if (since !== null) filter.since = since;
  if (until !== null) filter.until = until;
  for (const name of names) {
    const value = values[name];
    if (value !== undefined) filter[name] = value;
  }
  return filter;
}
