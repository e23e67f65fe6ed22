/**
 * The error catalogue. Every error that reaches a user carries one of these stable codes;
 * the CLI prints `CODE: message` on one line, the API (later) returns
 * `{"error": {"code", "message"}}` with the catalogue's HTTP status.
 *
 * Codes are part of the public contract: add new ones, never rename or reuse one.
 */
export const ERROR_CATALOGUE = {
  NG_USAGE: { status: 400, summary: 'The command line or request is malformed.' },
  NG_INPUT_NOT_FOUND: { status: 404, summary: 'An input path does not exist or cannot be read.' },
  NG_INPUT_EMPTY: { status: 400, summary: 'The input holds no text.' },
  NG_INPUT_TOO_LARGE: { status: 413, summary: 'The input exceeds the maximum document size.' },
  NG_INPUT_BINARY: { status: 415, summary: 'The input is binary data, not text or HTML.' },
  NG_INPUT_ENCODING: {
    status: 415,
    summary: 'The input bytes are not valid in the declared or detected character encoding.',
  },
  NG_INPUT_UNSUPPORTED: { status: 415, summary: 'The input kind is not supported.' },
  NG_HTML_NO_CONTENT: { status: 422, summary: 'No article text could be extracted from the page.' },
  NG_JSONL_PARSE: { status: 400, summary: 'A JSONL line is not valid JSON.' },
  NG_JSONL_RECORD: {
    status: 422,
    summary: 'A JSONL record lacks text or has fields of the wrong type.',
  },
  NG_DATE_INVALID: { status: 400, summary: 'A date is not a valid YYYY-MM-DD calendar date.' },
  NG_KB_INVALID: {
    status: 422,
    summary: 'A knowledge-base or rule file has a record that fails validation.',
  },
  NG_PIPELINE_CONFIG: { status: 500, summary: 'The pipeline stages do not fit together.' },
  NG_INTERNAL: { status: 500, summary: 'An unexpected internal error.' },
  NG_FETCH_TIMEOUT: {
    status: 504,
    summary: 'A web server did not answer, or did not finish its answer, in time.',
  },
  NG_FETCH_STATUS: { status: 502, summary: 'A web server answered with an error status.' },
  NG_FETCH_TOO_LARGE: {
    status: 413,
    summary: 'A fetched page or feed is larger than the size limit (--max-bytes).',
  },
  NG_FETCH_FAILED: {
    status: 502,
    summary: 'A URL could not be fetched (unknown host, refused or broken connection).',
  },
  NG_FETCH_REDIRECTS: {
    status: 508,
    summary: 'A URL redirects too often, in a loop, or to a scheme other than http(s).',
  },
  NG_FEED_PARSE: { status: 422, summary: 'A feed is not readable RSS 2.0, RSS 1.0 or Atom.' },
  NG_WORKER_FAILED: {
    status: 500,
    summary: 'An extraction worker thread stopped unexpectedly while it held a document.',
  },
  NG_CSV_INVALID: {
    status: 400,
    summary: 'A CSV text is malformed (an unclosed quote, or text after a closing quote).',
  },
  NG_STORE_NOT_FOUND: {
    status: 503,
    summary: 'The store does not exist (no such database file, or no such PostgreSQL database).',
  },
  NG_STORE_CORRUPT: {
    status: 500,
    summary: 'The store file is not a database, or the database is damaged; it was not changed.',
  },
  NG_STORE_FOREIGN: {
    status: 500,
    summary: 'The database holds tables of something other than a newsgraph store.',
  },
  NG_STORE_VERSION: {
    status: 500,
    summary: 'The store schema is newer than this newsgraph (or older, and opened read-only).',
  },
  NG_STORE_READONLY: { status: 503, summary: 'The store is read-only; nothing was written.' },
  NG_STORE_FULL: {
    status: 507,
    summary: 'The disk or database is full; the document was not stored, earlier ones are kept.',
  },
  NG_STORE_BUSY: {
    status: 503,
    summary: 'Another process held the store locked for longer than the busy timeout.',
  },
  NG_STORE_UNAVAILABLE: {
    status: 503,
    summary: 'The store cannot be reached or opened (server down, refused, wrong credentials).',
  },
  NG_STORE_INVALID: {
    status: 422,
    summary: 'A result or value given to the store is malformed; nothing was written.',
  },
  NG_STORE_NOT_EMPTY: {
    status: 409,
    summary: 'The store already holds documents where an empty one is needed (bench store --db).',
  },
  NG_OUTPUT_UNWRITABLE: {
    status: 500,
    summary: 'An output file cannot be written (no such directory, no permission, disk full).',
  },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Warnings do not stop a document; they travel in the result's `warnings`. */
export const WARNING_CATALOGUE = {
  NG_WARN_ENCODING_GUESSED: 'The encoding was not declared and was guessed from the bytes.',
  NG_WARN_ENCODING_UNSURE: 'The encoding guess is unsure; the text may be wrongly decoded.',
  NG_WARN_LANGUAGE_UNSUPPORTED: 'The document is not in English; only cleaning was done.',
  NG_WARN_LANGUAGE_UNSURE: 'The language could not be determined reliably.',
  NG_WARN_DATE_IGNORED: 'A date in the input could not be read and was ignored.',
} as const;

export type WarningCode = keyof typeof WARNING_CATALOGUE;

export interface Warning {
  code: WarningCode;
  message: string;
}

export interface ErrorContext {
  /** The input file (or `-` for standard input). */
  file?: string;
  /** 1-based line number inside a JSONL file. */
  line?: number;
}

export class NewsgraphError extends Error {
  readonly code: ErrorCode;
  readonly context: ErrorContext;

  constructor(
    code: ErrorCode,
    message: string,
    context: ErrorContext = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'NewsgraphError';
    this.code = code;
    this.context = context;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }

  withContext(context: ErrorContext): NewsgraphError {
    return new NewsgraphError(
      this.code,
      this.message,
      { ...this.context, ...context },
      {
        cause: this.cause,
      },
    );
  }

  /** One line for a terminal: `file:line: NG_CODE: message`. */
  toLine(): string {
    const where = [this.context.file, this.context.line].filter((p) => p !== undefined).join(':');
    return `${where ? `${where}: ` : ''}${this.code}: ${this.message}`;
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Any thrown value as a NewsgraphError (unknown errors become NG_INTERNAL). */
export function asNewsgraphError(error: unknown, context: ErrorContext = {}): NewsgraphError {
  if (error instanceof NewsgraphError) return error.withContext(context);
  const message = error instanceof Error ? error.message : String(error);
  return new NewsgraphError('NG_INTERNAL', message, context, { cause: error });
}
