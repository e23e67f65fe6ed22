/**
 * Offsets and the map from clean text back to the raw input.
 *
 * A `Span` is a half-open `[start, end)` range of UTF-16 code units in `Document.text`.
 *
 * Cleaning (decoding entities, dropping boilerplate and markup, collapsing whitespace) makes
 * the clean text from pieces of the raw input. `OffsetMap` keeps, for each piece, where it
 * starts in the clean text and in the raw input, and whether it was copied verbatim (so every
 * offset inside maps one to one) or replaced (so the whole piece maps to one raw range).
 * Raw offsets are UTF-16 indices into the decoded raw input string.
 */
export interface Span {
  start: number;
  end: number;
}

/** One piece of clean text: `[clean, clean + cleanLength)` came from `[raw, raw + rawLength)`. */
export interface OffsetPiece {
  clean: number;
  raw: number;
  cleanLength: number;
  rawLength: number;
}

/** Whether spans `a` and `b` share a character. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export class OffsetMap {
  private readonly pieces: OffsetPiece[];

  constructor(pieces: OffsetPiece[]) {
    this.pieces = pieces;
  }

  /** An identity map for text that cleaning did not change. */
  static identity(length: number): OffsetMap {
    return new OffsetMap([{ clean: 0, raw: 0, cleanLength: length, rawLength: length }]);
  }

  get size(): number {
    return this.pieces.length;
  }

  /** The raw offset of a clean offset. Inside a replaced piece, its start (or end, at its end). */
  toRaw(clean: number): number {
    const piece = this.findPiece(clean);
    if (!piece) return clean;
    const delta = clean - piece.clean;
    if (piece.cleanLength === piece.rawLength) return piece.raw + delta;
    return delta >= piece.cleanLength ? piece.raw + piece.rawLength : piece.raw;
  }

  /** The raw span of a clean span; a span touching a replaced piece covers all of it. */
  spanToRaw(span: Span): Span {
    const start = this.toRaw(span.start);
    if (span.end <= span.start) return { start, end: start };
    // The end is taken from the piece holding the span's last character, so a span that ends
    // where an inserted separator begins does not reach over the raw text the separator skips.
    const last = this.findPiece(span.end - 1);
    if (!last) return { start, end: start + (span.end - span.start) };
    const end =
      last.cleanLength === last.rawLength
        ? last.raw + (span.end - last.clean)
        : last.raw + last.rawLength;
    return { start, end: Math.max(start, end) };
  }

  /** Compact form for the output JSON: `[clean, raw, cleanLength, rawLength]` per piece. */
  toJSON(): number[][] {
    return this.pieces.map((p) => [p.clean, p.raw, p.cleanLength, p.rawLength]);
  }

  static fromJSON(rows: number[][]): OffsetMap {
    return new OffsetMap(
      rows.map(([clean = 0, raw = 0, cleanLength = 0, rawLength = 0]) => ({
        clean,
        raw,
        cleanLength,
        rawLength,
      })),
    );
  }

  /**
   * The pieces covering clean range `[start, end)`, re-based so that `start` is clean offset 0.
   * Verbatim pieces are cut exactly; a replaced piece cut in part keeps its whole raw range.
   */
  slice(start: number, end: number): OffsetPiece[] {
    const out: OffsetPiece[] = [];
    let i = this.indexOf(start);
    for (; i < this.pieces.length; i++) {
      const p = this.pieces[i];
      if (!p || p.clean >= end) break;
      const from = Math.max(start, p.clean);
      const to = Math.min(end, p.clean + p.cleanLength);
      if (to <= from) continue;
      if (p.cleanLength === p.rawLength) {
        const raw = p.raw + (from - p.clean);
        out.push({ clean: from - start, raw, cleanLength: to - from, rawLength: to - from });
      } else {
        out.push({
          clean: from - start,
          raw: p.raw,
          cleanLength: to - from,
          rawLength: p.rawLength,
        });
      }
    }
    return out;
  }

  /**
   * Appends to `builder` the pieces covering clean range `[start, end)`, as `slice` cuts them,
   * without making the list of them (this runs for every piece of text a rewrite keeps).
   */
  appendRangeTo(builder: OffsetMapBuilder, start: number, end: number): void {
    for (let i = this.indexOf(start); i < this.pieces.length; i++) {
      const p = this.pieces[i];
      if (!p || p.clean >= end) break;
      const from = Math.max(start, p.clean);
      const to = Math.min(end, p.clean + p.cleanLength);
      if (to <= from) continue;
      if (p.cleanLength === p.rawLength) builder.copied(to - from, p.raw + (from - p.clean));
      else builder.replaced(to - from, p.raw, p.rawLength);
    }
  }

  private findPiece(clean: number): OffsetPiece | undefined {
    return this.pieces[this.indexOf(clean)];
  }

  /** Index of the last piece starting at or before `clean` (0 when none does). */
  private indexOf(clean: number): number {
    const pieces = this.pieces;
    let lo = 0;
    let hi = pieces.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const piece = pieces[mid];
      if (!piece) break;
      if (piece.clean <= clean) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}

/** Builds an OffsetMap while clean text is appended piece by piece. */
export class OffsetMapBuilder {
  private readonly pieces: OffsetPiece[] = [];
  private cleanLength = 0;
  /** Set by `build`: the built map owns the pieces, which appending would change. */
  private built = false;

  get length(): number {
    return this.cleanLength;
  }

  /** `length` characters copied verbatim from raw offset `raw`. */
  copied(length: number, raw: number): void {
    if (this.built) throw new Error('OffsetMapBuilder: built already');
    if (length <= 0) return;
    const last = this.pieces[this.pieces.length - 1];
    if (
      last &&
      last.cleanLength === last.rawLength &&
      last.raw + last.rawLength === raw &&
      last.clean + last.cleanLength === this.cleanLength
    ) {
      last.cleanLength += length;
      last.rawLength += length;
    } else {
      this.pieces.push({ clean: this.cleanLength, raw, cleanLength: length, rawLength: length });
    }
    this.cleanLength += length;
  }

  /** `length` clean characters that replace the raw range `[raw, raw + rawLength)`. */
  replaced(length: number, raw: number, rawLength: number): void {
    if (this.built) throw new Error('OffsetMapBuilder: built already');
    if (length <= 0) return;
    if (length === rawLength) {
      // Same length (a curly quote made straight): offsets inside still map one to one.
      this.copied(length, raw);
      return;
    }
    this.pieces.push({ clean: this.cleanLength, raw, cleanLength: length, rawLength });
    this.cleanLength += length;
  }

  /** Appends pieces (as returned by `OffsetMap.slice`) at the current clean end. */
  appendPieces(pieces: readonly OffsetPiece[]): void {
    for (const p of pieces) {
      if (p.cleanLength === p.rawLength) this.copied(p.cleanLength, p.raw);
      else this.replaced(p.cleanLength, p.raw, p.rawLength);
    }
  }

  /** The map; the builder hands its pieces over and takes no more. */
  build(): OffsetMap {
    this.built = true;
    return new OffsetMap(this.pieces);
  }
}
