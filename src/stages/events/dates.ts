/**
 * Dates of events: chrono-node under a news-aware layer, anchored on the publication date.
 *
 * - A weekday with a past-tense event is the last one ("met on Thursday" in a Monday paper);
 *   a planned event's is the next one. A planned event's day and month without a year that
 *   fall before publication are next year's.
 * - Month-level expressions are ranges: "September" (the whole month), "early/mid/late
 *   September" (1–10, 11–20, 21–end), "next month", "last week" (Monday–Sunday), "in 2014".
 * - False friends are dropped: "Now …", "this may …", lower-case "march", "may", durations
 *   ("for 10 years").
 * - chrono-node runs only on sentences that have an event and a word that can start a date.
 */
import * as chrono from 'chrono-node';

export interface DateExpression {
  /** The words of the text. */
  text: string;
  /** Offsets into the document text. */
  start: number;
  end: number;
  /** ISO dates, inclusive. */
  from: string;
  to: string;
}

/**
 * Words one of which a sentence must have before chrono-node is asked: month names and their
 * abbreviations (not any word that starts like one: "decided", "separatists", "market"; "may"
 * and "march" only capitalised, as lower-case ones are dropped below anyway), weekdays, words
 * of time and years.
 */
const DATE_HINT =
  /\b(?:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Aa]pr(?:il)?|[Jj]une?|[Jj]uly?|[Aa]ug(?:ust)?|[Ss]ep(?:t|tember)?|[Oo]ct(?:ober)?|[Nn]ov(?:ember)?|[Dd]ec(?:ember)?|Mar(?:ch)?|May|MARCH|MAY|JANUARY|FEBRUARY|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\b|\b(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day\b|\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Ww]eek|[Ww]eekend|[Mm]onth|[Yy]ear|[Dd]ecade)\b|\b(?:19|20)\d\d\b|\b(?:19|20)\d0s\b/;

const FALSE_FRIENDS = /^(?:now|right now|this may|that may|may|march|second|sat|sun)$/i;

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function monthRange(date: Date, part: string | undefined): [string, string] {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const [a, b] =
    part === 'early'
      ? [1, 10]
      : part === 'mid'
        ? [11, 20]
        : part === 'late'
          ? [21, last]
          : [1, last];
  return [iso(new Date(Date.UTC(y, m, a))), iso(new Date(Date.UTC(y, m, b)))];
}

function weekRange(date: Date): [string, string] {
  const monday = addDays(date, -((date.getUTCDay() + 6) % 7));
  return [iso(monday), iso(addDays(monday, 6))];
}

const HINTS = new RegExp(DATE_HINT.source, 'g');
const YEAR = /^\d{4}s?$/;
const NUMERIC_DATE = /\d[-./]\d/;

/**
 * chrono-node's casual English parser without its times of day and time zones: an event is
 * dated by the day, and those parsers took 40% of chrono-node's time on the corpus.
 */
const TIME_OF_DAY = new Set([
  'ENTimeExpressionParser',
  'ENCasualTimeParser',
  'ExtractTimezoneOffsetRefiner',
  'ExtractTimezoneAbbrRefiner',
  'ENMergeDateTimeRefiner',
]);

/** What every month name and abbreviation chrono-node knows contains. */
const MONTH_WORDS = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;

/**
 * What a parser's pattern cannot match without, read off chrono-node 2.10's patterns (each
 * requires one of these words or characters, case-insensitively): chrono-node tries every
 * parser's pattern at every position of a window, and these find nothing in most windows, so
 * asking them only when their words are there gives the same results for 40% less of its
 * parsers' time on the corpus windows. A parser not listed always runs. The unit tests check
 * that the patterns still hold these words.
 */
export const PARSER_REQUIRES: ReadonlyMap<string, RegExp> = new Map([
  ['ENYearMonthDayParser', /\d{4}[-./\s]/],
  ['ISOFormatParser', /\d{4}-\d/],
  ['SlashDateFormatParser', /\d[-./]\d/],
  ['ENSlashMonthFormatParser', /\d\/\d{4}/],
  ['ENTimeUnitAgoFormatParser', /ago|before|earlier/i],
  ['ENTimeUnitLaterFormatParser', /later|after|from now|henceforth|forward|out/i],
  ['ENEndOfCurrentMonthParser', /month/i],
  ['ENCasualDateParser', /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|last\s*night/i],
  ['ENYearMonthNameParser', MONTH_WORDS],
  ['ENMonthNameParser', MONTH_WORDS],
  ['ENMonthNameLittleEndianParser', MONTH_WORDS],
  ['ENMonthNameMiddleEndianParser', MONTH_WORDS],
  ['ENWeekdayParser', /sun|mon|tue|wed|thu|fri|sat|week/i],
]);
/** A pattern that fails at once, for a parser whose required words are absent. */
const NEVER = /^(?!)/;

/** The parser, asked to match only text that has what its pattern requires. */
function gated(parser: chrono.Parser): chrono.Parser {
  const required = PARSER_REQUIRES.get(parser.constructor.name);
  if (!required) return parser;
  return {
    pattern: (context) => (required.test(context.text) ? parser.pattern(context) : NEVER),
    extract: (context, match) => parser.extract(context, match),
  };
}

const parser = chrono.casual.clone();
parser.parsers = parser.parsers
  .filter((p) => !TIME_OF_DAY.has(p.constructor.name))
  .map((p) => gated(p));
parser.refiners = parser.refiners.filter((r) => !TIME_OF_DAY.has(r.constructor.name));
const WINDOW = 40;

/**
 * chrono-node over windows around the words that can start a date, not the whole sentence:
 * the same results at a fraction of the cost. Result indexes are re-based on `text`.
 */
function parseNearHints(
  text: string,
  instant: Date,
): { result: chrono.ParsedResult; index: number }[] {
  const windows: [number, number][] = [];
  for (const m of text.matchAll(HINTS)) {
    const at = m.index ?? 0;
    // A year alone: chrono-node reads a year only in numeric dates ("2005-03-01", "3/2005"),
    // the bare year is ours (below).
    if (YEAR.test(m[0]) && !NUMERIC_DATE.test(text.slice(Math.max(0, at - 6), at + 10))) continue;
    let a = Math.max(0, at - WINDOW);
    let b = Math.min(text.length, at + m[0].length + WINDOW);
    while (a > 0 && /\S/.test(text[a - 1] ?? '')) a--; // whole words
    while (b < text.length && /\S/.test(text[b] ?? '')) b++;
    const last = windows[windows.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else windows.push([a, b]);
  }
  const results: { result: chrono.ParsedResult; index: number }[] = [];
  for (const [a, b] of windows) {
    for (const result of parser.parse(text.slice(a, b), { instant, timezone: 'UTC' })) {
      results.push({ result, index: result.index + a });
    }
  }
  return results;
}

/** chrono-node's reading of a sentence, kept for the other tense of the same sentence. */
const recent = new Map<string, { result: chrono.ParsedResult; index: number }[]>();

function parsedOnce(text: string, published: string, instant: Date) {
  const key = `${published}\u0000${text}`;
  let parsed = recent.get(key);
  if (!parsed) {
    parsed = parseNearHints(text, instant);
    if (recent.size >= 64) recent.clear();
    recent.set(key, parsed);
  }
  return parsed;
}

/**
 * The date expressions of `text` (a sentence starting at document offset `offset`), read
 * against `published` for an event in the past or, with `future`, a planned one.
 */
export function findDates(
  text: string,
  offset: number,
  published: string,
  future: boolean,
): DateExpression[] {
  if (!DATE_HINT.test(text)) return [];
  const instant = new Date(`${published}T12:00:00Z`);
  const out: DateExpression[] = [];
  for (const { result, index } of parsedOnce(text, published, instant)) {
    const words = result.text.trim();
    if (FALSE_FRIENDS.test(words.replace(/^(?:on|in|at)\s+/i, ''))) continue;
    if (/^[a-z]/.test(words) && /^(?:march|may)\b/.test(words)) continue;
    // "has debated it for 10 years": a duration, not a date (chrono-node reads it as 10 years
    // from now).
    if (/^for\s/i.test(words)) continue;
    const start = result.start;
    let date = start.date();
    let from: string;
    let to: string;
    const before = text.slice(Math.max(0, index - 6), index).toLowerCase();
    const part = /\b(early|mid|late)[\s-]*$/.exec(before)?.[1];
    if (/\bweek\b/i.test(words)) {
      [from, to] = weekRange(date);
    } else if (start.isCertain('day')) {
      if (future && !start.isCertain('year') && date < instant) {
        date = new Date(Date.UTC(date.getUTCFullYear() + 1, date.getUTCMonth(), date.getUTCDate()));
      }
      from = iso(date);
      to = from;
    } else if (start.isCertain('weekday')) {
      // chrono-node picks the nearest such weekday; news means the last one, unless planned.
      if (!future && date > instant) date = addDays(date, -7);
      if (future && date < addDays(instant, -0.5)) date = addDays(date, 7);
      from = iso(date);
      to = from;
    } else if (start.isCertain('month') || /\bmonth\b/i.test(words)) {
      [from, to] = monthRange(date, part);
    } else if (start.isCertain('year') || /\byear\b/i.test(words)) {
      const y = date.getUTCFullYear();
      [from, to] = [`${y}-01-01`, `${y}-12-31`];
    } else {
      continue;
    }
    const partStart = part ? before.lastIndexOf(part) - before.length : 0;
    const at = offset + index + partStart;
    out.push({
      text: text.slice(index + partStart, index + result.text.length),
      start: at,
      end: offset + index + result.text.length,
      from,
      to,
    });
  }
  // A decade ("fought naval wars in the 1950s and 1970s"): the first one named.
  for (const match of text.matchAll(
    /\b(?:in|during|since|until|by|of|from)\s+the\s+((?:19|20)\d0)s\b/g,
  )) {
    const decade = Number(match[1]);
    const at = offset + (match.index ?? 0) + match[0].length - 5;
    if (out.some((d) => d.start <= at && at < d.end)) continue;
    out.push({
      text: `${decade}s`,
      start: at,
      end: at + 5,
      from: `${decade}-01-01`,
      to: `${decade + 9}-12-31`,
    });
  }
  // A span of years ("Japan's invasion of China from 1931 to 1945").
  for (const match of text.matchAll(
    /\bfrom\s+((?:19|20)\d\d)\s+(?:to|until|till|through)\s+((?:19|20)\d\d)\b/g,
  )) {
    const first = match[1] ?? '';
    const last = match[2] ?? '';
    const at = offset + (match.index ?? 0) + 5;
    if (out.some((d) => d.start <= at && at < d.end)) continue;
    const end = offset + (match.index ?? 0) + match[0].length;
    out.push({
      text: text.slice(at - offset, end - offset),
      start: at,
      end,
      from: `${first}-01-01`,
      to: `${last}-12-31`,
    });
  }
  // A bare year ("signed in 2014"), which chrono-node leaves alone.
  for (const match of text.matchAll(
    /\b(?:in|since|during|until|by|of)\s+((?:19|20)\d\d)\b(?!\s*[-–]\d)/g,
  )) {
    const year = match[1] ?? '';
    const at = offset + (match.index ?? 0) + match[0].length - year.length;
    if (out.some((d) => d.start <= at && at < d.end)) continue;
    out.push({ text: year, start: at, end: at + 4, from: `${year}-01-01`, to: `${year}-12-31` });
  }
  return out.sort((a, b) => a.start - b.start);
}
