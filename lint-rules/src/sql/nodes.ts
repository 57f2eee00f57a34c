/** Small readers over libpg-query's JSON parse tree (node shapes as in Postgres' parsenodes.h). */

// The parse tree is untyped JSON: every node is `{ NodeType: {...fields} }`.
export type PgNode = Record<string, any>;

export function relationName(rangeVar: PgNode | undefined): string {
  if (!rangeVar) return '';
  return rangeVar.schemaname ? `${rangeVar.schemaname}.${rangeVar.relname}` : String(rangeVar.relname ?? '');
}

/** `[{String: {sval: 'a'}}, {String: {sval: 'b'}}]` → `a.b` */
export function qualifiedName(items: PgNode[] | undefined): string {
  return (items ?? []).map((item) => item.String?.sval ?? '').join('.');
}

const TYPE_NAMES: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  bpchar: 'char',
  varchar: 'varchar',
  timestamptz: 'timestamptz',
  timestamp: 'timestamp',
  timetz: 'timetz',
  numeric: 'numeric',
};

/** A TypeName node as a readable, lower-case type: `varchar(20)[]`, `bigint`, `bigserial`. */
export function typeName(node: PgNode | undefined): string {
  if (!node) return '';
  const names: string[] = (node.names ?? []).map((item: PgNode) => item.String?.sval ?? '');
  const last = names.at(-1) ?? '';
  const base = names[0] === 'pg_catalog' ? (TYPE_NAMES[last] ?? last) : names.join('.');
  // The parse tree leaves out an ival of 0: `timestamp(0)` has `{ ival: {} }`.
  const modifiers = (node.typmods ?? []).map((mod: PgNode) => (mod.A_Const?.ival ? String(mod.A_Const.ival.ival ?? 0) : '')).filter(Boolean);
  const withModifiers = modifiers.length > 0 ? `${base}(${modifiers.join(',')})` : base;
  return (withModifiers + '[]'.repeat(node.arrayBounds?.length ?? 0)).toLowerCase();
}

/**
 * Volatile functions (pg_proc.provolatile = 'v') that defaults call: a default that calls one is
 * evaluated for every existing row, rewriting the table. Stable ones (now(), statement_timestamp(),
 * txid_current()) are evaluated once, like constants. Functions created without IMMUTABLE or STABLE
 * are volatile too, but the linter cannot see their definitions.
 */
export const VOLATILE_FUNCTIONS = new Set([
  'random',
  'random_normal',
  'gen_random_uuid',
  'uuidv4',
  'uuidv7',
  'clock_timestamp',
  'timeofday',
  'nextval',
  'currval',
  'lastval',
  'setval',
  'array_shuffle',
  'array_sample',
  // uuid-ossp and pgcrypto
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'gen_random_bytes',
  'gen_salt',
]);

/** For defaults written as SQL text in a builder call (`knex.raw('gen_random_uuid()')`). */
export function isVolatileSqlText(text: string): boolean {
  return [...text.toLowerCase().matchAll(/([a-z_][a-z0-9_]*)\s*\(/g)].some((match) => VOLATILE_FUNCTIONS.has(match[1]!));
}

export function isVolatileExpression(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(isVolatileExpression);
  if (node === null || typeof node !== 'object') return false;
  const call = (node as PgNode).FuncCall;
  if (call) {
    const name = String(call.funcname?.at(-1)?.String?.sval ?? '').toLowerCase();
    if (VOLATILE_FUNCTIONS.has(name)) return true;
  }
  return Object.values(node).some(isVolatileExpression);
}

/** A short rendering of an expression for messages: a constant, a call, or its kind. */
export function describeExpression(node: PgNode | undefined): string {
  if (!node) return '';
  const constant = node.A_Const;
  if (constant) {
    if (constant.sval) return `'${constant.sval.sval ?? ''}'`;
    if (constant.ival) return String(constant.ival.ival ?? 0);
    if (constant.fval) return String(constant.fval.fval);
    if (constant.boolval) return String(constant.boolval.boolval ?? false);
    if (constant.isnull) return 'NULL';
  }
  if (node.FuncCall) return `${qualifiedName(node.FuncCall.funcname)}()`;
  if (node.TypeCast) return describeExpression(node.TypeCast.arg);
  if (node.SQLValueFunction) return String(node.SQLValueFunction.op ?? '').replace(/^SVFOP_/, '').toLowerCase();
  return 'an expression';
}

/** Columns that a CHECK expression proves non-null: `a IS NOT NULL [AND b IS NOT NULL …]`. */
export function notNullColumns(expression: PgNode | undefined): string[] {
  if (!expression) return [];
  const test = expression.NullTest;
  if (test?.nulltesttype === 'IS_NOT_NULL') {
    const fields: PgNode[] = test.arg?.ColumnRef?.fields ?? [];
    const column = fields.at(-1)?.String?.sval;
    return column ? [column] : [];
  }
  const bool = expression.BoolExpr;
  if (bool?.boolop === 'AND_EXPR') return (bool.args ?? []).flatMap(notNullColumns);
  return [];
}
