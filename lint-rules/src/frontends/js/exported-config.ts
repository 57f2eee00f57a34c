import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { memberPath, propertyName } from './migration-functions.ts';

type LiteralValue = string | number | boolean | null | undefined;

/**
 * A literal property of an exported object: `export const config = { transaction: false }`,
 * `exports.config = {…}` or `module.exports = { config: {…} }` → `false`.
 */
export function exportedObjectProperty(program: TSESTree.Program, exportName: string, property: string): LiteralValue {
  for (const statement of program.body) {
    const object = exportedObject(statement, exportName);
    if (object) return literalProperty(object, property);
  }
  return undefined;
}

export function exportedObject(statement: TSESTree.ProgramStatement, exportName: string): TSESTree.ObjectExpression | undefined {
  if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
    for (const declarator of statement.declaration.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === exportName) return asObject(declarator.init);
    }
  }
  if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
    const { left, right } = statement.expression;
    const target = left.type === AST_NODE_TYPES.MemberExpression ? memberPath(left) : '';
    if (target === `exports.${exportName}` || target === `module.exports.${exportName}`) return asObject(right);
    if (target === 'module.exports') {
      const nested = asObject(right)?.properties.find(
        (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyName(p.key) === exportName,
      );
      return asObject(nested?.value);
    }
  }
  return undefined;
}

function asObject(node: TSESTree.Node | null | undefined): TSESTree.ObjectExpression | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.ObjectExpression) return node;
  if (node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSSatisfiesExpression) return asObject(node.expression);
  return undefined;
}

function literalProperty(object: TSESTree.ObjectExpression, name: string): LiteralValue {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyName(property.key) === name && property.value.type === AST_NODE_TYPES.Literal) {
      const value = property.value.value;
      return typeof value === 'bigint' || value instanceof RegExp ? undefined : value;
    }
  }
  return undefined;
}
