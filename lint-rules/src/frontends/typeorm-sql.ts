import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { joined, quoted, type SqlPart } from './js/builder-sql.ts';
import { listOf, literalValue, objectProperties, type Properties, stringList, stringValue } from './js/objects.ts';

/**
 * The SQL each QueryRunner builder call runs on Postgres, written the way TypeORM's
 * PostgresQueryRunner writes it, with the call's own strings pasted where TypeORM pastes them.
 */

type Args = readonly TSESTree.CallExpressionArgument[];

export interface Statement {
  sql: SqlPart[];
  /** Set on statements the call runs without saying so. */
  impliedBy?: string;
  /** The column's type before an ALTER COLUMN … TYPE, when the call states it. */
  fromType?: string;
}

const CHANGE_COLUMN = 'changeColumn()';

/** A statement made of a value the linter cannot read (`createIndex('user', index)`): opaque. */
const UNKNOWN: Statement = { sql: [undefined] };

/** The statements of a builder call, or undefined for calls no rule needs (hasTable, getTable…). */
export function queryRunnerCallSql(method: string, args: Args): Statement[] | undefined {
  const table = tablePath(args[0]);
  const alter = (...sql: SqlPart[]): Statement => ({ sql: ['ALTER TABLE ', table, ' ', ...sql] });
  const each = (node: TSESTree.Node | undefined, statements: (item: TSESTree.Node) => Statement[]) => listOf(node).flatMap(statements);
  switch (method) {
    case 'createTable':
      return createTable(args);
    case 'dropTable':
      return [{ sql: [`DROP TABLE${literalValue(args[1]) === true ? ' IF EXISTS' : ''} `, table] }];
    case 'renameTable':
      return [alter('RENAME TO ', quoted(nameOf(args[1])?.split('.').at(-1)))];
    case 'clearTable':
      return [{ sql: ['TRUNCATE TABLE ', table] }];
    case 'addColumn':
      return addColumn(table, args[1]);
    case 'addColumns':
      return each(args[1], (column) => addColumn(table, column));
    case 'dropColumn':
      return [alter('DROP COLUMN ', quoted(nameOf(args[1])))];
    case 'dropColumns':
      return each(args[1], (column) => [alter('DROP COLUMN ', quoted(nameOf(column)))]);
    case 'renameColumn':
      return [alter('RENAME COLUMN ', quoted(nameOf(args[1])), ' TO ', quoted(nameOf(args[2])))];
    case 'changeColumn':
      return changeColumn(table, args[1], args[2]);
    case 'changeColumns':
      return each(args[1], (change) => {
        const pair = objectProperties(change);
        return changeColumn(table, pair?.get('oldColumn'), pair?.get('newColumn'));
      });
    case 'createIndex':
      return [createIndex(table, args[1])];
    case 'createIndices':
      return each(args[1], (index) => [createIndex(table, index)]);
    case 'dropIndex':
      return [dropIndex(args[1])];
    case 'dropIndices':
      return each(args[1], (index) => [dropIndex(index)]);
    case 'createPrimaryKey':
      return [alter('ADD ', ...constraintName(stringValue(args[2])), 'PRIMARY KEY (', columnList(args[1]), ')')];
    case 'createForeignKey':
      return [createForeignKey(table, args[1])];
    case 'createForeignKeys':
      return each(args[1], (foreignKey) => [createForeignKey(table, foreignKey)]);
    case 'createUniqueConstraint':
      return [addConstraint(table, args[1], 'UNIQUE')];
    case 'createUniqueConstraints':
      return each(args[1], (unique) => [addConstraint(table, unique, 'UNIQUE')]);
    case 'createCheckConstraint':
      return [addConstraint(table, args[1], 'CHECK')];
    case 'createCheckConstraints':
      return each(args[1], (check) => [addConstraint(table, check, 'CHECK')]);
    case 'createExclusionConstraint':
      return [addConstraint(table, args[1], 'EXCLUDE')];
    case 'createExclusionConstraints':
      return each(args[1], (exclusion) => [addConstraint(table, exclusion, 'EXCLUDE')]);
    case 'dropPrimaryKey':
    case 'dropForeignKey':
    case 'dropUniqueConstraint':
    case 'dropCheckConstraint':
    case 'dropExclusionConstraint':
      return [alter('DROP CONSTRAINT ', quoted(nameOf(args[1])))];
    case 'startTransaction':
      return [{ sql: ['BEGIN'] }];
    case 'commitTransaction':
      return [{ sql: ['COMMIT'] }];
    case 'rollbackTransaction':
      return [{ sql: ['ROLLBACK'] }];
    default:
      return undefined;
  }
}

/** The name of a string argument (`'users'`, `'IDX_email'`) or of `new Table/TableColumn/TableIndex/…({ name })`. */
export function nameOf(node: TSESTree.Node | undefined): string | undefined {
  return stringValue(node) ?? stringValue(objectProperties(node)?.get('name'));
}

/** `'app.users'` → `"app"."users"` (PostgresQueryRunner.escapePath). */
function tablePath(node: TSESTree.Node | undefined): SqlPart {
  return nameOf(node)
    ?.split('.')
    .map((part) => quoted(part))
    .join('.');
}

function columnList(node: TSESTree.Node | undefined): SqlPart {
  return stringList(node)
    ?.map((column) => quoted(column))
    .join(', ');
}

function constraintName(name: string | undefined): SqlPart[] {
  return name === undefined ? [] : ['CONSTRAINT ', quoted(name), ' '];
}

// --- columns -----------------------------------------------------------------------------------

const SERIAL_TYPES: Record<string, string> = {
  integer: ' SERIAL',
  int: ' SERIAL',
  int4: ' SERIAL',
  smallint: ' SMALLSERIAL',
  int2: ' SMALLSERIAL',
  bigint: ' BIGSERIAL',
  int8: ' BIGSERIAL',
};

/** `ADD` and the constraints TypeORM adds with a column (primary key and unique are separate statements). */
function addColumn(table: SqlPart, node: TSESTree.Node | undefined, impliedBy?: string): Statement[] {
  const column = objectProperties(node);
  if (!column) return [{ sql: ['ALTER TABLE ', table, ' ADD ', undefined], impliedBy }];
  const name = quoted(stringValue(column.get('name')));
  const statements: Statement[] = [{ sql: ['ALTER TABLE ', table, ' ADD ', ...columnDefinition(table, column)], impliedBy }];
  if (isTrue(column, 'isPrimary')) statements.push({ sql: ['ALTER TABLE ', table, ' ADD PRIMARY KEY (', name, ')'], impliedBy });
  if (isTrue(column, 'isUnique')) statements.push({ sql: ['ALTER TABLE ', table, ' ADD UNIQUE (', name, ')'], impliedBy });
  return statements;
}

/** PostgresQueryRunner.buildCreateColumnSql: `isNullable` defaults to false, so a column is NOT NULL unless it says otherwise. */
function columnDefinition(table: SqlPart, column: Properties): SqlPart[] {
  const name = stringValue(column.get('name'));
  const type = stringValue(column.get('type'));
  const generated = isTrue(column, 'isGenerated');
  const strategy = stringValue(column.get('generationStrategy'));
  const parts: SqlPart[] = [quoted(name)];
  if (generated && strategy !== 'uuid') {
    if (strategy === 'identity') {
      parts.push(' ', column.get('type'), ` GENERATED ${stringValue(column.get('generatedIdentity')) ?? 'BY DEFAULT'} AS IDENTITY`);
    } else {
      parts.push(type !== undefined && Object.hasOwn(SERIAL_TYPES, type) ? SERIAL_TYPES[type] : '');
    }
  }
  if (type === 'enum' || type === 'simple-enum') {
    const tableName = typeof table === 'string' ? table.replaceAll('"', '').split('.').at(-1) : undefined;
    const enumName = stringValue(column.get('enumName')) ?? (tableName && name ? `${tableName}_${name.toLowerCase()}_enum` : undefined);
    parts.push(' ', quoted(enumName), isTrue(column, 'isArray') ? ' array' : '');
  } else if (!generated || type === 'uuid') {
    parts.push(' ', ...fullType(column));
  }
  if (stringValue(column.get('generatedType')) === 'STORED' && column.has('asExpression')) {
    parts.push(' GENERATED ALWAYS AS (', column.get('asExpression'), ') STORED');
  }
  if (!isTrue(column, 'isNullable')) parts.push(' NOT NULL');
  const defaultValue = defaultOf(column);
  if (defaultValue) parts.push(' DEFAULT ', defaultValue);
  // TypeORM's default uuidExtension is uuid-ossp (`pgcrypto` makes it gen_random_uuid()): either is volatile.
  if (generated && strategy === 'uuid' && !defaultValue) parts.push(' DEFAULT uuid_generate_v4()');
  return parts;
}

/** PostgresDriver.createFullType: `varchar(100)`, `numeric(10,2)`, `text array`. */
function fullType(column: Properties): SqlPart[] {
  return [column.get('type'), typeModifier(column), isTrue(column, 'isArray') ? ' array' : ''];
}

function typeModifier(column: Properties): string {
  const length = literalValue(column.get('length'));
  const precision = literalValue(column.get('precision'));
  const scale = literalValue(column.get('scale'));
  if (length !== undefined && length !== '') return `(${length})`;
  if (precision === undefined || precision === null) return '';
  return scale === undefined || scale === null ? `(${precision})` : `(${precision},${scale})`;
}

/** The full type as text when it is written with literals: `numeric(10,2)`, `text[]`. */
function typeText(column: Properties): string | undefined {
  const type = stringValue(column.get('type'));
  return type === undefined ? undefined : `${type}${typeModifier(column)}${isTrue(column, 'isArray') ? '[]' : ''}`.toLowerCase();
}

/** TypeORM pastes `default` into the SQL as it is: `"'active'"` is a string constant, `'now()'` a call. */
function defaultOf(column: Properties): SqlPart {
  const node = column.get('default');
  const value = literalValue(node);
  if (node === undefined || value === null || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined')) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' ? node : undefined;
}

function isTrue(properties: Properties | undefined, key: string): boolean {
  return literalValue(properties?.get(key)) === true;
}

/**
 * PostgresQueryRunner.changeColumn: a change of type, length or array-ness drops the column and adds
 * it again, losing its data. Other changes are made in place.
 */
function changeColumn(table: SqlPart, oldNode: TSESTree.Node | undefined, newNode: TSESTree.Node | undefined): Statement[] {
  const oldColumn = objectProperties(oldNode);
  const newColumn = objectProperties(newNode);
  const oldName = quoted(nameOf(oldNode));
  // Given only a name, TypeORM compares with the column as the database has it (and reads types back
  // as Postgres names them, `character varying` for `varchar`): the linter assumes the recreating path.
  if (!oldColumn || recreates(oldColumn, newColumn)) {
    return [{ sql: ['ALTER TABLE ', table, ' DROP COLUMN ', oldName], impliedBy: CHANGE_COLUMN }, ...addColumn(table, newNode, CHANGE_COLUMN)];
  }
  if (!newColumn) return [{ sql: ['ALTER TABLE ', table, ' ALTER COLUMN ', oldName, ' ', undefined] }];
  const statements: Statement[] = [];
  const alter = (...sql: SqlPart[]) => statements.push({ sql: ['ALTER TABLE ', table, ' ', ...sql] });
  const newName = quoted(nameOf(newNode));
  if (oldName !== newName) alter('RENAME COLUMN ', oldName, ' TO ', newName);
  if (differs(oldColumn, newColumn, 'precision') || differs(oldColumn, newColumn, 'scale')) {
    statements.push({ sql: ['ALTER TABLE ', table, ' ALTER COLUMN ', newName, ' TYPE ', ...fullType(newColumn)], fromType: typeText(oldColumn) });
  }
  if (isTrue(oldColumn, 'isNullable') !== isTrue(newColumn, 'isNullable')) {
    alter('ALTER COLUMN ', newName, isTrue(newColumn, 'isNullable') ? ' DROP NOT NULL' : ' SET NOT NULL');
  }
  if (differs(oldColumn, newColumn, 'default')) {
    const defaultValue = defaultOf(newColumn);
    alter('ALTER COLUMN ', newName, ...(defaultValue === '' ? [' DROP DEFAULT'] : [' SET DEFAULT ', defaultValue]));
  }
  if (isTrue(newColumn, 'isUnique') && !isTrue(oldColumn, 'isUnique')) alter('ADD UNIQUE (', newName, ')');
  return statements;
}

function recreates(oldColumn: Properties, newColumn: Properties | undefined): boolean {
  if (!newColumn) return false;
  const stored = stringValue(newColumn.get('generatedType')) === 'STORED';
  return (
    differs(oldColumn, newColumn, 'type') ||
    String(literalValue(oldColumn.get('length')) ?? '') !== String(literalValue(newColumn.get('length')) ?? '') ||
    isTrue(oldColumn, 'isArray') !== isTrue(newColumn, 'isArray') ||
    (stored && (!oldColumn.has('generatedType') || differs(oldColumn, newColumn, 'asExpression')))
  );
}

/** Whether an option differs; values not written as literals count as different. */
function differs(oldColumn: Properties, newColumn: Properties, key: string): boolean {
  const [before, after] = [oldColumn.get(key), newColumn.get(key)];
  if (before === undefined || after === undefined) return before !== after;
  const [a, b] = [literalValue(before), literalValue(after)];
  return a === undefined || b === undefined || a !== b;
}

// --- indexes and constraints ---------------------------------------------------------------------

function createIndex(table: SqlPart, node: TSESTree.Node | undefined): Statement {
  const index = objectProperties(node);
  if (!index) return UNKNOWN;
  const name = stringValue(index.get('name'));
  const where = index.get('where');
  return {
    sql: [
      `CREATE${isTrue(index, 'isUnique') ? ' UNIQUE' : ''} INDEX${isTrue(index, 'isConcurrent') ? ' CONCURRENTLY' : ''} `,
      name === undefined ? '' : `${quoted(name)} `,
      'ON ',
      table,
      isTrue(index, 'isSpatial') ? ' USING GiST' : '',
      ' (',
      columnList(index.get('columnNames')),
      ')',
      ...(where ? [' WHERE ', where] : []),
    ],
  };
}

/** `dropIndex(table, 'IDX_name')`, or a `TableIndex` whose `isConcurrent` makes it DROP INDEX CONCURRENTLY. */
function dropIndex(node: TSESTree.Node | undefined): Statement {
  const concurrently = isTrue(objectProperties(node), 'isConcurrent') ? ' CONCURRENTLY' : '';
  return { sql: [`DROP INDEX${concurrently} `, quoted(nameOf(node))] };
}

function createForeignKey(table: SqlPart, node: TSESTree.Node | undefined): Statement {
  return objectProperties(node) ? { sql: ['ALTER TABLE ', table, ' ADD ', ...foreignKeySql(node)] } : UNKNOWN;
}

/** `new TableForeignKey({ name, columnNames, referencedTableName, referencedColumnNames, onDelete })`. */
function foreignKeySql(node: TSESTree.Node | undefined): SqlPart[] {
  const foreignKey = objectProperties(node);
  const onDelete = stringValue(foreignKey?.get('onDelete'));
  const onUpdate = stringValue(foreignKey?.get('onUpdate'));
  return [
    ...constraintName(stringValue(foreignKey?.get('name'))),
    'FOREIGN KEY (',
    columnList(foreignKey?.get('columnNames')),
    ') REFERENCES ',
    tablePath(foreignKey?.get('referencedTableName')),
    '(',
    columnList(foreignKey?.get('referencedColumnNames')),
    ')',
    onDelete ? ` ON DELETE ${onDelete}` : '',
    onUpdate ? ` ON UPDATE ${onUpdate}` : '',
  ];
}

type ConstraintKind = 'UNIQUE' | 'CHECK' | 'EXCLUDE';

function addConstraint(table: SqlPart, node: TSESTree.Node | undefined, kind: ConstraintKind): Statement {
  return objectProperties(node) ? { sql: ['ALTER TABLE ', table, ' ADD ', ...constraintSql(node, kind)] } : UNKNOWN;
}

/** `new TableUnique({ name, columnNames })`, `new TableCheck({ name, expression })`, `new TableExclusion(…)`. */
function constraintSql(node: TSESTree.Node | undefined, kind: ConstraintKind): SqlPart[] {
  const constraint = objectProperties(node);
  const prefix = constraintName(stringValue(constraint?.get('name')));
  if (kind === 'UNIQUE') return [...prefix, 'UNIQUE (', columnList(constraint?.get('columnNames')), ')'];
  if (kind === 'CHECK') return [...prefix, 'CHECK (', constraint?.get('expression'), ')'];
  return [...prefix, 'EXCLUDE ', constraint?.get('expression')];
}

/**
 * PostgresQueryRunner.createTable: columns, unique, check and exclusion constraints, the primary key
 * and (unless `createForeignKeys` is false) foreign keys in CREATE TABLE; then its indexes.
 */
function createTable(args: Args): Statement[] {
  const definition = objectProperties(args[0]);
  const table = tablePath(args[0]);
  const columns = listOf(definition?.get('columns')).map((column) => objectProperties(column) ?? new Map());
  const primaryKey = columns.filter((column) => isTrue(column, 'isPrimary')).map((column) => quoted(stringValue(column.get('name'))));
  const elements: SqlPart[][] = [
    ...columns.map((column) => columnDefinition(table, column)),
    ...columns.filter((column) => isTrue(column, 'isUnique')).map((column) => ['UNIQUE (', quoted(stringValue(column.get('name'))), ')']),
    ...listOf(definition?.get('uniques')).map((unique) => constraintSql(unique, 'UNIQUE')),
    ...listOf(definition?.get('checks')).map((check) => constraintSql(check, 'CHECK')),
    ...listOf(definition?.get('exclusions')).map((exclusion) => constraintSql(exclusion, 'EXCLUDE')),
    ...(primaryKey.length > 0 ? [['PRIMARY KEY (', primaryKey.join(', '), ')']] : []),
    ...(literalValue(args[2]) === false ? [] : listOf(definition?.get('foreignKeys')).map((foreignKey) => foreignKeySql(foreignKey))),
  ];
  const create: Statement = { sql: [`CREATE TABLE${literalValue(args[1]) === true ? ' IF NOT EXISTS' : ''} `, table, ' (', ...joined(elements), ')'] };
  const indices = literalValue(args[3]) === false ? [] : listOf(definition?.get('indices')).map((index) => createIndex(table, index));
  return [create, ...indices];
}
