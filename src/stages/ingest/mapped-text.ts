/**
 * Text that remembers where every character came from in the raw input. Cleaning is a series
 * of small rewrites (decode entities, drop markup, collapse spaces, assemble paragraphs); each
 * returns a new MappedText whose map still points into the original raw string.
 */
import { OffsetMap, OffsetMapBuilder } from '../../core/offsets.js';

export class MappedText {
  readonly text: string;
  readonly map: OffsetMap;

  constructor(text: string, map: OffsetMap) {
    this.text = text;
    this.map = map;
  }

  static raw(text: string): MappedText {
    return new MappedText(text, OffsetMap.identity(text.length));
  }

  /**
   * Replaces every match of `pattern` (which must be global) with what `replace` returns.
   * Returning the match unchanged keeps its offsets verbatim.
   */
  replace(pattern: RegExp, replace: (match: RegExpExecArray) => string): MappedText {
    if (!pattern.global) throw new Error('MappedText.replace needs a global pattern');
    pattern.lastIndex = 0;
    let match = pattern.exec(this.text);
    if (!match) return this;
    const out = new MappedTextBuilder();
    let at = 0;
    while (match) {
      const start = match.index;
      const end = start + match[0].length;
      out.append(this, at, start);
      const replacement = replace(match);
      if (replacement === match[0]) out.append(this, start, end);
      else out.insert(replacement, this, start, end);
      at = end;
      if (match[0].length === 0) pattern.lastIndex += 1;
      match = pattern.exec(this.text);
    }
    out.append(this, at, this.text.length);
    return out.build();
  }

  slice(start: number, end: number): MappedText {
    const out = new MappedTextBuilder();
    out.append(this, start, end);
    return out.build();
  }
}

export class MappedTextBuilder {
  private readonly parts: string[] = [];
  private readonly map = new OffsetMapBuilder();

  get length(): number {
    return this.map.length;
  }

  /** Copies `source.text[start, end)` with its offsets. */
  append(source: MappedText, start: number, end: number): void {
    if (end <= start) return;
    this.parts.push(source.text.slice(start, end));
    source.map.appendRangeTo(this.map, start, end);
  }

  /** Inserts `text` standing for `source.text[start, end)` (empty range: a pure insertion). */
  insert(text: string, source: MappedText, start: number, end: number): void {
    if (text.length === 0) return;
    const raw = source.map.spanToRaw({ start, end });
    this.parts.push(text);
    this.map.replaced(text.length, raw.start, raw.end - raw.start);
  }

  build(): MappedText {
    return new MappedText(this.parts.join(''), this.map.build());
  }
}
