import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { ColumnDefinition, Operation } from '../model/operation.ts';
import { analyseSqlPieces } from '../sql/analyse.ts';
import { isVolatileSqlText } from '../sql/nodes.ts';
import type { FunctionContext, JsFrontend } from './frontend.ts';
import { callbackAt, chainFrom, type Link, stringArg, stringListArg } from './js/chains.ts';
import { recognitionScore } from './js/detect.ts';
import { exportedObjectProperty } from './js/exported-config.ts';
import { propertyName } from './js/migration-functions.ts';
import { replaceInText, sqlPieces } from './js/strings.ts';

/** Knex column types (`table.integer('age')`) and the Postgres type each creates. */
const COLUMN_TYPES: Record<string, string> = {
  increments: 'serial',
  bigIncrements: 'bigserial',
  integer: 'integer',
  bigInteger: 'bigint',
  bigint: 'bigint',
  smallint: 'smallint',
  tinyint: 'smallint',
  mediumint: 'integer',
  text: 'text',
  string: 'varchar',
  float: 'real',
  double: 'double precision',
  decimal: 'decimal',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
  timestamp: 'timestamptz',
  time: 'time',
  binary: 'bytea',
  enum: 'text',
  enu: 'text',
  json: 'json',
  jsonb: 'jsonb',
  uuid: 'uuid',
  specificType: '',
  geometry: 'geometry',
  geography: 'geography',
  point: 'point',
};

export const knexFrontend: JsFrontend = {
  tool: 'knex',
  recognise: (program, functions) =>
    recognitionScore(program, functions, { modules: ['knex'], parameterTypes: ['Knex'] }),
  operations: (context) => context.referencesOf(context.fn.node, 0).flatMap((reference) => knexReference(context, reference)),
  transaction(program) {
    const transaction = exportedObjectProperty(program, 'config', 'transaction');
    return {
      wrapped: transaction !== false,
      reason:
        transaction === false
          ? 'this migration exports `config = { transaction: false }`, so Knex runs it outside a transaction'
          : 'Knex runs every migration inside a transaction (a whole batch in one when none opts out)',
      optOut: 'export `const config = { transaction: false }` from the migration',
    };
  },
};

/** `knex.schema…`, `knex.raw(…)`, or a query on a table: `knex('users').truncate()`. */
function knexReference(context: FunctionContext, reference: TSESTree.Node): Operation[] {
  const call = reference.parent;
  if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference) {
    return tableQuery(context, stringArg(call.arguments, 0), chainFrom(call), reference.range[0]);
  }
  return knexCall(context, chainFrom(reference));
}

function knexCall(context: FunctionContext, links: Link[]): Operation[] {
  const [first, ...rest] = links;
  if (!first) return [];
  if (first.name === 'raw') return rawSql(context, first);
  if (first.name === 'transaction') {
    const callback = callbackAt(first.args, 0);
    if (!callback) return [];
    // Statements on the transaction object run in the transaction the migration opened.
    return context.referencesOf(callback, 0).flatMap((reference) => knexReference(context, reference)).map((op) => ({ ...op, inTransaction: true as const }));
  }
  if (first.name === 'schema') return rest.flatMap((link) => schemaCall(context, link));
  if (first.name === 'table' || first.name === 'from') return tableQuery(context, stringArg(first.args, 0), rest, first.start);
  return [];
}

/** Query-builder methods that change rows, and the statement each runs. */
const DATA_CHANGES: Record<string, 'insert' | 'update' | 'delete'> = {
  insert: 'insert',
  update: 'update',
  increment: 'update',
  decrement: 'update',
  del: 'delete',
  delete: 'delete',
};

/** A query on a table: `truncate()` (`truncate "t" restart identity`), or a data change with or without a WHERE. */
function tableQuery(context: FunctionContext, table: string | undefined, links: Link[], start: number): Operation[] {
  const truncate = links.find((link) => link.name === 'truncate' && link.args);
  if (table === undefined) return [];
  if (truncate) return [{ kind: 'truncate', tables: [table], cascade: false, ...context.at(truncate.node, start) }];
  const change = links.find((link) => link.args && Object.hasOwn(DATA_CHANGES, link.name));
  if (!change) return [];
  // `modify(fn)` may add conditions the linter cannot see: count it as a WHERE.
  const hasWhere = links.some((link) => /^(where|andWhere|orWhere)|^modify$/.test(link.name));
  return [{ kind: 'dataChange', statement: DATA_CHANGES[change.name]!, table, hasWhere, ...context.at(change.node, start) }];
}

function rawSql(context: FunctionContext, link: Link): Operation[] {
  const pieces = sqlPieces(link.args?.[0]);
  if (!pieces) {
    return [{ kind: 'opaque', reason: 'the SQL passed to raw() is not written in the migration', ...context.at(link.node, link.start) }];
  }
  const bindings = link.args?.[1];
  const values = bindings?.type === 'ArrayExpression' ? bindings.elements : [];
  // `??` binds an identifier and `?` a value: put each binding's text in its place when it is a literal.
  const bound = replaceInText(pieces, /\?\?|\?/, (match, index) => {
    const value = stringArg(values as TSESTree.CallExpressionArgument[], index);
    if (value === undefined) return '';
    return match === '??' ? value.split('.').map((part) => `"${part}"`).join('.') : `'${value.replaceAll("'", "''")}'`;
  });
  return analyseSqlPieces(bound, { direction: context.direction, locator: context.locator });
}

function schemaCall(context: FunctionContext, link: Link): Operation[] {
  const table = stringArg(link.args, 0) ?? '';
  const at = context.at(link.node, link.start);
  switch (link.name) {
    case 'raw':
      return rawSql(context, link);
    case 'createTable':
    case 'createTableIfNotExists':
    case 'createTableLike':
      return createTable(table, tableBuilder(context, table, link), { ...at, ifNotExists: link.name === 'createTableIfNotExists' });
    case 'createView':
    case 'createViewOrReplace':
      return [{ kind: 'createView', name: table, replace: link.name === 'createViewOrReplace', ...at }];
    case 'alterTable':
    case 'table':
      return tableBuilder(context, table, link);
    case 'renameTable':
      return [{ kind: 'renameTable', table, newName: stringArg(link.args, 1) ?? '', ...at }];
    case 'dropSchema':
    case 'dropSchemaIfExists': {
      // `dropSchema(name, cascade)`
      const cascade = link.args?.[1]?.type === AST_NODE_TYPES.Literal && link.args[1].value === true;
      return [{ kind: 'dropSchema', names: [table], cascade, ...at }];
    }
    case 'dropTable':
    case 'dropTableIfExists':
      return [{ kind: 'dropTable', tables: [table], ifExists: link.name === 'dropTableIfExists', ...at }];
    default:
      return [];
  }
}

/**
 * Knex writes columns, the primary key and checks into CREATE TABLE, and runs indexes, unique and
 * foreign keys as statements after it.
 */
function createTable(table: string, operations: Operation[], at: ReturnType<FunctionContext['at']> & { ifNotExists: boolean }): Operation[] {
  const inline = (op: Operation) =>
    op.kind === 'addColumn' || (op.kind === 'addConstraint' && (op.constraint.type === 'primaryKey' || op.constraint.type === 'check'));
  const columns = operations.flatMap((op) => (op.kind === 'addColumn' ? [op.column] : []));
  const constraints = operations.flatMap((op) => (op.kind === 'addConstraint' && inline(op) ? [op.constraint] : []));
  return [{ kind: 'createTable', table, partitioned: false, columns, constraints, ...at }, ...operations.filter((op) => !inline(op))];
}

function tableBuilder(context: FunctionContext, table: string, link: Link): Operation[] {
  const callback = callbackAt(link.args, 1);
  if (!callback) return [];
  return context.referencesOf(callback, 0).flatMap((reference) => tableCall(context, table, chainFrom(reference)));
}

function tableCall(context: FunctionContext, table: string, links: Link[]): Operation[] {
  const [first, ...modifiers] = links;
  if (!first?.args) return [];
  const at = context.at(first.node, first.start);
  const names = stringListArg(first.args, 0);
  switch (first.name) {
    case 'index':
    case 'unique': {
      const options = first.args[first.name === 'index' ? 2 : 1];
      const unique = first.name === 'unique' || (options !== undefined && context.at(options).text.includes("'unique'"));
      const name = stringArg(first.args, 1) ?? stringArg([optionValue(first.args[1], 'indexName') as TSESTree.Expression], 0) ?? defaultName(table, names, first.name);
      if (first.name === 'unique' && uniqueAsConstraint(first.args[1])) {
        return [{ kind: 'addConstraint', table, constraint: constraint('unique', name), ...at }];
      }
      return [{ kind: 'createIndex', table, name, concurrently: false, unique, ifNotExists: false, only: false, ...at }];
    }
    case 'primary':
      return [{ kind: 'addConstraint', table, constraint: constraint('primaryKey', stringArg(first.args, 1)), ...at }];
    case 'foreign':
      return [{ kind: 'addConstraint', table, constraint: { ...constraint('foreignKey', stringArg(first.args, 1)), referencedTable: referencedTable(modifiers) }, ...at }];
    case 'check':
      return [{ kind: 'addConstraint', table, constraint: constraint('check', stringArg(first.args, 2)), ...at }];
    case 'dropColumn':
    case 'dropColumns':
      return first.args.flatMap((_, index) => stringListArg(first.args, index)).map((column) => ({ kind: 'dropColumn', table, column, ifExists: false, ...at }) as Operation);
    case 'dropTimestamps':
      return ['created_at', 'updated_at'].map((column) => ({ kind: 'dropColumn', table, column, ifExists: false, ...at }) as Operation);
    case 'renameColumn':
      return [{ kind: 'renameColumn', table, column: names[0] ?? '', newName: stringArg(first.args, 1) ?? '', ...at }];
    case 'dropIndex':
      return [{ kind: 'dropIndex', names: [stringArg(first.args, 1) ?? names.join('_')], concurrently: false, ifExists: false, table, ...at }];
    case 'dropUnique':
    case 'dropForeign':
    case 'dropPrimary':
    case 'dropChecks':
      return [{ kind: 'dropConstraint', table, name: stringArg(first.args, 1) ?? names.join('_'), ...at }];
    case 'dropNullable':
      return [{ kind: 'setNotNull', table, column: names[0] ?? '', ...at }];
    case 'setNullable':
      return [{ kind: 'dropNotNull', table, column: names[0] ?? '', ...at }];
    case 'timestamps':
      return timestamps(first).map((definition) => addColumn(table, definition, at));
    default:
      return first.name in COLUMN_TYPES ? columnCall(context, table, first, modifiers) : [];
  }
}

function columnCall(context: FunctionContext, table: string, first: Link, modifiers: Link[]): Operation[] {
  const at = context.at(first.node, first.start);
  const type = first.name === 'specificType' ? (stringArg(first.args, 1) ?? '') : typeOf(first, COLUMN_TYPES[first.name]!);
  // increments() and bigIncrements() name the column `id` when not told.
  const definition = column(stringArg(first.args, 0) ?? (/^(big)?increments$/i.test(first.name) ? 'id' : ''), type);
  let alter: Link | undefined;
  let nullable = false;
  for (const modifier of modifiers) {
    if (modifier.name === 'notNullable') definition.notNull = true;
    else if (modifier.name === 'nullable') [definition.notNull, nullable] = [false, true];
    else if (modifier.name === 'defaultTo') definition.default = defaultOf(context, modifier);
    else if (modifier.name === 'references' || modifier.name === 'inTable') definition.references = referencedTable([modifier]);
    else if (modifier.name === 'primary') definition.primaryKey = true;
    else if (modifier.name === 'unique') definition.unique = true;
    else if (modifier.name === 'alter') alter = modifier;
    // checkPositive(), checkIn([…]), checkLength(…): an inline CHECK on the column.
    else if (/^check[A-Z]/.test(modifier.name)) definition.check = true;
  }
  return alter ? alteredColumn(table, definition, nullable, alter, at) : [addColumn(table, definition, at)];
}

/**
 * What Knex runs for `column.alter(options)`: it always drops the default and, unless
 * `alterNullable: false`, NOT NULL; it changes the type unless `alterType: false`; then it sets
 * again only what the chain restates. The drops the chain does not ask for are Knex's doing.
 */
function alteredColumn(table: string, definition: ColumnDefinition, nullable: boolean, alter: Link, at: ReturnType<FunctionContext['at']>): Operation[] {
  const column = definition.name;
  const implied = { impliedBy: 'Knex .alter()' };
  const alterNullable = !isFalseOption(alter.args?.[0], 'alterNullable');
  const operations: Operation[] = [{ kind: 'dropDefault', table, column, ...at, ...implied }];
  if (alterNullable) operations.push({ kind: 'dropNotNull', table, column, ...at, ...(!nullable && implied) });
  if (!isFalseOption(alter.args?.[0], 'alterType')) operations.push({ kind: 'alterColumnType', table, column, newType: definition.type ?? '', ...at });
  if (definition.default) operations.push({ kind: 'setDefault', table, column, default: definition.default, ...at });
  if (alterNullable && definition.notNull) operations.push({ kind: 'setNotNull', table, column, ...at });
  return operations;
}

function isFalseOption(options: TSESTree.Node | undefined, name: string): boolean {
  const value = optionValue(options, name);
  return value?.type === AST_NODE_TYPES.Literal && value.value === false;
}

/** The Postgres type Knex writes for a column call, with its length, precision or time zone. */
function typeOf(link: Link, type: string): string {
  const [, first, second] = link.args ?? [];
  const number = (node: TSESTree.Node | undefined, fallback: string) =>
    node === undefined ? fallback : node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number' ? String(node.value) : undefined;
  switch (type) {
    case 'varchar':
      return `varchar(${number(first, '255') ?? '255'})`;
    case 'decimal': {
      // `decimal('d')` is decimal(8, 2); `decimal('d', null)` leaves it unbounded.
      if (first?.type === AST_NODE_TYPES.Literal && first.value === null) return 'decimal';
      const precision = number(first, '8');
      const scale = number(second, '2');
      return precision && scale ? `decimal(${precision},${scale})` : 'decimal';
    }
    case 'timestamptz': {
      // `timestamp('t', { useTz: false, precision: 3 })`, or the older `timestamp('t', true)` for no time zone.
      const withoutTz = first?.type === AST_NODE_TYPES.Literal ? first.value === true : isFalseOption(first, 'useTz');
      const precision = number(optionValue(first, 'precision'), '');
      return `${withoutTz ? 'timestamp' : 'timestamptz'}${precision ? `(${precision})` : ''}`;
    }
    default:
      return type;
  }
}

/** A property of an options object literal: `{ useTz: false }`. */
function optionValue(options: TSESTree.Node | undefined, name: string): TSESTree.Node | undefined {
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const item of options.properties) {
    if (item.type === AST_NODE_TYPES.Property && propertyName(item.key) === name) return item.value;
  }
  return undefined;
}

/** `timestamps(useTimestamp, defaultToNow, useCamelCase)`: `defaultToNow` makes them NOT NULL DEFAULT CURRENT_TIMESTAMP. */
function timestamps(link: Link): ColumnDefinition[] {
  const flag = (index: number) => {
    const arg = link.args?.[index];
    return arg?.type === AST_NODE_TYPES.Literal && arg.value === true;
  };
  const names = flag(2) ? ['createdAt', 'updatedAt'] : ['created_at', 'updated_at'];
  return names.map((name) => ({
    ...column(name, 'timestamptz'),
    ...(flag(1) && { notNull: true, default: { text: 'CURRENT_TIMESTAMP', volatile: false } }),
  }));
}

function defaultOf(context: FunctionContext, modifier: Link) {
  const text = modifier.args?.[0] ? context.at(modifier.args[0]).text : '';
  // knex.fn.uuid() is gen_random_uuid(); knex.fn.now() is CURRENT_TIMESTAMP (stable, evaluated once).
  return { text, volatile: isVolatileSqlText(text) || /\.fn\.uuid\s*\(/.test(text) };
}

function referencedTable(links: Link[]): string | undefined {
  for (const link of links) {
    const target = stringArg(link.args, 0);
    if (link.name === 'inTable' && target) return target;
    if (link.name === 'references' && target?.includes('.')) return target.slice(0, target.lastIndexOf('.'));
  }
  return undefined;
}

/** The name Knex gives an index it is not told: `users_email_index`, `users_email_unique`. */
function defaultName(table: string, columns: string[], type: string): string {
  return `${table.replace(/\.|-/g, '_')}_${columns.join('_')}_${type}`.toLowerCase();
}

function column(name: string, type: string): ColumnDefinition {
  return {
    name,
    type,
    notNull: false,
    generatedStored: false,
    autoIncrement: /serial$/.test(type),
    primaryKey: /serial$/.test(type),
    unique: false,
    check: false,
  };
}

/**
 * On Postgres, Knex sends `table.unique(columns)` as `ADD CONSTRAINT … UNIQUE`, and only
 * `{ useConstraint: false }` or a `predicate` (without `deferrable`) as `CREATE UNIQUE INDEX`.
 */
function uniqueAsConstraint(options: TSESTree.Node | undefined): boolean {
  const flag = (name: string) => {
    const value = optionValue(options, name);
    return value?.type === AST_NODE_TYPES.Literal ? Boolean(value.value) : value !== undefined;
  };
  const useConstraint = optionValue(options, 'useConstraint');
  if (useConstraint !== undefined) return useConstraint.type !== AST_NODE_TYPES.Literal || Boolean(useConstraint.value);
  return flag('deferrable') || !flag('predicate');
}

function constraint(type: 'primaryKey' | 'foreignKey' | 'check' | 'unique', name: string | undefined) {
  return { type, name, notValid: false, provesNotNull: [] };
}

function addColumn(table: string, definition: ColumnDefinition, at: ReturnType<FunctionContext['at']>): Operation {
  return { kind: 'addColumn', table, column: definition, ifNotExists: false, ...at };
}
