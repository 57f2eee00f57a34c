import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Direction } from '../../model/operation.ts';

export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

export interface MigrationFunction {
  direction: Direction;
  node: FunctionNode;
}

const DIRECTIONS = new Set<string>(['up', 'down']);

/**
 * The `up` and `down` functions of a migration module, in every shape the tools' generators write:
 * `export function up`, `export const up =`, `exports.up =`, `module.exports = { up }`,
 * `export default { up }`, and class methods (TypeORM, MikroORM).
 */
export function findMigrationFunctions(program: TSESTree.Program): MigrationFunction[] {
  const found: MigrationFunction[] = [];
  const add = (name: string | undefined, value: TSESTree.Node | null | undefined) => {
    const fn = resolveFunction(program, value);
    // `const up = …; module.exports = { up }` (node-pg-migrate's .cjs template) names one function twice.
    if (name && DIRECTIONS.has(name) && fn && !found.some((known) => known.node === fn)) {
      found.push({ direction: name as Direction, node: fn });
    }
  };
  for (const statement of program.body) visitTopLevel(program, unwrapExport(statement), add);
  return found;
}

type Add = (name: string | undefined, value: TSESTree.Node | null | undefined) => void;

function visitTopLevel(program: TSESTree.Program, node: TSESTree.Node | null | undefined, add: Add): void {
  if (!node) return;
  switch (node.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
      add(node.id?.name, node);
      break;
    case AST_NODE_TYPES.VariableDeclaration:
      for (const declarator of node.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier) add(declarator.id.name, declarator.init);
      }
      break;
    case AST_NODE_TYPES.ExpressionStatement:
      visitTopLevel(program, node.expression, add);
      break;
    case AST_NODE_TYPES.AssignmentExpression:
      visitAssignment(program, node, add);
      break;
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.ClassExpression:
      for (const member of node.body.body) {
        if (member.type === AST_NODE_TYPES.MethodDefinition) add(propertyName(member.key), member.value);
        if (member.type === AST_NODE_TYPES.PropertyDefinition) add(propertyName(member.key), member.value);
      }
      break;
    case AST_NODE_TYPES.ObjectExpression:
      for (const property of node.properties) {
        if (property.type === AST_NODE_TYPES.Property) add(propertyName(property.key), property.value);
      }
      break;
    case AST_NODE_TYPES.Identifier:
      visitTopLevel(program, variableInit(program, node.name), add);
      break;
    default:
      break;
  }
}

function visitAssignment(program: TSESTree.Program, node: TSESTree.AssignmentExpression, add: Add): void {
  const target = node.left;
  if (target.type !== AST_NODE_TYPES.MemberExpression) return;
  const name = propertyName(target.property);
  const objectName = memberPath(target.object);
  if (objectName === 'exports' || objectName === 'module.exports') add(name, node.right);
  else if (objectName === 'module' && name === 'exports') visitTopLevel(program, node.right, add);
}

function unwrapExport(statement: TSESTree.ProgramStatement): TSESTree.Node | null {
  if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) return statement.declaration;
  if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) return statement.declaration;
  return statement;
}

function resolveFunction(program: TSESTree.Program, value: TSESTree.Node | null | undefined): FunctionNode | undefined {
  if (!value) return undefined;
  if (
    value.type === AST_NODE_TYPES.FunctionDeclaration ||
    value.type === AST_NODE_TYPES.FunctionExpression ||
    value.type === AST_NODE_TYPES.ArrowFunctionExpression
  ) {
    return value;
  }
  if (value.type === AST_NODE_TYPES.Identifier) {
    const declared = topLevelFunction(program, value.name) ?? variableInit(program, value.name);
    return declared === value ? undefined : resolveFunction(program, declared);
  }
  if (value.type === AST_NODE_TYPES.TSAsExpression || value.type === AST_NODE_TYPES.TSSatisfiesExpression) {
    return resolveFunction(program, value.expression);
  }
  return undefined;
}

function topLevelFunction(program: TSESTree.Program, name: string): TSESTree.FunctionDeclaration | undefined {
  for (const statement of program.body) {
    const node = unwrapExport(statement);
    if (node?.type === AST_NODE_TYPES.FunctionDeclaration && node.id?.name === name) return node;
  }
  return undefined;
}

function variableInit(program: TSESTree.Program, name: string): TSESTree.Expression | undefined {
  for (const statement of program.body) {
    const node = unwrapExport(statement);
    if (node?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of node.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name && declarator.init) {
        return unwrapTypeAssertion(declarator.init);
      }
    }
  }
  return undefined;
}

function unwrapTypeAssertion(node: TSESTree.Expression): TSESTree.Expression {
  if (node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSSatisfiesExpression) {
    return unwrapTypeAssertion(node.expression);
  }
  return node;
}

export function propertyName(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  return undefined;
}

/** `module.exports` for a member expression of plain identifiers; '' otherwise. */
export function memberPath(node: TSESTree.Node): string {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) {
    const object = memberPath(node.object);
    const name = propertyName(node.property);
    return object && name ? `${object}.${name}` : '';
  }
  return '';
}
