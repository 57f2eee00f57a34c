import type { SourceLocation } from '@eslint/core';
import { scanSync, type ScanToken } from 'libpg-query';
import { parseSql } from '../../sql/parser.ts';

/** A `-- line` or `/* block *\/` comment of a SQL file, shaped like an ESTree comment. */
export interface SqlComment {
  type: 'Line' | 'Block';
  /** The text between the comment markers. */
  value: string;
  range: [number, number];
  loc: SourceLocation;
}

type LocOf = (index: number) => SourceLocation['start'];

/**
 * The comments of a SQL text, found by Postgres's own lexer, so that `--` inside a string, a quoted
 * identifier or a dollar-quoted body is not taken for a comment.
 */
export function sqlComments(text: string, locOf: LocOf): SqlComment[] {
  const indexOf = byteOffsetsToIndexes(text);
  return scanTokens(text)
    .filter((token) => token.tokenName === 'SQL_COMMENT' || token.tokenName === 'C_COMMENT')
    .map((token) => {
      const start = indexOf(token.start);
      const end = indexOf(token.end);
      const line = token.tokenName === 'SQL_COMMENT';
      return {
        type: line ? 'Line' : 'Block',
        value: text.slice(start + 2, line ? end : end - 2),
        range: [start, end],
        loc: { start: locOf(start), end: locOf(end) },
      };
    });
}

/**
 * The lexer gives up on an unterminated string, identifier or comment. Everything after its start
 * belongs to it, so the tokens before it are all the file has.
 */
function scanTokens(text: string): ScanToken[] {
  try {
    return scanSync(text).tokens;
  } catch {
    const parsed = parseSql(text);
    if (parsed.ok) return [];
    try {
      return scanSync(text.slice(0, parsed.position)).tokens;
    } catch {
      return [];
    }
  }
}

/**
 * The lexer counts UTF-8 bytes, strings count UTF-16 units. Tokens come in order, so one pass over
 * the text converts them all (a huge file with many comments stays linear).
 */
function byteOffsetsToIndexes(text: string): (byteOffset: number) => number {
  const bytes = Buffer.from(text, 'utf8');
  let byte = 0;
  let index = 0;
  return (byteOffset) => {
    index += bytes.toString('utf8', byte, byteOffset).length;
    byte = byteOffset;
    return index;
  };
}
