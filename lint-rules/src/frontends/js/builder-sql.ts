import type { TSESTree } from '@typescript-eslint/types';
import type { Operation } from '../../model/operation.ts';
import { analyseSqlPieces } from '../../sql/analyse.ts';
import type { SqlPiece } from '../../sql/sql-text.ts';
import type { FunctionContext } from '../frontend.ts';
import { sqlPieces } from './strings.ts';

/**
 * A part of the SQL a builder call runs: text the tool writes itself (a string), a node of the call
 * that the tool pastes into the SQL as it is (a type, a CHECK expression, `pgm.func('now()')`), or
 * `undefined` for a value only known when the migration runs.
 */
export type SqlPart = string | TSESTree.Node | undefined;

/**
 * Operations of the SQL a builder call runs, analysed by the SQL frontend so that builders and SQL
 * mean the same thing. They are placed at the call; a syntax error inside a pasted string points
 * into that string.
 */
export function builderSqlOperations(
  context: FunctionContext,
  parts: readonly SqlPart[],
  call: TSESTree.Node,
  start = call.range[0],
): Operation[] {
  const pieces = parts.flatMap((part) => piecesOf(part, start));
  const at = context.at(call, start);
  return analyseSqlPieces(pieces, { direction: context.direction, origin: 'builder', locator: context.locator }).map(
    (op) => (op.kind === 'syntaxError' ? op : { ...op, loc: at.loc, text: at.text }),
  );
}

function piecesOf(part: SqlPart, callStart: number): SqlPiece[] {
  if (typeof part === 'string') return part === '' ? [] : [{ kind: 'slot', text: part, sourceIndex: callStart }];
  if (part === undefined) return [unknownSlot(callStart)];
  return sqlPieces(part) ?? [unknownSlot(part.range[0])];
}

function unknownSlot(sourceIndex: number): SqlPiece {
  return { kind: 'slot', text: '', sourceIndex };
}

/** `users` → `"users"`, as the tools quote identifiers; undefined (unknown) stays unknown. */
export function quoted(name: string | undefined): string | undefined {
  return name === undefined ? undefined : `"${name.replaceAll('"', '""')}"`;
}

/** `'O''Brien'`: a value the tool writes as an SQL string constant. */
export function stringConstant(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Parts joined by `separator`, for column lists: `"a", "b"`. */
export function joined(parts: readonly SqlPart[][], separator = ', '): SqlPart[] {
  return parts.flatMap((part, index) => (index === 0 ? part : [separator, ...part]));
}
