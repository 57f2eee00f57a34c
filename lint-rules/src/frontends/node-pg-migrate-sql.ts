import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { joined, quoted, type SqlPart, stringConstant } from './js/builder-sql.ts';
import { listOf, literalValue, objectProperties, type Properties, stringList, stringValue } from './js/objects.ts';

/**
 * The SQL each `pgm.*` builder call queues, written the way node-pg-migrate 9 writes it
 * (dist/legacy/operations), with the call's own strings pasted where the tool pastes them.
 */

type Args = readonly TSESTree.CallExpressionArgument[];

/** What a call's SQL depends on besides its arguments. */
export interface PgmScope {
  /** The SQL inside `pgm.func('now()')` (or `PgLiteral.create`), undefined when `node` is not one. */
  funcArgument(node: TSESTree.Node): TSESTree.Node | undefined;
  /** `export const shorthands = { … }` of the file. */
  shorthands: Properties;
}

/** The SQL of a builder call, or undefined for calls that no rule needs (createFunction, grantRoles…). */
export function pgmCallSql(method: string, args: Args, scope: PgmScope): SqlPart[] | undefined {
  const table = name(args[0]);
  const options = objectProperties(args[2]);
  switch (method) {
    case 'createTable':
      return createTable(args, scope);
    case 'dropTable': {
      const dropOptions = objectProperties(args[1]);
      return [`DROP TABLE${flag(dropOptions, 'ifExists', ' IF EXISTS')} `, table, flag(dropOptions, 'cascade', ' CASCADE')];
    }
    case 'renameTable':
      return ['ALTER TABLE ', table, ' RENAME TO ', name(args[1])];
    case 'alterTable': {
      const unlogged = literalValue(objectProperties(args[1])?.get('unlogged'));
      return typeof unlogged === 'boolean' ? ['ALTER TABLE ', table, unlogged ? ' SET UNLOGGED' : ' SET LOGGED'] : undefined;
    }
    case 'addColumns':
    case 'addColumn':
      return ['ALTER TABLE ', table, ' ', ...addColumns(args[1], flag(options, 'ifNotExists', 'IF NOT EXISTS '), scope)];
    case 'dropColumns':
    case 'dropColumn':
      return dropColumns(table, args[1], options);
    case 'renameColumn':
      return ['ALTER TABLE ', table, ' RENAME ', name(args[1]), ' TO ', name(args[2])];
    case 'alterColumn':
      return alterColumn(table, name(args[1]), objectProperties(args[2]), scope);
    case 'addConstraint':
    case 'createConstraint':
      return addConstraint(args);
    case 'dropConstraint':
      return ['ALTER TABLE ', table, ` DROP CONSTRAINT${flag(options, 'ifExists', ' IF EXISTS')} `, name(args[1]), flag(options, 'cascade', ' CASCADE')];
    case 'createIndex':
    case 'addIndex':
      return createIndex(args, scope);
    case 'dropIndex':
      return [
        `DROP INDEX${flag(options, 'concurrently', ' CONCURRENTLY')}${flag(options, 'ifExists', ' IF EXISTS')} `,
        indexName(args),
        flag(options, 'cascade', ' CASCADE'),
      ];
    case 'addTypeValue':
      return addTypeValue(args);
    case 'createView': {
      const viewOptions = objectProperties(args[1]);
      return [`CREATE${flag(viewOptions, 'replace', ' OR REPLACE')} VIEW `, table, ' AS ', args[2]];
    }
    case 'createTrigger':
      // Only the table and the name matter to the rules: timing, events and function take the same lock.
      return ['CREATE TRIGGER ', name(args[1]), ' BEFORE INSERT ON ', table, ' FOR EACH ROW EXECUTE FUNCTION node_pg_migrate_trigger()'];
    case 'dropTrigger':
      return [`DROP TRIGGER${flag(options, 'ifExists', ' IF EXISTS')} `, name(args[1]), ' ON ', table];
    default:
      return undefined;
  }
}

/** A name as a call writes it: `'users'`, or `{ schema: 'app', name: 'users' }`. */
function nameParts(node: TSESTree.Node | undefined): string[] | undefined {
  const value = stringValue(node);
  if (value !== undefined) return [value];
  const properties = objectProperties(node);
  const table = stringValue(properties?.get('name'));
  const schema = stringValue(properties?.get('schema'));
  return table === undefined ? undefined : schema === undefined ? [table] : [schema, table];
}

/** The table a call names, for operations whose SQL does not name it (DROP INDEX). */
export function tableNameOf(node: TSESTree.Node | undefined): string | undefined {
  return nameParts(node)?.join('.');
}

/** node-pg-migrate quotes every name it is given: `'users'` → `"users"`, `{ schema, name }` → `"schema"."name"`. */
function name(node: TSESTree.Node | undefined): SqlPart {
  return nameParts(node)
    ?.map((part) => quoted(part))
    .join('.');
}

function isTrue(node: TSESTree.Node | undefined): boolean {
  return literalValue(node) === true;
}

function flag(options: Properties | undefined, key: string, text: string): string {
  return isTrue(options?.get(key)) ? text : '';
}

// --- columns -----------------------------------------------------------------------------------

/** node-pg-migrate's type adapters (utils/types.ts): `int` means `integer`, `string` means `text`… */
const TYPE_ADAPTERS: Record<string, string> = {
  int: 'integer',
  string: 'text',
  float: 'real',
  double: 'double precision',
  datetime: 'timestamp',
  bool: 'boolean',
};

/** A column definition after shorthands: its type, and its other options. */
interface Column {
  type: SqlPart;
  options: Properties;
  /** `primaryKey: true`, or the built-in `id` shorthand (`serial PRIMARY KEY`). */
  primaryKey: boolean;
}

function addColumns(columns: TSESTree.Node | undefined, ifNotExists: string, scope: PgmScope): SqlPart[] {
  const definitions = objectProperties(columns);
  if (!definitions) return ['ADD ', undefined];
  const lines = [...definitions].map(([column, value]) => [`ADD ${ifNotExists}`, quoted(column), ' ', ...columnSql(value, scope)]);
  return joined(lines, ', ');
}

function columnSql(value: TSESTree.Node, scope: PgmScope, inlinePrimaryKey = true): SqlPart[] {
  const column = resolveShorthands(value, scope.shorthands);
  if (!column) return [undefined];
  const { options } = column;
  const array = literalValue(options.get('array'));
  const parts: SqlPart[] = [column.type, array === true ? ' ARRAY' : typeof array === 'number' ? ` ARRAY[${array}]` : ''];
  const collation = stringValue(options.get('collation'));
  if (collation) parts.push(` COLLATE ${collation}`);
  if (hasValue(options.get('default'))) parts.push(' DEFAULT ', ...valueSql(options.get('default')!, scope));
  if (isTrue(options.get('unique'))) parts.push(' UNIQUE');
  if (column.primaryKey && inlinePrimaryKey) parts.push(' PRIMARY KEY');
  if (isTrue(options.get('notNull'))) parts.push(' NOT NULL');
  if (options.has('check')) parts.push(' CHECK (', options.get('check'), ')');
  if (options.has('references')) parts.push(' REFERENCES ', ...references(options.get('references')!));
  const identity = objectProperties(options.get('sequenceGenerated') ?? options.get('generated'));
  if (identity) parts.push(` GENERATED ${stringValue(identity.get('precedence')) ?? 'BY DEFAULT'} AS IDENTITY`);
  if (options.has('expressionGenerated')) parts.push(' GENERATED ALWAYS AS (', options.get('expressionGenerated'), ') STORED');
  return parts;
}

/** `{ type: 'id' }` with `shorthands = { id: { type: 'uuid', primaryKey: true } }` → uuid PRIMARY KEY. */
function resolveShorthands(value: TSESTree.Node, shorthands: Properties): Column | undefined {
  let options = columnOptions(value);
  if (!options) return undefined;
  const seen = new Set<string>();
  for (let type = stringValue(options.get('type')); type !== undefined && !seen.has(type); type = stringValue(options.get('type'))) {
    seen.add(type);
    const shorthand = shorthands.get(type);
    const expansion = shorthand ? columnOptions(shorthand) : undefined;
    // Not a shorthand of the file: node-pg-migrate's own `id` (serial primary key), or a type.
    if (!expansion) {
      return { type: type === 'id' ? 'serial' : adapted(options.get('type')), options, primaryKey: type === 'id' || isTrue(options.get('primaryKey')) };
    }
    // The column's own options win over the shorthand's, except the type the shorthand stands for.
    options = new Map([...expansion, ...[...options].filter(([key]) => key !== 'type')]);
  }
  return { type: adapted(options.get('type')), options, primaryKey: isTrue(options.get('primaryKey')) };
}

function adapted(type: TSESTree.Node | undefined): SqlPart {
  const text = stringValue(type);
  return text !== undefined && Object.hasOwn(TYPE_ADAPTERS, text) ? TYPE_ADAPTERS[text] : type;
}

/** A column written as its type (`{ nick: 'text' }`) or as options. */
function columnOptions(value: TSESTree.Node): Properties | undefined {
  return stringValue(value) !== undefined ? new Map([['type', value]]) : objectProperties(value);
}

function references(node: TSESTree.Node): SqlPart[] {
  const value = stringValue(node);
  // A string that is already quoted or names the columns (`users(id)`) is pasted as it is.
  if (value !== undefined && (value.startsWith('"') || value.endsWith(')'))) return [node];
  return [name(node)];
}

function hasValue(node: TSESTree.Node | undefined): node is TSESTree.Node {
  return node !== undefined && !(node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
}

/** A value as node-pg-migrate's escapeValue writes it: strings become constants, `pgm.func` stays SQL. */
function valueSql(node: TSESTree.Node, scope: PgmScope): SqlPart[] {
  const func = scope.funcArgument(node);
  if (func) return [func];
  const value = literalValue(node);
  if (value === null) return ['NULL'];
  if (typeof value === 'string') return [stringConstant(value)];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  return [undefined];
}

function dropColumns(table: SqlPart, columns: TSESTree.Node | undefined, options: Properties | undefined): SqlPart[] {
  const names = stringList(columns) ?? [...(objectProperties(columns)?.keys() ?? [])];
  const ifExists = flag(options, 'ifExists', 'IF EXISTS ');
  const cascade = flag(options, 'cascade', ' CASCADE');
  const drops = names.length > 0 ? names.map((column) => [`DROP ${ifExists}`, quoted(column), cascade]) : [['DROP ', undefined]];
  return ['ALTER TABLE ', table, ' ', ...joined(drops)];
}

function alterColumn(table: SqlPart, column: SqlPart, options: Properties | undefined, scope: PgmScope): SqlPart[] | undefined {
  if (!options) return undefined;
  const actions: SqlPart[][] = [];
  const defaultValue = options.get('default');
  if (literalValue(defaultValue) === null) actions.push(['DROP DEFAULT']);
  else if (hasValue(defaultValue)) actions.push(['SET DEFAULT ', ...valueSql(defaultValue, scope)]);
  if (options.has('type')) {
    const type = options.get('type');
    const collation = stringValue(options.get('collation'));
    const using = options.get('using');
    actions.push([
      'SET DATA TYPE ',
      adapted(type),
      collation ? ` COLLATE ${collation}` : '',
      ...(using ? [' USING ', using] : []),
    ]);
  }
  const notNull = literalValue(options.get('notNull'));
  if (notNull === true) actions.push(['SET NOT NULL']);
  else if (notNull === false || isTrue(options.get('allowNull'))) actions.push(['DROP NOT NULL']);
  const identity = options.get('sequenceGenerated');
  const identityOptions = objectProperties(identity);
  if (identityOptions) actions.push([`ADD GENERATED ${stringValue(identityOptions.get('precedence')) ?? 'BY DEFAULT'} AS IDENTITY`]);
  else if (identity && !literalValue(identity)) actions.push(['DROP IDENTITY']);
  const expression = options.get('expressionGenerated');
  if (literalValue(expression) === null) actions.push(['DROP EXPRESSION']);
  else if (expression) actions.push(['SET EXPRESSION AS (', expression, ')']);
  if (actions.length === 0) return undefined;
  return ['ALTER TABLE ', table, ' ', ...joined(actions.map((action) => ['ALTER ', column, ' ', ...action]))];
}

// --- constraints, indexes, types ----------------------------------------------------------------

function addConstraint(args: Args): SqlPart[] {
  const table = name(args[0]);
  const constraintName = literalValue(args[1]) === null ? null : name(args[1]);
  const definition = args[2];
  const options = objectProperties(definition);
  if (!options) {
    // The string form is raw SQL, appended after `ADD CONSTRAINT name`: the only way to write NOT VALID.
    const prefix = constraintName === null ? [] : ['CONSTRAINT ', constraintName, ' '];
    return ['ALTER TABLE ', table, ' ADD ', ...prefix, definition];
  }
  const constraints = constraintsSql(tableNameOf(args[0]) ?? '', constraintName, options);
  if (constraints.length === 0) return ['ALTER TABLE ', table, ' ADD ', undefined];
  return ['ALTER TABLE ', table, ' ', ...joined(constraints.map((constraint) => ['ADD ', ...constraint]))];
}

/**
 * The constraints of an options object (parseConstraints), for addConstraint and createTable. Each is
 * named after the table unless a name is given. Object forms have no NOT VALID.
 */
function constraintsSql(table: string, constraintName: SqlPart | null, options: Properties): SqlPart[][] {
  const named = (fallback: string): SqlPart[] => ['CONSTRAINT ', constraintName ?? quoted(`${table}_${fallback}`), ' '];
  const constraints: SqlPart[][] = [];
  const checks = listOf(options.get('check'));
  checks.forEach((expression, index) => {
    constraints.push([...named(checks.length > 1 ? `chck_${index + 1}` : 'chck'), 'CHECK (', expression, ')']);
  });
  for (const columns of uniqueSets(options.get('unique'))) {
    constraints.push([...named(`uniq_${columns.join('_')}`), 'UNIQUE (', columnList(columns), ')']);
  }
  const primaryKey = stringList(options.get('primaryKey'));
  if (primaryKey) constraints.push([...named('pkey'), 'PRIMARY KEY (', columnList(primaryKey), ')']);
  for (const foreignKey of listOf(options.get('foreignKeys'))) {
    const fk = objectProperties(foreignKey);
    const columns = stringList(fk?.get('columns'));
    const fkName = stringValue(fk?.get('referencesConstraintName'));
    const prefix = fkName ? ['CONSTRAINT ', quoted(fkName), ' '] : named(`fk_${(columns ?? []).join('_')}`);
    const target = fk?.get('references');
    constraints.push([...prefix, 'FOREIGN KEY (', columns ? columnList(columns) : undefined, ') REFERENCES ', ...(target ? references(target) : [undefined])]);
  }
  if (options.has('exclude')) constraints.push([...named('excl'), 'EXCLUDE ', options.get('exclude')]);
  return constraints;
}

/** CREATE TABLE with its columns and `constraints` option; several `primaryKey` columns make one table constraint. */
function createTable(args: Args, scope: PgmScope): SqlPart[] {
  const options = objectProperties(args[2]);
  const definitions = [...(objectProperties(args[1]) ?? [])];
  const primaryKeys = definitions.filter(([, value]) => resolveShorthands(value, scope.shorthands)?.primaryKey).map(([column]) => column);
  const compositeKey = primaryKeys.length > 1;
  const columns = definitions.map(([column, value]) => [quoted(column), ' ', ...columnSql(value, scope, !compositeKey)]);
  const tableOptions = objectProperties(options?.get('constraints')) ?? new Map();
  const constraints = constraintsSql(tableNameOf(args[0]) ?? '', null, tableOptions);
  if (compositeKey) constraints.push(['PRIMARY KEY (', columnList(primaryKeys), ')']);
  const partition = objectProperties(options?.get('partition'));
  const strategy = stringValue(partition?.get('strategy')) ?? 'RANGE';
  const partitionKey = stringList(partition?.get('columns'))?.[0];
  return [
    `CREATE TABLE${flag(options, 'ifNotExists', ' IF NOT EXISTS')} `,
    name(args[0]),
    ' (',
    ...joined([...columns, ...constraints]),
    ')',
    ...(partition ? [` PARTITION BY ${strategy} (`, partitionKey === undefined ? undefined : quoted(partitionKey), ')'] : []),
  ];
}

/** `unique: 'a'`, `['a', 'b']` (one constraint) or `[['a'], ['b', 'c']]` (one each). */
function uniqueSets(node: TSESTree.Node | undefined): string[][] {
  if (!node) return [];
  const items = listOf(node);
  if (items.some((item) => item.type === AST_NODE_TYPES.ArrayExpression)) {
    return items.map((item) => stringList(item) ?? []);
  }
  const columns = stringList(node);
  return columns ? [columns] : [];
}

function columnList(columns: readonly string[]): string {
  return columns.map((column) => quoted(column)).join(', ');
}

function createIndex(args: Args, scope: PgmScope): SqlPart[] {
  const options = objectProperties(args[2]);
  const method = stringValue(options?.get('method'));
  const include = stringList(options?.get('include'));
  const nulls = stringValue(options?.get('nulls'));
  const where = options?.get('where');
  return [
    `CREATE${flag(options, 'unique', ' UNIQUE')} INDEX${flag(options, 'concurrently', ' CONCURRENTLY')}${flag(options, 'ifNotExists', ' IF NOT EXISTS')} `,
    indexName(args),
    ' ON ',
    name(args[0]),
    method ? ` USING ${method}` : '',
    ' (',
    ...joined(listOf(args[1]).map((column) => indexColumn(column, scope))),
    ')',
    include ? ` INCLUDE (${columnList(include)})` : '',
    nulls ? ` NULLS ${nulls.toUpperCase()}` : '',
    ...(where ? [' WHERE ', where] : []),
  ];
}

/** `options.name`, or the name node-pg-migrate makes up: `users_email_unique_index`. */
function indexName(args: Args): SqlPart {
  const options = objectProperties(args[2]);
  const given = options?.get('name');
  if (given) return quoted(stringValue(given));
  const table = stringValue(objectProperties(args[0])?.get('name')) ?? stringValue(args[0]);
  const columns = listOf(args[1]).map((column) => stringValue(column) ?? stringValue(objectProperties(column)?.get('name')));
  if (table === undefined || columns.length === 0 || columns.some((column) => column === undefined)) return undefined;
  return quoted(`${table}_${columns.join('_')}${flag(options, 'unique', '_unique')}_index`);
}

function indexColumn(column: TSESTree.Node, scope: PgmScope): SqlPart[] {
  const func = scope.funcArgument(column);
  if (func) return [func];
  const options = objectProperties(column);
  const nameNode = options?.get('name') ?? column;
  const value = stringValue(nameNode);
  // A plain name is quoted; anything else (`lower(email)`) is an expression pasted as it is.
  const namePart: SqlPart[] = value === undefined ? [undefined] : /[^\w".]/.test(value) ? (value.endsWith(')') ? [nameNode] : ['(', nameNode, ')']) : [quoted(value)];
  const opclass = stringValue(options?.get('opclass'));
  const sort = stringValue(options?.get('sort'));
  return [...namePart, opclass ? ` ${quoted(opclass)}` : '', sort ? ` ${sort}` : ''];
}

function addTypeValue(args: Args): SqlPart[] {
  const options = objectProperties(args[2]);
  const value = stringValue(args[1]);
  const before = stringValue(options?.get('before'));
  const after = stringValue(options?.get('after'));
  return [
    'ALTER TYPE ',
    name(args[0]),
    ` ADD VALUE${flag(options, 'ifNotExists', ' IF NOT EXISTS')} `,
    value === undefined ? undefined : stringConstant(value),
    before !== undefined ? ` BEFORE ${stringConstant(before)}` : '',
    after !== undefined ? ` AFTER ${stringConstant(after)}` : '',
  ];
}
