import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { propertyName } from './migration-functions.ts';

export type Properties = ReadonlyMap<string, TSESTree.Node>;

/**
 * The properties of an object literal (`{ name: 'age', type: 'int' }`), also when it is the options of
 * a constructor (`new TableColumn({ … })`) or carries a type assertion. Undefined for anything else.
 */
export function objectProperties(node: TSESTree.Node | undefined | null): Properties | undefined {
  const object = unwrap(node);
  if (object?.type === AST_NODE_TYPES.NewExpression) return objectProperties(object.arguments[0]);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const properties = new Map<string, TSESTree.Node>();
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const name = propertyName(property.key);
    if (name !== undefined) properties.set(name, property.value);
  }
  return properties;
}

/** A literal value written in the file: strings, numbers, booleans and null; undefined otherwise. */
export function literalValue(node: TSESTree.Node | undefined | null): string | number | boolean | null | undefined {
  const value = unwrap(node);
  if (value?.type === AST_NODE_TYPES.Literal) {
    return typeof value.value === 'bigint' || value.value instanceof RegExp ? undefined : value.value;
  }
  if (value?.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) {
    return value.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

export function stringValue(node: TSESTree.Node | undefined | null): string | undefined {
  const value = literalValue(node);
  return typeof value === 'string' ? value : undefined;
}

/** `'a'` → ['a'], `['a', 'b']` → ['a', 'b']; undefined when any element is not a string written in the file. */
export function stringList(node: TSESTree.Node | undefined | null): string[] | undefined {
  const value = unwrap(node);
  if (value?.type !== AST_NODE_TYPES.ArrayExpression) {
    const single = stringValue(value);
    return single === undefined ? undefined : [single];
  }
  const items = value.elements.map((element) => stringValue(element));
  return items.every((item): item is string => item !== undefined) ? items : undefined;
}

/** The items of an array literal (`['a', b]`), or the node itself when it is not one (`'a'`). */
export function listOf(node: TSESTree.Node | undefined | null): TSESTree.Node[] {
  const value = unwrap(node);
  if (!value) return [];
  if (value.type !== AST_NODE_TYPES.ArrayExpression) return [value];
  return value.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== AST_NODE_TYPES.SpreadElement);
}

function unwrap(node: TSESTree.Node | undefined | null): TSESTree.Node | undefined {
  if (!node) return undefined;
  if (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression
  ) {
    return unwrap(node.expression);
  }
  return node;
}
