import type { Migration } from './migration.ts';
import { normaliseName } from './migration.ts';
import type { Operation, OperationOf } from './operation.ts';

/**
 * Type changes that Postgres makes without rewriting the table or rebuilding its indexes: the old
 * type is binary coercible to the new one and no value can change (alter_table.sgml Notes,
 * https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES). Each case is
 * measured against a real server in tests/model/type-changes.test.ts.
 */

/** A column type in its parts: `varchar(20)[]` is `{ name: 'varchar', modifiers: [20], arrayDepth: 1 }`. */
export interface ColumnType {
  name: string;
  modifiers: number[];
  arrayDepth: number;
}

/** Spellings of one type, as SQL, the tools and the parser write them, to the name used here. */
const ALIASES: Record<string, string> = {
  'character varying': 'varchar',
  'char varying': 'varchar',
  character: 'char',
  bpchar: 'char',
  int: 'integer',
  int4: 'integer',
  int8: 'bigint',
  int2: 'smallint',
  decimal: 'numeric',
  float8: 'double precision',
  float4: 'real',
  bool: 'boolean',
  'bit varying': 'varbit',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  'time without time zone': 'time',
  'time with time zone': 'timetz',
  serial4: 'serial',
  serial8: 'bigserial',
  serial2: 'smallserial',
};

/** `varchar(20)`, `character varying (20)`, `timestamp(3) with time zone`, `int[]` → parts; undefined if unreadable. */
export function parseColumnType(text: string | undefined): ColumnType | undefined {
  let rest = (text ?? '').trim().toLowerCase().replace(/\s+/g, ' ').replace(/^pg_catalog\./, '');
  let arrayDepth = 0;
  for (let match = /\s*(\[\d*\]|\barray)$/.exec(rest); match; match = /\s*(\[\d*\]|\barray)$/.exec(rest)) {
    arrayDepth++;
    rest = rest.slice(0, match.index);
  }
  // `timestamp(3) with time zone`: the precision sits before the time-zone words.
  const zoned = /^(timestamp|time) ?(\([^)]*\))? (with|without) time zone$/.exec(rest);
  if (zoned) rest = `${zoned[1]} ${zoned[3]} time zone${zoned[2] ?? ''}`;
  const parts = /^([a-z_][a-z0-9_ .]*?) ?(?:\(([\d ,]*)\))?$/.exec(rest);
  if (!parts) return undefined;
  const name = parts[1]!.trim();
  const modifiers = parts[2] === undefined ? [] : parts[2].split(',').map((value) => Number(value.trim()));
  if (modifiers.some((value) => !Number.isInteger(value))) return undefined;
  return { name: ALIASES[name] ?? name, modifiers, arrayDepth };
}

/** Types whose modifier is a precision that only rounds: raising it, or removing it, keeps every value. */
const PRECISION_TYPES = new Set(['timestamp', 'timestamptz', 'time', 'timetz', 'interval']);

/** Whether changing a column from `from` to `to` keeps the table and its indexes as they are. */
export function isBinaryCoercible(from: string | undefined, to: string | undefined): boolean {
  const old = parseColumnType(from);
  const next = parseColumnType(to);
  if (!old || !next || old.arrayDepth !== next.arrayDepth) return false;
  if (old.name === next.name && sameModifiers(old, next)) return true;
  // Arrays of a changed element type are rewritten, even varchar(10)[] to varchar(20)[].
  if (old.arrayDepth > 0) return false;
  const [oldFirst, oldScale = 0] = old.modifiers;
  const [newFirst, newScale = 0] = next.modifiers;
  const unbounded = next.modifiers.length === 0;
  const widened = oldFirst !== undefined && newFirst !== undefined && newFirst >= oldFirst;
  switch (next.name) {
    case 'text':
      return ['varchar', 'xml'].includes(old.name);
    case 'varchar':
      if (unbounded) return ['varchar', 'text', 'xml'].includes(old.name);
      return old.name === 'varchar' && widened;
    case 'numeric':
      return old.name === 'numeric' && (unbounded || (widened && old.modifiers.length > 0 && oldScale === newScale));
    case 'varbit':
      return old.name === 'varbit' && (unbounded || widened);
    case 'inet':
      return old.name === 'cidr';
    default:
      return PRECISION_TYPES.has(next.name) && old.name === next.name && (unbounded || widened);
  }
}

function sameModifiers(a: ColumnType, b: ColumnType): boolean {
  return a.modifiers.length === b.modifiers.length && a.modifiers.every((value, index) => value === b.modifiers[index]);
}

/**
 * The column's type before `op`, when the migration shows it: stated by the tool, given earlier in
 * the same direction (ADD COLUMN, CREATE TABLE, an earlier change), or restored by the other
 * direction, which changes the column back (`down` undoes `up`).
 */
export function typeBefore(migration: Migration, op: OperationOf<'alterColumnType'>): string | undefined {
  if (op.fromType) return op.fromType;
  const isColumn = (table: string, column: string) =>
    normaliseName(table) === normaliseName(op.table) && normaliseName(column) === normaliseName(op.column);
  let earlier: string | undefined;
  let restored: string | undefined;
  let before = true;
  for (const other of migration.operations) {
    if (other === op) before = false;
    if (other.direction === op.direction) {
      if (before) earlier = typeSetBy(other, isColumn) ?? earlier;
    } else if (other.kind === 'alterColumnType' && isColumn(other.table, other.column)) {
      restored = other.newType;
    }
  }
  return earlier ?? restored;
}

function typeSetBy(op: Operation, isColumn: (table: string, column: string) => boolean): string | undefined {
  switch (op.kind) {
    case 'alterColumnType':
      return isColumn(op.table, op.column) ? op.newType : undefined;
    case 'addColumn':
      return isColumn(op.table, op.column.name) ? op.column.type : undefined;
    case 'createTable':
      return op.columns?.find((column) => isColumn(op.table, column.name))?.type;
    default:
      return undefined;
  }
}
