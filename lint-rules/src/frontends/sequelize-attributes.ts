import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { ColumnDefinition, DefaultValue } from '../model/operation.ts';
import { isVolatileSqlText } from '../sql/nodes.ts';
import { stringArg } from './js/chains.ts';
import { memberPath, propertyName } from './js/migration-functions.ts';

/** A Sequelize column attribute (`{ type, allowNull, defaultValue, … }` or a bare data type) as Postgres gets it. */
export interface SequelizeAttribute {
  column: ColumnDefinition;
  /** `references: { model }`: Sequelize adds the column with an inline, validated foreign key. */
  references: boolean;
}

/**
 * Reads an attribute the way Sequelize 6 turns it into SQL for Postgres (`attributeToSQL`):
 * NOT NULL only for an explicit `allowNull: false`, `primaryKey` dropped (ALTER TABLE … ADD COLUMN
 * and ALTER COLUMN never carry it), `autoIncrement` becomes SERIAL.
 */
export function readAttribute(node: TSESTree.Node | undefined, table: string, name: string): SequelizeAttribute {
  const attributes = node?.type === AST_NODE_TYPES.ObjectExpression ? node : undefined;
  const typeNode = attributes ? property(attributes, 'type') : node;
  const autoIncrement = isTrue(property(attributes, 'autoIncrement'));
  const identity = isTrue(property(attributes, 'autoIncrementIdentity'));
  let type = dataType(typeNode, table, name);
  if (autoIncrement && !identity) type = SERIAL_TYPES[type ?? ''] ?? 'serial';
  const references = referencedTable(property(attributes, 'references'));
  return {
    column: {
      name,
      type,
      notNull: isFalse(property(attributes, 'allowNull')),
      default: defaultValue(property(attributes, 'defaultValue')),
      generatedStored: false,
      autoIncrement,
      references,
      primaryKey: false,
      unique: isTrue(property(attributes, 'unique')),
      check: false,
    },
    references: references !== undefined,
  };
}

/** `createTable(table, { id: { type, primaryKey: true }, … })`: the columns, with their primary key (NOT NULL). */
export function readTableAttributes(node: TSESTree.Node | undefined, table: string): ColumnDefinition[] {
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return [];
  return node.properties.flatMap((item) => {
    const name = item.type === AST_NODE_TYPES.Property ? propertyName(item.key) : undefined;
    if (item.type !== AST_NODE_TYPES.Property || name === undefined) return [];
    const { column } = readAttribute(item.value, table, name);
    const primaryKey = isTrue(property(item.value, 'primaryKey'));
    return [{ ...column, primaryKey, notNull: column.notNull || primaryKey }];
  });
}

const SERIAL_TYPES: Record<string, string> = { integer: 'serial', bigint: 'bigserial', smallint: 'smallserial' };

/** Sequelize data types and the Postgres type each creates (as the SQL frontend names types). */
const DATA_TYPES: Record<string, (args: string[]) => string> = {
  STRING: ([length]) => `varchar(${length ?? 255})`,
  CHAR: ([length]) => `char(${length ?? 255})`,
  TEXT: () => 'text',
  CITEXT: () => 'citext',
  INTEGER: () => 'integer',
  BIGINT: () => 'bigint',
  SMALLINT: () => 'smallint',
  FLOAT: ([precision]) => (precision !== undefined && Number(precision) <= 24 ? 'real' : 'double precision'),
  DOUBLE: () => 'double precision',
  REAL: () => 'real',
  DECIMAL: (args) => (args.length > 0 ? `numeric(${args.join(',')})` : 'numeric'),
  NUMERIC: (args) => (args.length > 0 ? `numeric(${args.join(',')})` : 'numeric'),
  BOOLEAN: () => 'boolean',
  DATE: ([precision]) => (precision === undefined ? 'timestamptz' : `timestamptz(${precision})`),
  DATEONLY: () => 'date',
  TIME: () => 'time',
  UUID: () => 'uuid',
  JSON: () => 'json',
  JSONB: () => 'jsonb',
  BLOB: () => 'bytea',
};

/** `Sequelize.INTEGER`, `DataTypes.STRING(50)`, `new DataTypes.DECIMAL(10, 2)`, `'VARCHAR(20)'` → a Postgres type. */
export function dataType(node: TSESTree.Node | undefined, table: string, column: string): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value.toLowerCase();
  const call = node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression ? node : undefined;
  const path = memberPath(call ? call.callee : node).split('.');
  // `DataTypes.INTEGER.UNSIGNED`: the type is the first upper-case segment after the namespace.
  const name = path.slice(1).find((segment) => /^[A-Z]+$/.test(segment)) ?? path[0] ?? '';
  if (name === 'ARRAY') return `${dataType(call?.arguments[0], table, column) ?? ''}[]`;
  if (name === 'ENUM') return `public.enum_${table}_${column}`;
  const args = (call?.arguments ?? []).map((arg) => (arg.type === AST_NODE_TYPES.Literal ? String(arg.value) : ''));
  return DATA_TYPES[name]?.(args) ?? (name ? name.toLowerCase() : undefined);
}

/**
 * The database default: Sequelize leaves out `UUIDV1`, `UUIDV4` and `NOW` (it fills them in JavaScript
 * on model inserts, never in a migration) and `null` (the same as no default).
 */
function defaultValue(node: TSESTree.Node | undefined): DefaultValue | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Literal) {
    if (node.value === null) return undefined;
    return { text: typeof node.value === 'string' ? `'${node.value.replaceAll("'", "''")}'` : String(node.value), volatile: false };
  }
  const call = node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression ? node : undefined;
  const path = memberPath(call ? call.callee : node);
  if (/(^|\.)(UUIDV1|UUIDV4|NOW)$/.test(path)) return undefined;
  if (call && /(^|\.)literal$/.test(path)) return sqlDefault(stringArg(call.arguments, 0));
  if (call && /(^|\.)fn$/.test(path)) return sqlDefault(`${stringArg(call.arguments, 0) ?? ''}()`);
  return undefined;
}

function sqlDefault(text: string | undefined): DefaultValue | undefined {
  return text === undefined ? undefined : { text, volatile: isVolatileSqlText(text) };
}

/** `references: { model: 'users' }` or `{ model: { tableName: 'users', schema } }` → `users`. */
function referencedTable(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  return tableName(property(node, 'model') ?? property(node, 'table'));
}

/** A table argument: `'users'` or `{ tableName: 'users', schema: 'app' }`. */
export function tableName(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === AST_NODE_TYPES.ObjectExpression) {
    const name = literalString(property(node, 'tableName'));
    const schema = literalString(property(node, 'schema'));
    return name && schema ? `${schema}.${name}` : name;
  }
  return literalString(node);
}

export function literalString(node: TSESTree.Node | undefined): string | undefined {
  return node ? stringArg([node as TSESTree.Expression], 0) : undefined;
}

/** The value of a plain `key: value` property of an object literal. */
export function property(object: TSESTree.Node | undefined, name: string): TSESTree.Node | undefined {
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const item of object.properties) {
    if (item.type === AST_NODE_TYPES.Property && propertyName(item.key) === name) return item.value;
  }
  return undefined;
}

export function isTrue(node: TSESTree.Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.Literal && node.value === true;
}

function isFalse(node: TSESTree.Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.Literal && node.value === false;
}
