import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { cookedToRawOffsets, type SqlPiece } from '../../sql/sql-text.ts';

/** How a frontend renders an interpolated expression; undefined leaves an unknown slot. */
export type SlotText = (expression: TSESTree.Expression) => string | undefined;

/**
 * The SQL pieces of a JS expression that holds SQL: a string, a template (tagged or not), or a
 * concatenation of those. Undefined when the value is not written in the file (a variable, a call).
 */
export function sqlPieces(node: TSESTree.Node | undefined, slotText: SlotText = () => undefined): SqlPiece[] | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value === 'string'
        ? [{ kind: 'text', cooked: node.value, raw: node.raw.slice(1, -1), rawStart: node.range[0] + 1 }]
        : undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return templatePieces(node, slotText);
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return templatePieces(node.quasi, slotText);
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== '+') return undefined;
      const left = sqlPieces(node.left, slotText);
      const right = sqlPieces(node.right, slotText);
      return left && right ? [...left, ...right] : undefined;
    }
    case AST_NODE_TYPES.TSAsExpression:
      return sqlPieces(node.expression, slotText);
    default:
      return undefined;
  }
}

function templatePieces(template: TSESTree.TemplateLiteral, slotText: SlotText): SqlPiece[] {
  const pieces: SqlPiece[] = [];
  template.quasis.forEach((quasi, index) => {
    // A quasi's range includes its delimiters: the backtick or `}` before, and `${` or the backtick after.
    pieces.push({ kind: 'text', cooked: quasi.value.cooked ?? '', raw: quasi.value.raw, rawStart: quasi.range[0] + 1 });
    const expression = template.expressions[index];
    if (expression) pieces.push({ kind: 'slot', text: slotText(expression) ?? '', sourceIndex: expression.range[0] });
  });
  return pieces;
}

/** Splits text pieces at a pattern and puts a slot for each match (query-builder bindings like `??` and `?`). */
export function replaceInText(
  pieces: readonly SqlPiece[],
  pattern: RegExp,
  slot: (match: string, index: number) => string,
): SqlPiece[] {
  const result: SqlPiece[] = [];
  let count = 0;
  for (const piece of pieces) {
    if (piece.kind === 'slot') {
      result.push(piece);
      continue;
    }
    const offsets = cookedToRawOffsets(piece.raw);
    let last = 0;
    for (const match of piece.cooked.matchAll(new RegExp(pattern.source, 'g'))) {
      const start = match.index;
      result.push(subPiece(piece, offsets, last, start));
      result.push({ kind: 'slot', text: slot(match[0], count++), sourceIndex: piece.rawStart + (offsets[start] ?? 0) });
      last = start + match[0].length;
    }
    result.push(subPiece(piece, offsets, last, piece.cooked.length));
  }
  return result;
}

function subPiece(piece: Extract<SqlPiece, { kind: 'text' }>, offsets: number[], from: number, to: number): SqlPiece {
  const rawFrom = offsets[from] ?? piece.raw.length;
  const rawTo = offsets[to] ?? piece.raw.length;
  return { kind: 'text', cooked: piece.cooked.slice(from, to), raw: piece.raw.slice(rawFrom, rawTo), rawStart: piece.rawStart + rawFrom };
}
