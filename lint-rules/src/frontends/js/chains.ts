import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { propertyName } from './migration-functions.ts';

/** One step of a fluent call chain: `.alterTable('users', cb)` is `{ name: 'alterTable', args: [...] }`. */
export interface Link {
  name: string;
  /** Arguments when the member is called; undefined for a plain property access. */
  args: TSESTree.CallExpressionArgument[] | undefined;
  /** The member expression, or the call when it is called. */
  node: TSESTree.Node;
  /** Where the member name starts: a report on this link spans from here to the end of `node`. */
  start: number;
}

/**
 * The chain of member accesses and calls hanging off an identifier:
 * `db.schema.alterTable('users').addColumn('age', 'integer').execute()` read from the `db` reference.
 */
export function chainFrom(reference: TSESTree.Node): Link[] {
  const links: Link[] = [];
  let node: TSESTree.Node = reference;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) break;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      const name = !parent.computed || parent.property.type === AST_NODE_TYPES.Literal ? propertyName(parent.property) : '';
      // The first link reads from the receiver (`table.index(…)`); later ones from their name (`.addColumn(…)`).
      const start = links.length === 0 ? reference.range[0] : parent.property.range[0];
      links.push({ name: name ?? '', args: undefined, node: parent, start });
    } else if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node && links.length > 0) {
      const last = links.at(-1)!;
      last.args = parent.arguments;
      last.node = parent;
    } else if (parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.ChainExpression) {
      // `db!.schema`, `db?.schema`: the same chain.
    } else {
      break;
    }
    node = parent;
  }
  return links;
}

/** The first parameter of a function that is an argument at `index` (a builder callback). */
export function callbackAt(
  args: TSESTree.CallExpressionArgument[] | undefined,
  index: number,
): TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | undefined {
  const arg = args?.[index];
  return arg?.type === AST_NODE_TYPES.ArrowFunctionExpression || arg?.type === AST_NODE_TYPES.FunctionExpression
    ? arg
    : undefined;
}

export function stringArg(args: TSESTree.CallExpressionArgument[] | undefined, index: number): string | undefined {
  const arg = args?.[index];
  if (arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string') return arg.value;
  if (arg?.type === AST_NODE_TYPES.TemplateLiteral && arg.expressions.length === 0) return arg.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `'email'`, `['a', 'b']` → column names; other forms → []. */
export function stringListArg(args: TSESTree.CallExpressionArgument[] | undefined, index: number): string[] {
  const arg = args?.[index];
  if (arg?.type === AST_NODE_TYPES.ArrayExpression) {
    return arg.elements.flatMap((element) => (element ? (stringArg([element as TSESTree.Expression], 0) ?? []) : []));
  }
  const single = stringArg(args, index);
  return single === undefined ? [] : [single];
}
