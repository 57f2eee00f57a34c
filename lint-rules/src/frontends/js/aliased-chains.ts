import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { FunctionContext } from '../frontend.ts';
import { chainFrom, type Link } from './chains.ts';
import { propertyName } from './migration-functions.ts';

/**
 * The call chains hanging off a reference, followed through local aliases of the receiver:
 * after `const { sequelize } = queryInterface`, `sequelize.query(…)` is the chain `sequelize`, `query(…)`;
 * after `const qi = context`, `qi.addColumn(…)` is `addColumn(…)`. A chain that ends in a call is not
 * followed further: a variable holding a call's result is not the receiver.
 */
export function aliasedChains(context: FunctionContext, reference: TSESTree.Node, prefix: Link[] = []): Link[][] {
  const links = chainFrom(reference);
  const chain = [...prefix, ...links];
  const end = links.at(-1)?.node ?? reference;
  const declarator = end.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== end || links.at(-1)?.args) return [chain];
  if (declarator.id.type === AST_NODE_TYPES.Identifier) {
    return context.referencesOfBinding(declarator.id).flatMap((alias) => aliasedChains(context, alias, chain));
  }
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return [chain];
  return declarator.id.properties.flatMap((property) => {
    const name = property.type === AST_NODE_TYPES.Property ? propertyName(property.key) : undefined;
    const binding = property.type === AST_NODE_TYPES.Property ? bindingOf(property.value) : undefined;
    if (!name || !binding) return [];
    const link: Link = { name, args: undefined, node: property, start: property.range[0] };
    return context.referencesOfBinding(binding).flatMap((alias) => aliasedChains(context, alias, [...chain, link]));
  });
}

/** The identifier a destructuring target declares: `b` in `{ a: b }` and in `{ a: b = fallback }`. */
export function bindingOf(target: TSESTree.Node): TSESTree.Identifier | undefined {
  if (target.type === AST_NODE_TYPES.Identifier) return target;
  if (target.type === AST_NODE_TYPES.AssignmentPattern && target.left.type === AST_NODE_TYPES.Identifier) return target.left;
  return undefined;
}
