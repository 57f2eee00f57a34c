import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { MigrationFunction } from './migration-functions.ts';

/** Whether the module imports or requires one of `modules` (or a subpath of one). */
export function importsFrom(program: TSESTree.Program, modules: readonly string[]): boolean {
  const matches = (source: unknown) =>
    typeof source === 'string' && modules.some((name) => source === name || source.startsWith(`${name}/`));
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && matches(statement.source.value)) return true;
  }
  return program.tokens?.some((token, index, tokens) => {
    // require('knex') anywhere: cheaper to find in the token stream than by walking the tree.
    return token.value === 'require' && tokens[index + 1]?.value === '(' && matches(unquote(tokens[index + 2]?.value));
  }) ?? false;
}

function unquote(value: string | undefined): string | undefined {
  return value && /^['"`].*['"`]$/.test(value) ? value.slice(1, -1) : undefined;
}

/** The type name annotating the first parameter of `up`: `Knex`, `Kysely<any>` → `Kysely`, `MigrationBuilder`. */
export function firstParameterType(functions: readonly MigrationFunction[]): string | undefined {
  for (const { node } of functions) {
    const param = node.params[0];
    const annotation =
      param && 'typeAnnotation' in param ? (param.typeAnnotation as TSESTree.TSTypeAnnotation | undefined) : undefined;
    const type = annotation?.typeAnnotation;
    if (type?.type === AST_NODE_TYPES.TSTypeReference) {
      const name = type.typeName;
      if (name.type === AST_NODE_TYPES.Identifier) return name.name;
      if (name.type === AST_NODE_TYPES.TSQualifiedName) return name.right.name;
    }
  }
  return undefined;
}

/** A score for how strongly a file looks like a tool's migration: import 3, parameter type 3, shape 1. */
export function recognitionScore(
  program: TSESTree.Program,
  functions: readonly MigrationFunction[],
  evidence: { modules: readonly string[]; parameterTypes: readonly string[]; shape?: () => boolean },
): number {
  if (functions.length === 0) return 0;
  let score = 0;
  if (importsFrom(program, evidence.modules)) score += 3;
  const type = firstParameterType(functions);
  if (type && evidence.parameterTypes.includes(type)) score += 3;
  if (score === 0 && evidence.shape?.()) score += 1;
  return score;
}
