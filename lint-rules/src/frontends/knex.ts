import type { TSESTree } from '@typescript-eslint/types';
import type { ColumnDefinition, Operation } from '../model/operation.ts';
import { analyseSqlPieces } from '../sql/analyse.ts';
import { isVolatileSqlText } from '../sql/nodes.ts';
import type { FunctionContext, JsFrontend } from './frontend.ts';
import { callbackAt, chainFrom, type Link, stringArg, stringListArg } from './js/chains.ts';
import { recognitionScore } from './js/detect.ts';
import { exportedObjectProperty } from './js/exported-config.ts';
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
  operations: (context) =>
    context.referencesOf(context.fn.node, 0).flatMap((reference) => knexCall(context, chainFrom(reference))),
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

function knexCall(context: FunctionContext, links: Link[]): Operation[] {
  const [first, ...rest] = links;
  if (!first) return [];
  if (first.name === 'raw') return rawSql(context, first);
  if (first.name === 'transaction') {
    const callback = callbackAt(first.args, 0);
    if (!callback) return [];
    return context.referencesOf(callback, 0).flatMap((reference) => knexCall(context, chainFrom(reference)));
  }
  if (first.name === 'schema') return rest.flatMap((link) => schemaCall(context, link));
  return [];
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
      return [{ kind: 'createTable', table, partitioned: false, ...at }, ...tableBuilder(context, table, link)];
    case 'alterTable':
    case 'table':
      return tableBuilder(context, table, link);
    case 'renameTable':
      return [{ kind: 'renameTable', table, newName: stringArg(link.args, 1) ?? '', ...at }];
    case 'dropTable':
    case 'dropTableIfExists':
      return [{ kind: 'dropTable', tables: [table], ...at }];
    default:
      return [];
  }
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
      const name = stringArg(first.args, 1);
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
      return first.args.flatMap((_, index) => stringListArg(first.args, index)).map((column) => ({ kind: 'dropColumn', table, column, ...at }) as Operation);
    case 'dropTimestamps':
      return ['created_at', 'updated_at'].map((column) => ({ kind: 'dropColumn', table, column, ...at }) as Operation);
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
      return ['created_at', 'updated_at'].map((name) => addColumn(table, { ...column(name, 'timestamptz') }, at));
    default:
      return first.name in COLUMN_TYPES ? columnCall(context, table, first, modifiers) : [];
  }
}

function columnCall(context: FunctionContext, table: string, first: Link, modifiers: Link[]): Operation[] {
  const at = context.at(first.node, first.start);
  const type = first.name === 'specificType' ? (stringArg(first.args, 1) ?? '') : withLength(first, COLUMN_TYPES[first.name]!);
  const definition = column(stringArg(first.args, 0) ?? '', type);
  let alter = false;
  for (const modifier of modifiers) {
    if (modifier.name === 'notNullable') definition.notNull = true;
    else if (modifier.name === 'nullable') definition.notNull = false;
    else if (modifier.name === 'defaultTo') definition.default = defaultOf(context, modifier);
    else if (modifier.name === 'references' || modifier.name === 'inTable') definition.references = referencedTable([modifier]);
    else if (modifier.name === 'primary') definition.primaryKey = true;
    else if (modifier.name === 'unique') definition.unique = true;
    else if (modifier.name === 'alter') alter = true;
    // checkPositive(), checkIn([…]), checkLength(…): an inline CHECK on the column.
    else if (/^check[A-Z]/.test(modifier.name)) definition.check = true;
  }
  if (!alter) return [addColumn(table, definition, at)];
  const columnName = definition.name;
  const operations: Operation[] = [{ kind: 'alterColumnType', table, column: columnName, newType: type, ...at }];
  if (definition.notNull) operations.push({ kind: 'setNotNull', table, column: columnName, ...at });
  if (definition.default) operations.push({ kind: 'setDefault', table, column: columnName, default: definition.default, ...at });
  return operations;
}

function withLength(link: Link, type: string): string {
  const length = link.args?.[1];
  return type === 'varchar' ? `varchar(${length?.type === 'Literal' ? String(length.value) : '255'})` : type;
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

function constraint(type: 'primaryKey' | 'foreignKey' | 'check', name: string | undefined) {
  return { type, name, notValid: false, provesNotNull: [] };
}

function addColumn(table: string, definition: ColumnDefinition, at: ReturnType<FunctionContext['at']>): Operation {
  return { kind: 'addColumn', table, column: definition, ...at };
}
