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
    const last = this.findPiece(span.end - 1);
    let end = this.toRaw(span.end);
    if (last && last.cleanLength !== last.rawLength) end = last.raw + last.rawLength;
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

  /** Compose: `this` maps C→B, `inner` maps B→A; the result maps C→A. */
  compose(inner: OffsetMap): OffsetMap {
    const out = new OffsetMapBuilder();
    for (const piece of this.pieces) {
      if (piece.cleanLength !== piece.rawLength) {
        const raw = inner.spanToRaw({ start: piece.raw, end: piece.raw + piece.rawLength });
        out.replaced(piece.cleanLength, raw.start, raw.end - raw.start);
        continue;
      }
      // A verbatim piece may straddle several pieces of the inner map: split it there.
      let done = 0;
      while (done < piece.cleanLength) {
        const at = piece.raw + done;
        const innerPiece = inner.findPiece(at);
        if (!innerPiece) {
          out.copied(piece.cleanLength - done, at);
          break;
        }
        const left = innerPiece.clean + innerPiece.cleanLength - at;
        const take = Math.max(1, Math.min(left, piece.cleanLength - done));
        if (innerPiece.cleanLength === innerPiece.rawLength) {
          out.copied(take, innerPiece.raw + (at - innerPiece.clean));
        } else {
          const raw = inner.spanToRaw({ start: at, end: at + take });
          out.replaced(take, raw.start, raw.end - raw.start);
        }
        done += take;
      }
    }
    return out.build();
  }

  private findPiece(clean: number): OffsetPiece | undefined {
    const pieces = this.pieces;
    let lo = 0;
    let hi = pieces.length - 1;
    let found: OffsetPiece | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const piece = pieces[mid];
      if (!piece) break;
      if (piece.clean <= clean) {
        found = piece;
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

  get length(): number {
    return this.cleanLength;
  }

  /** `length` characters copied verbatim from raw offset `raw`. */
  copied(length: number, raw: number): void {
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
    if (length <= 0) return;
    if (length === rawLength) {
      // Same length but different characters: still a replacement, kept as its own piece
      // with a marker length so it is not merged with verbatim neighbours.
      this.pieces.push({ clean: this.cleanLength, raw, cleanLength: length, rawLength: length });
      this.cleanLength += length;
      return;
    }
    this.pieces.push({ clean: this.cleanLength, raw, cleanLength: length, rawLength });
    this.cleanLength += length;
  }

  build(): OffsetMap {
    return new OffsetMap(this.pieces.map((p) => ({ ...p })));
  }
}
