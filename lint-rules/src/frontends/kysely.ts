import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { ColumnDefinition, ConstraintDefinition, ConstraintType, Operation } from '../model/operation.ts';
import { analyseSqlPieces } from '../sql/analyse.ts';
import { isVolatileSqlText } from '../sql/nodes.ts';
import type { FunctionContext, JsFrontend } from './frontend.ts';
import { callbackAt, chainFrom, type Link, stringArg } from './js/chains.ts';
import { recognitionScore } from './js/detect.ts';
import { memberPath } from './js/migration-functions.ts';
import { sqlPieces } from './js/strings.ts';

export const kyselyFrontend: JsFrontend = {
  tool: 'kysely',
  recognise: (program, functions) =>
    recognitionScore(program, functions, { modules: ['kysely'], parameterTypes: ['Kysely'] }),
  operations(context) {
    const builders = context.referencesOf(context.fn.node, 0).flatMap((reference) => builderChain(context, chainFrom(reference)));
    return [...builders, ...taggedSql(context)];
  },
  transaction(_program, settings) {
    const disabled = settings.kysely?.disableTransactions === true;
    return {
      wrapped: !disabled,
      reason: disabled
        ? "the Migrator runs with `disableTransactions: true` (settings['live-upgrade'].kysely)"
        : "Kysely's Migrator runs all pending migrations in one transaction on Postgres",
      optOut:
        "create the Migrator with `disableTransactions: true` and tell the linter with settings['live-upgrade'].kysely.disableTransactions",
    };
  },
};

/**
 * `sql\`…\`` templates and `sql.raw('…')` calls run as statements anywhere in the migration function;
 * inside the callback of `db.transaction().execute(…)` (Kysely) or `db.transaction(…)` (Drizzle) they
 * run in that transaction.
 */
export function taggedSql(context: FunctionContext, tag = 'sql'): Operation[] {
  const target = { direction: context.direction, locator: context.locator };
  const statements = (node: TSESTree.Node): Operation[] => {
    if (node.type === AST_NODE_TYPES.TaggedTemplateExpression && memberPath(node.tag) === tag && !isFragment(node)) {
      return analyseSqlPieces(sqlPieces(node, slotText(tag)) ?? [], target);
    }
    if (node.type === AST_NODE_TYPES.CallExpression && memberPath(node.callee) === `${tag}.raw` && !isFragment(node)) {
      const pieces = sqlPieces(node.arguments[0]);
      return pieces
        ? analyseSqlPieces(pieces, target)
        : [{ kind: 'opaque', reason: `the SQL passed to ${tag}.raw() is not written in the migration`, ...context.at(node) }];
    }
    return [];
  };
  return context.descendants(context.fn.node).flatMap((node) => {
    const operations = statements(node);
    return operations.length > 0 && inTransactionCallback(node, context.fn.node)
      ? operations.map((op) => ({ ...op, inTransaction: true as const }))
      : operations;
  });
}

/** Whether a function between `node` and the migration function is a transaction callback. */
function inTransactionCallback(node: TSESTree.Node, migrationFunction: TSESTree.Node): boolean {
  for (let at = node.parent; at && at !== migrationFunction; at = at.parent) {
    const call = at.parent;
    const isCallback =
      (at.type === AST_NODE_TYPES.ArrowFunctionExpression || at.type === AST_NODE_TYPES.FunctionExpression) &&
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.arguments[0] === at;
    if (isCallback && isTransactionCall(call.callee)) return true;
  }
  return false;
}

/** `x.transaction` (Drizzle) or `x.transaction().execute` (Kysely). */
function isTransactionCall(callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (memberPath(callee).endsWith('.transaction')) return true;
  const object = callee.object;
  return (
    memberPath(callee.property) === 'execute' &&
    object.type === AST_NODE_TYPES.CallExpression &&
    memberPath(object.callee).endsWith('.transaction')
  );
}

/** Interpolations the `sql` tag inlines as text; anything else becomes a bind parameter. */
function slotText(tag: string) {
  return (expression: TSESTree.Expression): string | undefined => {
    if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const value = stringArg(expression.arguments, 0);
    if (value === undefined) return undefined;
    switch (memberPath(expression.callee)) {
      case `${tag}.raw`:
        return value;
      case `${tag}.id`:
      case `${tag}.ref`:
      case `${tag}.table`:
      case `${tag}.identifier`:
        return value.split('.').map((part) => `"${part}"`).join('.');
      case `${tag}.lit`:
        return `'${value.replaceAll("'", "''")}'`;
      default:
        return undefined;
    }
  };
}

/**
 * A piece of a statement rather than one: interpolated into another template, or handed to a
 * builder (`defaultTo(sql\`now()\`)`, `setDataType(sql\`varchar(20)\`)`). Only `execute…(sql\`…\`)`
 * (Drizzle, Payload) takes a whole statement as an argument.
 */
function isFragment(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(node as TSESTree.CallExpressionArgument)) return false;
  return !/^(execute|run$)/.test(memberPath(parent.callee).split('.').at(-1) ?? '');
}

/** Query builders that change rows, and the statement each runs. */
const DATA_CHANGES: Record<string, 'insert' | 'update' | 'delete'> = { insertInto: 'insert', updateTable: 'update', deleteFrom: 'delete' };

/** `db.schema…`, a data change (`db.updateTable('t').set(…).where(…)`), or the same inside `db.transaction().execute(cb)`. */
function builderChain(context: FunctionContext, links: Link[]): Operation[] {
  const [first, second] = links;
  if (first?.name === 'transaction' && second?.name === 'execute') {
    const callback = callbackAt(second.args, 0);
    const inside = callback ? context.referencesOf(callback, 0).flatMap((reference) => builderChain(context, chainFrom(reference))) : [];
    return inside.map((op) => ({ ...op, inTransaction: true as const }));
  }
  const statement = first && Object.hasOwn(DATA_CHANGES, first.name) ? DATA_CHANGES[first.name] : undefined;
  const table = stringArg(first?.args, 0)?.split(/\s+/)[0];
  if (!first || !statement || table === undefined) return schemaChain(context, links);
  const hasWhere = links.some((link) => link.name.startsWith('where'));
  return [{ kind: 'dataChange', statement, table, hasWhere, ...context.at(lastLink(links).node, first.start) }];
}

function schemaChain(context: FunctionContext, links: Link[]): Operation[] {
  const [schema, statement, ...rest] = links;
  if (schema?.name !== 'schema' || !statement) return [];
  const name = stringArg(statement.args, 0) ?? '';
  const at = context.at(statement.node, statement.start);
  switch (statement.name) {
    case 'createTable':
      return [createTable(context, name, rest, at)];
    case 'createView':
      // A materialized view is a table of its own, not a view of another.
      if (rest.some((link) => link.name === 'materialized')) return [];
      return [{ kind: 'createView', name, replace: rest.some((link) => link.name === 'orReplace'), ...at }];
    case 'alterTable':
      return rest.flatMap((link) => alterTableLink(context, name, link));
    case 'dropTable':
      return [{ kind: 'dropTable', tables: [name], ifExists: rest.some((link) => link.name === 'ifExists'), ...context.at(lastLink(links).node, statement.start) }];
    case 'dropSchema':
      return [{ kind: 'dropSchema', names: [name], cascade: rest.some((link) => link.name === 'cascade'), ...context.at(lastLink(links).node, statement.start) }];
    case 'createIndex':
      return [createIndex(context, name, statement, rest)];
    case 'dropIndex':
      return [{ kind: 'dropIndex', names: [name], concurrently: false, ifExists: rest.some((l) => l.name === 'ifExists'), ...context.at(lastLink(links).node, statement.start) }];
    default:
      return [];
  }
}

/** `createTable('t').addColumn(…).addPrimaryKeyConstraint(…)`: Kysely writes all of it into one CREATE TABLE. */
function createTable(context: FunctionContext, table: string, links: Link[], at: ReturnType<FunctionContext['at']>): Operation {
  const columns = links.flatMap((link) =>
    link.name === 'addColumn' ? [columnDefinition(context, stringArg(link.args, 0) ?? '', dataTypeArg(link.args, 1), link)] : [],
  );
  const constraints = links.flatMap((link): ConstraintDefinition[] => {
    const type = CONSTRAINT_METHODS[link.name];
    if (!type) return [];
    const referencedTable = type === 'foreignKey' ? stringArg(link.args, 2) : undefined;
    return [{ type, name: stringArg(link.args, 0), notValid: false, referencedTable, provesNotNull: [] }];
  });
  return { kind: 'createTable', table, partitioned: false, ifNotExists: links.some((link) => link.name === 'ifNotExists'), columns, constraints, ...at };
}

const CONSTRAINT_METHODS: Record<string, ConstraintType | undefined> = {
  addPrimaryKeyConstraint: 'primaryKey',
  addUniqueConstraint: 'unique',
  addCheckConstraint: 'check',
  addForeignKeyConstraint: 'foreignKey',
};

/** A data type: `'varchar(20)'`, or a `sql\`…\`` template without interpolations. */
function dataTypeArg(args: TSESTree.CallExpressionArgument[] | undefined, index: number): string {
  const arg = args?.[index];
  if (arg?.type === AST_NODE_TYPES.TaggedTemplateExpression && memberPath(arg.tag) === 'sql' && arg.quasi.expressions.length === 0) {
    return arg.quasi.quasis[0]?.value.cooked ?? '';
  }
  return stringArg(args, index) ?? '';
}

function lastLink(links: Link[]): Link {
  const executing = links.findIndex((link) => link.name.startsWith('execute'));
  return links[executing > 0 ? executing - 1 : links.length - 1]!;
}

function createIndex(context: FunctionContext, name: string, statement: Link, rest: Link[]): Operation {
  const has = (method: string) => rest.some((link) => link.name === method);
  const on = rest.find((link) => link.name === 'on');
  return {
    kind: 'createIndex',
    table: stringArg(on?.args, 0) ?? '',
    name,
    concurrently: false,
    unique: has('unique'),
    ifNotExists: has('ifNotExists'),
    only: false,
    ...context.at(lastLink([statement, ...rest]).node, statement.start),
  };
}

function alterTableLink(context: FunctionContext, table: string, link: Link): Operation[] {
  const at = context.at(link.node, link.start);
  const name = stringArg(link.args, 0) ?? '';
  switch (link.name) {
    case 'addColumn':
      return [{ kind: 'addColumn', table, column: columnDefinition(context, name, dataTypeArg(link.args, 1), link), ifNotExists: callbackLinks(context, link, 2).some((step) => step.name === 'ifNotExists'), ...at }];
    case 'dropColumn':
      return [{ kind: 'dropColumn', table, column: name, ifExists: false, ...at }];
    case 'renameColumn':
      return [{ kind: 'renameColumn', table, column: name, newName: stringArg(link.args, 1) ?? '', ...at }];
    case 'renameTo':
      return [{ kind: 'renameTable', table, newName: name, ...at }];
    case 'alterColumn':
      return alterColumn(context, table, name, link);
    case 'addForeignKeyConstraint':
      return [{ kind: 'addConstraint', table, constraint: { type: 'foreignKey', name, notValid: false, referencedTable: stringArg(link.args, 2), provesNotNull: [] }, ...at }];
    case 'addUniqueConstraint':
    case 'addPrimaryKeyConstraint':
    case 'addCheckConstraint': {
      const type = link.name === 'addUniqueConstraint' ? 'unique' : link.name === 'addCheckConstraint' ? 'check' : 'primaryKey';
      return [{ kind: 'addConstraint', table, constraint: { type, name, notValid: false, provesNotNull: [] }, ...at }];
    }
    case 'dropConstraint':
      return [{ kind: 'dropConstraint', table, name, ...at }];
    case 'addIndex':
      return [{ kind: 'createIndex', table, name, concurrently: false, unique: false, ifNotExists: false, only: false, ...at }];
    default:
      return [];
  }
}

function alterColumn(context: FunctionContext, table: string, column: string, link: Link): Operation[] {
  const at = context.at(link.node, link.start);
  return callbackLinks(context, link, 1).flatMap((step): Operation[] => {
    switch (step.name) {
      case 'setDataType':
        return [{ kind: 'alterColumnType', table, column, newType: dataTypeArg(step.args, 0).toLowerCase(), ...at }];
      case 'setDefault':
        return [{ kind: 'setDefault', table, column, default: defaultOf(context, step), ...at }];
      case 'dropDefault':
        return [{ kind: 'dropDefault', table, column, ...at }];
      case 'setNotNull':
        return [{ kind: 'setNotNull', table, column, ...at }];
      case 'dropNotNull':
        return [{ kind: 'dropNotNull', table, column, ...at }];
      default:
        return [];
    }
  });
}

function columnDefinition(context: FunctionContext, name: string, type: string, link: Link): ColumnDefinition {
  const steps = callbackLinks(context, link, 2);
  const has = (method: string) => steps.some((step) => step.name === method);
  const defaultStep = steps.find((step) => step.name === 'defaultTo');
  const references = stringArg(steps.find((step) => step.name === 'references')?.args, 0);
  const lowerType = type.toLowerCase();
  return {
    name,
    type: lowerType,
    notNull: has('notNull') || has('primaryKey'),
    default: defaultStep ? defaultOf(context, defaultStep) : undefined,
    generatedStored: has('generatedAlwaysAs') && has('stored'),
    autoIncrement: /serial$/.test(lowerType) || has('generatedAlwaysAsIdentity') || has('generatedByDefaultAsIdentity') || has('autoIncrement'),
    references: references?.includes('.') ? references.slice(0, references.lastIndexOf('.')) : undefined,
    primaryKey: has('primaryKey'),
    unique: has('unique'),
    check: has('check'),
  };
}

/** The chain a column-builder callback returns: `(col) => col.notNull().defaultTo(0)`. */
function callbackLinks(context: FunctionContext, link: Link, index: number): Link[] {
  const callback = callbackAt(link.args, index);
  if (!callback) return [];
  return context.referencesOf(callback, 0).flatMap((reference) => chainFrom(reference));
}

function defaultOf(context: FunctionContext, step: Link) {
  const text = step.args?.[0] ? context.at(step.args[0]).text : '';
  return { text, volatile: isVolatileSqlText(text) };
}

