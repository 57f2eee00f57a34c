import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Operation } from '../model/operation.ts';
import { analyseSqlPieces } from '../sql/analyse.ts';
import type { FunctionContext, JsFrontend } from './frontend.ts';
import { builderSqlOperations, quoted } from './js/builder-sql.ts';
import { chainFrom, type Link } from './js/chains.ts';
import { recognitionScore } from './js/detect.ts';
import { exportedObject } from './js/exported-config.ts';
import { findMigrationFunctions, memberPath } from './js/migration-functions.ts';
import { literalValue, objectProperties, type Properties } from './js/objects.ts';
import { replaceInText, sqlPieces } from './js/strings.ts';
import { pgmCallSql, type PgmScope, tableNameOf } from './node-pg-migrate-sql.ts';

const MODULE = 'node-pg-migrate';

export const nodePgMigrateFrontend: JsFrontend = {
  tool: 'node-pg-migrate',
  // Without `down`, node-pg-migrate rolls back by running the calls of `up` in reverse.
  infersDown: true,
  recognise(program, functions) {
    if (functions.length === 0) return 0;
    const score = recognitionScore(program, functions, {
      modules: [MODULE],
      parameterTypes: ['MigrationBuilder'],
      shape: () => program.tokens?.some((token) => token.type === 'Identifier' && token.value === 'shorthands') ?? false,
    });
    // The JavaScript templates type `pgm` in JSDoc: `@param pgm {import('node-pg-migrate').MigrationBuilder}`.
    const jsDocImport = program.comments?.some((comment) => /import\(\s*['"]node-pg-migrate['"]\s*\)/.test(comment.value));
    return score + (jsDocImport ? 3 : 0);
  },
  operations(context) {
    const references = context.referencesOf(context.fn.node, 0);
    const scope = pgmScope(context, references);
    return references.flatMap((reference) => pgmCall(context, scope, chainFrom(reference)));
  },
  transaction(program) {
    const optedOut = callsNoTransaction(program);
    return {
      wrapped: !optedOut,
      reason: optedOut
        ? 'this migration calls `pgm.noTransaction()`, so node-pg-migrate runs it outside a transaction'
        : 'node-pg-migrate runs each migration inside a transaction (BEGIN before its steps, COMMIT after)',
      optOut: 'call `pgm.noTransaction()` in `up`',
    };
  },
};

function pgmCall(context: FunctionContext, scope: PgmScope, links: Link[]): Operation[] {
  const [first, second] = links;
  if (!first?.args) {
    // `pgm.db.query(…)` runs at once, before the steps `pgm.*` queue.
    if (first?.name === 'db' && (second?.name === 'query' || second?.name === 'select') && second.args) {
      return rawSql(context, second, databaseQueryText(second.args[0]), `pgm.db.${second.name}()`);
    }
    return [];
  }
  if (first.name === 'sql') return rawSql(context, first, first.args[0], 'pgm.sql()', first.args[1]);
  const parts = pgmCallSql(first.name, first.args, scope);
  if (!parts) return [];
  const operations = builderSqlOperations(context, parts, first.node, first.start);
  // DROP INDEX names only the index; node-pg-migrate's call names its table too.
  const table = first.name === 'dropIndex' ? tableNameOf(first.args[0]) : undefined;
  return table === undefined ? operations : operations.map((op) => (op.kind === 'dropIndex' ? { ...op, table } : op));
}

/** `pgm.db.query('…')` or `pgm.db.query({ text: '…', values })`. */
function databaseQueryText(argument: TSESTree.Node | undefined): TSESTree.Node | undefined {
  return objectProperties(argument)?.get('text') ?? argument;
}

/** `pgm.sql(text, { name: value })`: node-pg-migrate replaces `{name}` by the value, quoting strings as names. */
function rawSql(
  context: FunctionContext,
  link: Link,
  textNode: TSESTree.Node | undefined,
  call: string,
  argsNode?: TSESTree.Node,
): Operation[] {
  const pieces = sqlPieces(textNode);
  if (!pieces) {
    return [{ kind: 'opaque', reason: `the SQL passed to ${call} is not written in the migration`, ...context.at(link.node, link.start) }];
  }
  const target = { direction: context.direction, locator: context.locator };
  if (!argsNode) return analyseSqlPieces(pieces, target);
  const args = objectProperties(argsNode);
  // Arguments not written in the file may hold any key: every `{word}` is then an unknown value.
  const keys = args ? [...args.keys()].map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : ['\\w+'];
  if (keys.length === 0) return analyseSqlPieces(pieces, target);
  const pattern = new RegExp(keys.map((key) => `\\{${key}\\}`).join('|'));
  return analyseSqlPieces(
    replaceInText(pieces, pattern, (match) => placeholderValue(args, match.slice(1, -1))),
    target,
  );
}

function placeholderValue(args: Properties | undefined, key: string): string {
  const value = literalValue(args?.get(key));
  if (typeof value === 'string') return quoted(value)!;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function pgmScope(context: FunctionContext, references: readonly TSESTree.Identifier[]): PgmScope {
  const pgm = new Set<TSESTree.Node>(references);
  return {
    funcArgument(node) {
      if (node.type === AST_NODE_TYPES.NewExpression && memberPath(node.callee) === 'PgLiteral') return node.arguments[0];
      if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const { object } = node.callee;
      const isFunc = memberPath(node.callee) === 'PgLiteral.create' || (pgm.has(object) && memberPath(node.callee).endsWith('.func'));
      return isFunc ? node.arguments[0] : undefined;
    },
    shorthands: fileShorthands(programOf(context.fn.node)),
  };
}

/** `export const shorthands = { … }` (or `exports.shorthands`): column types the file's calls may use. */
function fileShorthands(program: TSESTree.Program | undefined): Properties {
  for (const statement of program?.body ?? []) {
    const object = exportedObject(statement, 'shorthands');
    if (object) return objectProperties(object) ?? new Map();
  }
  return new Map();
}

function programOf(node: TSESTree.Node): TSESTree.Program | undefined {
  let current: TSESTree.Node | undefined = node;
  while (current && current.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current;
}

/**
 * Whether `up` calls `noTransaction()` on its first parameter. Read from the tokens of `up`, because
 * the transaction context is computed for the whole file, without the scope analysis of a function.
 */
function callsNoTransaction(program: TSESTree.Program): boolean {
  const tokens = program.tokens ?? [];
  return findMigrationFunctions(program).some(({ direction, node }) => {
    const parameter = node.params[0];
    if (direction !== 'up' || parameter?.type !== AST_NODE_TYPES.Identifier) return false;
    const [from, to] = node.body.range;
    return tokens.some(
      (token, index) =>
        token.range[0] >= from &&
        token.range[1] <= to &&
        token.value === parameter.name &&
        (tokens[index + 1]?.value === '.' || tokens[index + 1]?.value === '?.') &&
        tokens[index + 2]?.value === 'noTransaction' &&
        tokens[index + 3]?.value === '(',
    );
  });
}
