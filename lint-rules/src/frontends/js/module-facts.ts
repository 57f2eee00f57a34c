import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { DownMigration, ModuleImport } from '../../model/migration.ts';
import { memberPath, type MigrationFunction } from './migration-functions.ts';

/**
 * The modules a file loads when it runs: static imports and re-exports, `import x = require()`,
 * `require('…')` and `import('…')` with a literal specifier. Type-only imports are erased by the
 * compiler, so they load nothing.
 */
export function moduleImports(program: TSESTree.Program, nodes: readonly TSESTree.Node[]): ModuleImport[] {
  const imports: ModuleImport[] = [];
  const add = (source: TSESTree.Node | null | undefined) => {
    if (source?.type === AST_NODE_TYPES.Literal && typeof source.value === 'string') imports.push({ source: source.value, loc: source.loc });
  };
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && !typeOnly(statement)) add(statement.source);
    if ((statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportAllDeclaration) && statement.exportKind !== 'type') add(statement.source);
    if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration && statement.importKind !== 'type' && statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) {
      add(statement.moduleReference.expression);
    }
  }
  for (const node of nodes) {
    if (node.type === AST_NODE_TYPES.ImportExpression) add(node.source);
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require') add(node.arguments[0]);
  }
  return imports;
}

function typeOnly(statement: TSESTree.ImportDeclaration): boolean {
  if (statement.importKind === 'type') return true;
  const { specifiers } = statement;
  return specifiers.length > 0 && specifiers.every((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type');
}

/**
 * The `down` of a JS/TS migration: missing (or `inferred` when the tool reverses `up` without one),
 * empty (explained by a comment or not), or written.
 */
export function downMigration(program: TSESTree.Program, functions: readonly MigrationFunction[], infersDown: boolean): DownMigration | undefined {
  const down = functions.find((fn) => fn.direction === 'down');
  if (!down) {
    const up = functions.find((fn) => fn.direction === 'up');
    // `exports.down = false` is node-pg-migrate's way to refuse a rollback: no down, nothing inferred.
    const inferred = infersDown && !declaresDown(program);
    return up && { body: inferred ? 'inferred' : 'missing', explained: false, loc: nameLoc(up.node) };
  }
  const { body } = down.node;
  const empty = body.type === AST_NODE_TYPES.BlockStatement && body.body.length === 0;
  const explained = empty && (program.comments ?? []).some((comment) => comment.range[0] > body.range[0] && comment.range[1] < body.range[1]);
  return { body: empty ? 'empty' : 'written', explained, loc: nameLoc(down.node) };
}

/** The name a function is declared or exported under (`up` in `export async function up`), or the function. */
function nameLoc(fn: MigrationFunction['node']): TSESTree.SourceLocation {
  if (fn.id) return fn.id.loc;
  const parent = fn.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.key.loc;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.loc;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left.loc;
    default:
      return fn.loc;
  }
}

/** Whether the module exports a `down` that is not a function (`exports.down = false`). */
function declaresDown(program: TSESTree.Program): boolean {
  return program.body.some((statement) => {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      const target = statement.expression.left;
      return target.type === AST_NODE_TYPES.MemberExpression && ['exports.down', 'module.exports.down'].includes(memberPath(target));
    }
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : undefined;
    return declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.declarations.some((declarator) => declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === 'down');
  });
}
