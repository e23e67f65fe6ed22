/**
 * What ingest accepts: one raw article, before decoding decisions about its layout are made.
 * Files, directories, JSONL lines, standard input and (later) API bodies all become this.
 */
import type { InputFormat } from '../../core/document.js';
import type { Warning } from '../../core/errors.js';

export interface ArticleInput {
  /** The caller's id (a JSONL line's `id`); else the content hash is used. */
  id?: string;
  /**
   * How the text is laid out:
   * - `txt`: a page's plain text; the first non-boilerplate line is the title.
   * - `jsonl`: `title` given apart (may be null), `text` is the body (entities and wiki markup
   *   are cleaned).
   * - `html`: `html` is a whole page, read with Readability.
   */
  format: InputFormat;
  title?: string | null;
  text?: string;
  html?: string;
  /** Publication date carried by the input itself (YYYY-MM-DD or an ISO timestamp). */
  date?: string | null;
  url?: string;
  /** Encoding the text was decoded from, and its warnings, when read from bytes. */
  encoding?: string;
  warnings?: Warning[];
  /** Where it came from, for error lines: a path or `-`, and a JSONL line number. */
  origin: { file: string; line?: number };
}
