import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { ConstraintType, Operation } from '../model/operation.ts';
import { analyseSqlPieces } from '../sql/analyse.ts';
import type { FunctionContext, JsFrontend } from './frontend.ts';
import { aliasedChains, bindingOf } from './js/aliased-chains.ts';
import type { Link } from './js/chains.ts';
import { importsFrom, recognitionScore } from './js/detect.ts';
import { memberPath, propertyName } from './js/migration-functions.ts';
import { replaceInText, sqlPieces } from './js/strings.ts';
import { isTrue, literalString, property, readAttribute, readTableAttributes, tableName } from './sequelize-attributes.ts';

/**
 * Sequelize migrations: sequelize-cli's `up(queryInterface, Sequelize)` and Umzug's
 * `up({ context: queryInterface })`, read through the QueryInterface API and `sequelize.query`.
 */
export const sequelizeFrontend: JsFrontend = {
  tool: 'sequelize',
  recognise(program, functions) {
    const score = recognitionScore(program, functions, {
      modules: ['sequelize', 'sequelize-cli'],
      parameterTypes: ['QueryInterface'],
    });
    if (score > 0 || functions.length === 0) return score;
    // sequelize-cli's template types the export in JSDoc: `/** @type {import('sequelize-cli').Migration} */`.
    if (typedInJsDoc(program, /sequelize(-cli)?/)) return 3;
    // Umzug alone says little: its context can be any client (Knex, pg, Slonik…).
    const umzug = importsFrom(program, ['umzug']) || typedInJsDoc(program, /umzug/);
    return umzug || writtenLikeSequelizeCli(functions[0]?.node) ? 1 : 0;
  },
  operations: (context) =>
    queryInterfaceReferences(context)
      .flatMap((reference) => aliasedChains(context, reference))
      .flatMap((links) => sequelizeCall(context, links)),
  transaction: () => ({
    wrapped: false,
    reason: 'Sequelize runs migrations without a transaction (sequelize-cli and Umzug alike)',
    optOut: 'call it without the `transaction` option, outside `queryInterface.sequelize.transaction()`',
  }),
};

function typedInJsDoc(program: TSESTree.Program, module: RegExp): boolean {
  const imported = new RegExp(`import\\(\\s*['"]${module.source}['"]\\s*\\)`);
  return program.comments?.some((comment) => comment.type === 'Block' && imported.test(comment.value)) ?? false;
}

/** sequelize-cli's template names its parameters `(queryInterface, Sequelize)`. */
function writtenLikeSequelizeCli(fn: TSESTree.Node | undefined): boolean {
  const params = fn && 'params' in fn ? (fn.params as TSESTree.Parameter[]) : [];
  const names = params.map((param) => (param.type === AST_NODE_TYPES.Identifier ? param.name : ''));
  return names[0] === 'queryInterface' || names[1] === 'Sequelize' || names[1] === 'DataTypes';
}

/** The first parameter (sequelize-cli), or the destructured `context` property of it (Umzug). */
function queryInterfaceReferences(context: FunctionContext): TSESTree.Identifier[] {
  const param = context.fn.node.params[0];
  if (param?.type !== AST_NODE_TYPES.ObjectPattern) return context.referencesOf(context.fn.node, 0);
  const contextProperty = param.properties.find(
    (item): item is TSESTree.Property => item.type === AST_NODE_TYPES.Property && propertyName(item.key) === 'context',
  );
  const binding = contextProperty && bindingOf(contextProperty.value);
  return binding ? context.referencesOfBinding(binding) : [];
}

/**
 * Steps that lead to the QueryInterface or the Sequelize instance: Umzug's `params.context`,
 * `sequelize.getQueryInterface()` (a Sequelize instance as the context) and `queryInterface.sequelize`.
 */
const RECEIVER_STEPS = new Set(['context', 'getQueryInterface', 'sequelize']);

function sequelizeCall(context: FunctionContext, links: Link[]): Operation[] {
  const call = links.find((link) => !RECEIVER_STEPS.has(link.name));
  if (!call?.args) return [];
  const operations = call.name === 'query' ? rawQuery(context, call) : queryInterfaceCall(context, call);
  return passesTransaction(call.args) ? operations.map((op) => ({ ...op, inTransaction: true as const })) : operations;
}

/** `{ transaction: t }` (or `{ transaction }`) in any options argument: the call runs in that transaction. */
function passesTransaction(args: TSESTree.CallExpressionArgument[]): boolean {
  return args.some((arg) => {
    const value = property(arg, 'transaction');
    return value !== undefined && !(value.type === AST_NODE_TYPES.Literal && value.value === null) && !isUndefined(value);
  });
}

function isUndefined(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined';
}

/** `sequelize.query(sql, { replacements, bind })`: `bind` uses `$1`, which parses as is. */
function rawQuery(context: FunctionContext, call: Link): Operation[] {
  const pieces = sqlPieces(call.args?.[0]);
  if (!pieces) {
    return [{ kind: 'opaque', reason: 'the SQL passed to query() is not written in the migration', ...context.at(call.node) }];
  }
  const target = { direction: context.direction, locator: context.locator };
  const replacements = property(call.args?.[1], 'replacements');
  if (!replacements) return analyseSqlPieces(pieces, target);
  // An array fills `?` in order, an object `:name` (a `::type` cast is not one); a variable may be either.
  const positional = /\?/;
  const named = /(?<!:):[A-Za-z_]\w*/;
  const pattern =
    replacements.type === AST_NODE_TYPES.ArrayExpression ? positional
    : replacements.type === AST_NODE_TYPES.ObjectExpression ? named
    : new RegExp(`${positional.source}|${named.source}`);
  return analyseSqlPieces(replaceInText(pieces, pattern, replacementText(replacements)), target);
}

/** `?` takes the next array element, `:name` the named property; values not written here stay unknown. */
function replacementText(replacements: TSESTree.Node) {
  return (match: string, index: number): string => {
    const value =
      replacements.type === AST_NODE_TYPES.ArrayExpression
        ? (replacements.elements[index] ?? undefined)
        : property(replacements, match.slice(1));
    if (value?.type !== AST_NODE_TYPES.Literal) return '';
    if (typeof value.value === 'string') return `'${value.value.replaceAll("'", "''")}'`;
    return value.value === null ? 'NULL' : String(value.value);
  };
}

function queryInterfaceCall(context: FunctionContext, call: Link): Operation[] {
  const args = call.args ?? [];
  const at = context.at(call.node);
  const table = tableName(args[0]) ?? '';
  const name = literalString(args[1]) ?? '';
  switch (call.name) {
    case 'createTable':
      // CREATE TABLE IF NOT EXISTS, with the primary key as a table constraint (read here as the column's flag).
      return [{ kind: 'createTable', table, partitioned: false, ifNotExists: true, columns: readTableAttributes(args[1], table), constraints: [], ...at }];
    case 'dropTable':
      return [{ kind: 'dropTable', tables: [table], ifExists: true, ...at }];
    case 'renameTable':
      return [{ kind: 'renameTable', table, newName: tableName(args[1]) ?? '', ...at }];
    case 'addColumn':
      return [{ kind: 'addColumn', table, column: readAttribute(args[2], table, name).column, ifNotExists: false, ...at }];
    case 'removeColumn':
      return [{ kind: 'dropColumn', table, column: name, ifExists: false, ...at }];
    case 'renameColumn':
      return [{ kind: 'renameColumn', table, column: name, newName: literalString(args[2]) ?? '', ...at }];
    case 'changeColumn':
      return changeColumn(table, name, args[2], at);
    case 'addIndex':
      return [addIndex(table, args, at)];
    case 'removeIndex': {
      const fields = fieldNames(args[1]);
      const index = literalString(args[1]) ?? indexName(table, fields);
      const concurrently = isTrue(property(args[2], 'concurrently'));
      return [{ kind: 'dropIndex', names: [index], concurrently, ifExists: true, table, ...at }];
    }
    case 'addConstraint':
      return addConstraint(table, args[1], at);
    case 'removeConstraint':
      return [{ kind: 'dropConstraint', table, name, ...at }];
    case 'bulkInsert':
      return [{ kind: 'dataChange', statement: 'insert', table, hasWhere: false, ...at }];
    case 'bulkUpdate':
      return [{ kind: 'dataChange', statement: 'update', table, hasWhere: hasConditions(args[2]), ...at }];
    case 'bulkDelete':
      if (isTrue(property(args[2], 'truncate'))) {
        return [{ kind: 'truncate', tables: [table], cascade: isTrue(property(args[2], 'cascade')), ...at }];
      }
      return [{ kind: 'dataChange', statement: 'delete', table, hasWhere: hasConditions(args[1]), ...at }];
    default:
      return [];
  }
}

type At = ReturnType<FunctionContext['at']>;

/**
 * Sequelize 6 replaces the whole column definition (`changeColumnQuery`): NOT NULL and the default
 * are set when restated and dropped otherwise, then the type is set. With `references` it adds the
 * foreign key instead of the type and leaves NOT NULL and the default alone unless restated.
 */
function changeColumn(table: string, column: string, attributes: TSESTree.Node | undefined, at: At): Operation[] {
  const { column: definition, references } = readAttribute(attributes, table, column);
  const operations: Operation[] = [];
  if (definition.notNull) operations.push({ kind: 'setNotNull', table, column, ...at });
  else if (!references) operations.push({ kind: 'dropNotNull', table, column, ...at });
  if (definition.default) operations.push({ kind: 'setDefault', table, column, default: definition.default, ...at });
  else if (!references) operations.push({ kind: 'dropDefault', table, column, ...at });
  if (definition.unique) operations.push({ kind: 'addConstraint', table, constraint: constraint('unique'), ...at });
  if (references) {
    const foreignKey = { ...constraint('foreignKey'), referencedTable: definition.references };
    operations.push({ kind: 'addConstraint', table, constraint: foreignKey, ...at });
  } else {
    operations.push({ kind: 'alterColumnType', table, column, newType: definition.type ?? '', ...at });
  }
  return operations;
}

/** `addIndex(table, ['a'], { name, unique, concurrently })` or `addIndex(table, { fields, … })`. */
function addIndex(table: string, args: TSESTree.CallExpressionArgument[], at: At): Operation {
  const optionsFirst = args[1]?.type === AST_NODE_TYPES.ObjectExpression;
  const options = optionsFirst ? args[1] : args[2];
  const fields = fieldNames(optionsFirst ? property(options, 'fields') : args[1]);
  const type = literalString(property(options, 'type'));
  return {
    kind: 'createIndex',
    table,
    name: literalString(property(options, 'name')) ?? indexName(table, fields),
    concurrently: isTrue(property(options, 'concurrently')),
    unique: isTrue(property(options, 'unique')) || type?.toUpperCase() === 'UNIQUE',
    ifNotExists: false,
    only: false,
    ...at,
  };
}

const CONSTRAINT_TYPES: Record<string, { type: ConstraintType; suffix: string }> = {
  'foreign key': { type: 'foreignKey', suffix: 'fk' },
  check: { type: 'check', suffix: 'ck' },
  unique: { type: 'unique', suffix: 'uk' },
  'primary key': { type: 'primaryKey', suffix: 'pk' },
};

/** `addConstraint(table, { type, fields, name, references: { table, field }, where })`. */
function addConstraint(table: string, options: TSESTree.Node | undefined, at: At): Operation[] {
  const kind = CONSTRAINT_TYPES[(literalString(property(options, 'type')) ?? '').toLowerCase()];
  if (!kind) return [];
  const fields = fieldNames(property(options, 'fields'));
  const referencedTable = tableName(property(property(options, 'references'), 'table'));
  const generated = [table, ...fields, ...(kind.type === 'foreignKey' && referencedTable ? [referencedTable] : []), kind.suffix];
  const definition = {
    ...constraint(kind.type),
    name: literalString(property(options, 'name')) ?? generated.join('_'),
    referencedTable: kind.type === 'foreignKey' ? referencedTable : undefined,
    provesNotNull: kind.type === 'check' ? notNullColumns(property(options, 'where')) : [],
  };
  return [{ kind: 'addConstraint', table, constraint: definition, ...at }];
}

/** Columns a check's `where: { email: { [Op.ne]: null } }` proves non-null. */
function notNullColumns(where: TSESTree.Node | undefined): string[] {
  if (where?.type !== AST_NODE_TYPES.ObjectExpression) return [];
  return where.properties.flatMap((item) => {
    if (item.type !== AST_NODE_TYPES.Property || item.value.type !== AST_NODE_TYPES.ObjectExpression) return [];
    const column = propertyName(item.key);
    const notNull = item.value.properties.some(
      (test) =>
        test.type === AST_NODE_TYPES.Property &&
        test.computed &&
        /(^|\.)(ne|not)$/.test(memberPath(test.key)) &&
        test.value.type === AST_NODE_TYPES.Literal &&
        test.value.value === null,
    );
    return column && notNull ? [column] : [];
  });
}

function constraint(type: ConstraintType) {
  return { type, notValid: false, provesNotNull: [] as string[] };
}

/** `['email', { name: 'created_at', order: 'DESC' }]` → field names. */
function fieldNames(node: TSESTree.Node | undefined): string[] {
  if (node?.type !== AST_NODE_TYPES.ArrayExpression) return [];
  return node.elements.flatMap((element) => {
    if (!element) return [];
    const name = literalString(element) ?? literalString(property(element, 'name') ?? property(element, 'attribute'));
    return name === undefined ? [] : [name];
  });
}

/** Sequelize's generated index name (`Utils.nameIndex`): `Users`, `['firstName']` → `users_first_name`. */
function indexName(table: string, fields: string[]): string {
  const text = `${table.replaceAll('.', '_').replaceAll(/["']/g, '')}_${fields.join('_')}`;
  return text
    .replaceAll(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replaceAll(/([a-z\d])([A-Z])/g, '$1_$2')
    .replaceAll('-', '_')
    .toLowerCase();
}

/** A `where` argument: `{}`, `null` or nothing means every row; anything not written here counts as a condition. */
function hasConditions(where: TSESTree.Node | undefined): boolean {
  if (!where || isUndefined(where)) return false;
  if (where.type === AST_NODE_TYPES.Literal) return where.value !== null;
  if (where.type === AST_NODE_TYPES.ObjectExpression) return where.properties.length > 0;
  return true;
}
