import { UNKNOWN_NAME_PREFIX, type Direction, type Operation, type Origin } from '../model/operation.ts';
import { truncatedIdentifiers } from './identifiers.ts';
import { byteToCharOffset, parseSql, splitStatements } from './parser.ts';
import { buildSqlText, type SqlPiece, type SqlText } from './sql-text.ts';
import { statementOperations } from './statements.ts';
import type { TSESTree } from '@typescript-eslint/types';

/** Turns file indexes into ESLint locations and source text. */
export interface Locator {
  loc(start: number, end: number): TSESTree.SourceLocation;
  text(start: number, end: number): string;
}

interface Target {
  direction: Direction;
  origin?: Origin;
  locator: Locator;
}

/**
 * Operations of a complete SQL text, one per statement action. A statement that does not parse is a
 * syntax error; the statements around it are still analysed.
 */
export function analyseSql(sql: SqlText, target: Target): Operation[] {
  const parsed = parseSql(sql.text);
  if (!parsed.ok) {
    const ranges = splitStatements(sql.text);
    if (!ranges || ranges.length < 2) return [syntaxError(sql, parsed.message, parsed.position, target)];
    return ranges.flatMap(([start, end]) => analyseSql(slice(sql, start, end), target));
  }
  return parsed.statements.flatMap((raw) => {
    const start = byteToCharOffset(sql.text, raw.stmt_location ?? 0);
    const end = raw.stmt_len ? byteToCharOffset(sql.text, (raw.stmt_location ?? 0) + raw.stmt_len) : sql.text.length;
    const place = placeOf(sql, skipComments(sql.text, start, end), end, target.locator);
    const truncated = truncatedIdentifiers(place.text);
    return statementOperations(raw.stmt ?? {}).map(
      (shape) =>
        ({
          ...shape,
          ...place,
          ...(truncated.length > 0 && { truncatedIdentifiers: truncated }),
          direction: target.direction,
          origin: target.origin ?? 'sql',
        }) as Operation,
    );
  });
}

/**
 * SQL with slots (template interpolations, query bindings): slots are tried as identifiers, then as
 * parameters, then as nothing. If no rendering parses, the SQL depends on runtime values: opaque.
 */
export function analyseSqlPieces(pieces: readonly SqlPiece[], target: Target): Operation[] {
  const slots = pieces.filter((piece) => piece.kind === 'slot' && piece.text === '').length;
  if (slots === 0) return analyseSql(buildSqlText(pieces), target);
  for (const render of SLOT_RENDERINGS) {
    let index = 0;
    const rendered = pieces.map((piece) =>
      piece.kind === 'slot' && piece.text === '' ? { ...piece, text: render(index++) } : piece,
    );
    const sql = buildSqlText(rendered);
    const parsed = parseSql(sql.text);
    if (parsed.ok && parsed.statements.length > 0) return analyseSql(sql, target);
  }
  const from = pieceStart(pieces[0]!);
  const last = pieces.at(-1)!;
  const to = last.kind === 'text' ? last.rawStart + last.raw.length : last.sourceIndex;
  return [
    {
      kind: 'opaque',
      reason: 'the SQL is built from values only known when the migration runs',
      loc: target.locator.loc(from, Math.max(from, to)),
      text: target.locator.text(from, Math.max(from, to)),
      direction: target.direction,
      origin: target.origin ?? 'sql',
    },
  ];
}

function pieceStart(piece: SqlPiece): number {
  return piece.kind === 'text' ? piece.rawStart : piece.sourceIndex;
}

const SLOT_RENDERINGS: ((index: number) => string)[] = [
  (index) => `${UNKNOWN_NAME_PREFIX}${index}`,
  (index) => `$${index + 1}`,
  () => '',
];

function slice(sql: SqlText, start: number, end: number): SqlText {
  return { text: sql.text.slice(start, end), sourceIndex: (offset) => sql.sourceIndex(start + offset) };
}

function syntaxError(sql: SqlText, message: string, position: number, target: Target): Operation {
  const index = sql.sourceIndex(Math.min(position, Math.max(sql.text.length - 1, 0)));
  return {
    kind: 'syntaxError',
    message,
    loc: target.locator.loc(index, index + 1),
    text: sql.text,
    direction: target.direction,
    origin: target.origin ?? 'sql',
  };
}

function placeOf(sql: SqlText, start: number, end: number, locator: Locator) {
  let last = end;
  while (last > start && /[\s;]/.test(sql.text[last - 1] ?? '')) last--;
  const from = sql.sourceIndex(start);
  const to = sql.sourceIndex(Math.max(last - 1, start)) + 1;
  return { loc: locator.loc(from, to), text: sql.text.slice(start, last) };
}

/** A statement's range starts after the previous `;`: skip blank space and comments before it. */
function skipComments(text: string, start: number, end: number): number {
  let index = start;
  while (index < end) {
    if (/\s/.test(text[index] ?? '')) index++;
    else if (text.startsWith('--', index)) index = lineEnd(text, index);
    else if (text.startsWith('/*', index)) index = blockCommentEnd(text, index, end);
    else break;
  }
  return index;
}

function lineEnd(text: string, index: number): number {
  const newline = text.indexOf('\n', index);
  return newline === -1 ? text.length : newline + 1;
}

function blockCommentEnd(text: string, index: number, end: number): number {
  const close = text.indexOf('*/', index + 2);
  return close === -1 ? end : close + 2;
}
