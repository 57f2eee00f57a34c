/**
 * SQL assembled from the pieces of a string, a template literal or a file, with a map from every
 * character of the SQL back to its index in the linted file, so reports point inside the string.
 */
export interface SqlText {
  text: string;
  /** Index in the linted file of the character at `offset` in `text`. */
  sourceIndex(offset: number): number;
}

export type SqlPiece =
  /** Source text of a string or template part: `cooked` is its value, `raw` as written, starting at `rawStart`. */
  | { kind: 'text'; cooked: string; raw: string; rawStart: number }
  /** A value the SQL text does not contain literally (an interpolation or a binding), rendered as `text`. */
  | { kind: 'slot'; text: string; sourceIndex: number };

interface Segment {
  start: number;
  length: number;
  map: (offset: number) => number;
}

export function buildSqlText(pieces: readonly SqlPiece[]): SqlText {
  let text = '';
  const segments: Segment[] = [];
  for (const piece of pieces) {
    const start = text.length;
    if (piece.kind === 'text') {
      const offsets = cookedToRawOffsets(piece.raw);
      segments.push({ start, length: piece.cooked.length, map: (offset) => piece.rawStart + (offsets[offset] ?? piece.raw.length) });
      text += piece.cooked;
    } else {
      segments.push({ start, length: piece.text.length, map: () => piece.sourceIndex });
      text += piece.text;
    }
  }
  return {
    text,
    sourceIndex(offset) {
      // Empty pieces share their start with the next one: prefer the piece that holds the character.
      const segment =
        segments.find((candidate) => candidate.start <= offset && offset < candidate.start + candidate.length) ??
        segments.findLast((candidate) => candidate.start <= offset);
      return segment ? segment.map(offset - segment.start) : 0;
    },
  };
}

/** SQL that is the whole file (a .sql migration): offsets are file indexes. */
export function fileSqlText(text: string): SqlText {
  return { text, sourceIndex: (offset) => offset };
}

/**
 * For each UTF-16 unit of a string's cooked value, its offset in the raw source text
 * (escape sequences are several raw characters for one cooked one; line continuations are none).
 */
export function cookedToRawOffsets(raw: string): number[] {
  const offsets: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const char = raw[i];
    if (char === '\r' && raw[i + 1] === '\n') {
      offsets.push(i); // a template literal cooks CRLF to LF
      i += 2;
    } else if (char !== '\\') {
      offsets.push(i);
      i += 1;
    } else {
      i = readEscape(raw, i, offsets);
    }
  }
  return offsets;
}

function readEscape(raw: string, start: number, offsets: number[]): number {
  const next = raw[start + 1];
  if (next === '\r') return raw[start + 2] === '\n' ? start + 3 : start + 2;
  if (next === '\n' || next === '\u2028' || next === '\u2029') return start + 2;
  if (next === 'x') {
    offsets.push(start);
    return start + 4;
  }
  if (next === 'u') {
    if (raw[start + 2] === '{') {
      const close = raw.indexOf('}', start);
      const codePoint = Number.parseInt(raw.slice(start + 3, close), 16);
      offsets.push(start);
      if (codePoint > 0xffff) offsets.push(start);
      return close + 1;
    }
    offsets.push(start);
    return start + 6;
  }
  if (next !== undefined && next >= '0' && next <= '7') {
    let end = start + 2;
    while (end < start + 4 && raw[end] !== undefined && raw[end]! >= '0' && raw[end]! <= '7') end++;
    offsets.push(start);
    return end;
  }
  offsets.push(start);
  return start + 2;
}
