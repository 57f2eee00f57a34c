import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TransactionContext } from '../model/migration.ts';
import type { Operation } from '../model/operation.ts';
import type { LiveUpgradeSettings } from '../settings.ts';
import { analyseSqlPieces } from '../sql/analyse.ts';
import type { FunctionContext, JsFrontend } from './frontend.ts';
import { builderSqlOperations } from './js/builder-sql.ts';
import { chainFrom, type Link } from './js/chains.ts';
import { recognitionScore } from './js/detect.ts';
import { propertyName } from './js/migration-functions.ts';
import { sqlPieces } from './js/strings.ts';
import { nameOf, queryRunnerCallSql } from './typeorm-sql.ts';

/** TypeORM migrations: a class implementing `MigrationInterface` whose `up(queryRunner)` runs the changes. */
export const typeormFrontend: JsFrontend = {
  tool: 'typeorm',
  recognise: (program, functions) =>
    recognitionScore(program, functions, {
      modules: ['typeorm'],
      parameterTypes: ['QueryRunner'],
      // JavaScript output (`migration:generate --outputJs`) has no import: the class name ends in the 13-digit timestamp.
      shape: () => migrationClasses(program).some((node) => /\D\d{13}$/.test(node.id?.name ?? '')),
    }),
  operations: (context) =>
    context.referencesOf(context.fn.node, 0).flatMap((reference) => queryRunnerCall(context, chainFrom(reference))),
  transaction: (program, settings) => transactionOf(transactionProperty(program), settings),
};

/** Where a query sits on the QueryRunner: `queryRunner.query`, `.manager.query`, `.connection.query`. */
const QUERY_HOLDERS = new Set(['manager', 'connection', 'dataSource']);

function queryRunnerCall(context: FunctionContext, links: Link[]): Operation[] {
  const call = links.find((link) => link.args !== undefined);
  if (!call || links.slice(0, links.indexOf(call)).some((link) => !QUERY_HOLDERS.has(link.name))) return [];
  const start = links[0]!.start;
  if (call.name === 'query') return rawSql(context, call, start);
  if (call !== links[0]) return [];
  const statements = queryRunnerCallSql(call.name, call.args!);
  if (!statements) return [];
  // DROP INDEX names only the index; TypeORM's call names its table too.
  const table = call.name === 'dropIndex' || call.name === 'dropIndices' ? nameOf(call.args![0]) : undefined;
  return statements.flatMap(({ sql, impliedBy, fromType }) =>
    builderSqlOperations(context, sql, call.node, start).map((op) => ({
      ...op,
      ...(impliedBy ? { impliedBy } : {}),
      ...(op.kind === 'dropIndex' && table !== undefined ? { table } : {}),
      ...(op.kind === 'alterColumnType' && fromType !== undefined ? { fromType } : {}),
    })) as Operation[],
  );
}

function rawSql(context: FunctionContext, call: Link, start: number): Operation[] {
  const pieces = sqlPieces(call.args?.[0]);
  if (!pieces) {
    return [{ kind: 'opaque', reason: 'the SQL passed to query() is not written in the migration', ...context.at(call.node, start) }];
  }
  // Parameters are `$1`, `$2`… in the text itself: the SQL parses as it is.
  return analyseSqlPieces(pieces, { direction: context.direction, locator: context.locator });
}

type Mode = NonNullable<NonNullable<LiveUpgradeSettings['typeorm']>['migrationsTransactionMode']>;

const MODE_SETTING = "settings['live-upgrade'].typeorm.migrationsTransactionMode";

/**
 * TypeORM's MigrationExecutor: mode 'all' (the default) wraps every pending migration in one
 * transaction and refuses a migration that defines `transaction` (ForbiddenTransactionModeOverrideError);
 * 'each' wraps each migration unless it sets `transaction = false`; 'none' wraps only `transaction = true`.
 */
function transactionOf(property: boolean | 'unknown' | undefined, settings: LiveUpgradeSettings): TransactionContext {
  const mode: Mode = settings.typeorm?.migrationsTransactionMode ?? 'all';
  const optOut = `run the migrations with migrationsTransactionMode 'each' (tell the linter with ${MODE_SETTING}) and add \`public transaction = false\` to the migration class; under the default mode 'all' any \`transaction\` property fails the run with ForbiddenTransactionModeOverrideError`;
  if (mode === 'all') {
    const forbidden = property === undefined ? '' : ', and this migration defines `transaction`, which fails the run with ForbiddenTransactionModeOverrideError';
    return { wrapped: true, reason: `TypeORM's migrationsTransactionMode 'all' (the default) runs every pending migration in one transaction${forbidden}`, optOut };
  }
  if (property === 'unknown') {
    return { wrapped: undefined, reason: "this migration's `transaction` property is computed when it runs", optOut };
  }
  if (mode === 'each') {
    return property === false
      ? { wrapped: false, reason: "this migration sets `transaction = false`, so TypeORM (migrationsTransactionMode 'each') runs it outside a transaction", optOut }
      : { wrapped: true, reason: "TypeORM's migrationsTransactionMode 'each' runs each migration in its own transaction", optOut: 'add `public transaction = false` to the migration class' };
  }
  return property === true
    ? { wrapped: true, reason: "this migration sets `transaction = true`, so TypeORM runs it in a transaction although migrationsTransactionMode is 'none'", optOut: 'remove `transaction = true` from the migration class' }
    : { wrapped: false, reason: "TypeORM's migrationsTransactionMode 'none' runs migrations outside a transaction", optOut };
}

/** The `transaction` class property of the migration: its literal value, 'unknown', or undefined without one. */
function transactionProperty(program: TSESTree.Program): boolean | 'unknown' | undefined {
  for (const node of migrationClasses(program)) {
    for (const member of node.body.body) {
      if (member.type !== AST_NODE_TYPES.PropertyDefinition || member.static || propertyName(member.key) !== 'transaction') continue;
      const value = member.value;
      return value?.type === AST_NODE_TYPES.Literal && typeof value.value === 'boolean' ? value.value : 'unknown';
    }
  }
  return undefined;
}

/** Top-level classes: `export class X`, `class X {}; module.exports = X`, `module.exports = class X {}`. */
function migrationClasses(program: TSESTree.Program): (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[] {
  return program.body.flatMap((statement) => {
    const node =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression
          ? statement.expression.right
          : statement;
    return node?.type === AST_NODE_TYPES.ClassDeclaration || node?.type === AST_NODE_TYPES.ClassExpression ? [node] : [];
  });
}
