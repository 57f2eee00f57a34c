import type { TSESTree } from '@typescript-eslint/types';

/** Which half of a migration an operation belongs to. SQL files are all `up`. */
export type Direction = 'up' | 'down';

/** Where an operation came from: a builder call, or SQL text (in a string, a template or a .sql file). */
export type Origin = 'builder' | 'sql';

export type DefaultValue = {
  /** The default as written (SQL text or the builder argument's source). */
  text: string;
  /** Evaluated per row (random(), gen_random_uuid(), clock_timestamp()…): forces a table rewrite. */
  volatile: boolean;
};

export interface ColumnDefinition {
  name: string;
  /** Type as written, lower-cased (e.g. "integer", "varchar(50)", "bigserial"). */
  type?: string;
  notNull: boolean;
  default?: DefaultValue;
  /** `GENERATED ALWAYS AS (…) STORED` */
  generatedStored: boolean;
  /** serial/bigserial/smallserial or `GENERATED … AS IDENTITY`: fills every existing row. */
  autoIncrement: boolean;
  /** Inline `REFERENCES`: a foreign key validated at once. */
  references?: string;
  primaryKey: boolean;
  unique: boolean;
  /** Inline `CHECK (…)` validated at once. */
  check: boolean;
}

export type ConstraintType = 'check' | 'foreignKey' | 'unique' | 'primaryKey' | 'exclusion' | 'notNull';

export interface ConstraintDefinition {
  type: ConstraintType;
  name?: string;
  /** Added with `NOT VALID`: existing rows are not checked now. */
  notValid: boolean;
  /** `ADD CONSTRAINT … USING INDEX name` */
  usingIndex?: string;
  referencedTable?: string;
  /** Columns a `CHECK (col IS NOT NULL)` proves non-null; empty for other checks. */
  provesNotNull: string[];
}

/**
 * `ifNotExists` / `ifExists`: the statement is written with IF [NOT] EXISTS, so running it again after
 * it took effect does nothing. Undefined when the tool's call does not say.
 */
export type OperationShape =
  /**
   * `columns` and `constraints`: what the statement creates with the table, filled by every frontend
   * whose call shows them (the strict rules on types and names read them). Indexes and constraints
   * the tool adds in separate statements (Knex `table.index()`, `table.foreign()`) are their own operations.
   */
  | { kind: 'createTable'; table: string; partitioned: boolean; ifNotExists?: boolean; columns?: ColumnDefinition[]; constraints?: ConstraintDefinition[] }
  | { kind: 'dropTable'; tables: string[]; ifExists?: boolean }
  | { kind: 'renameTable'; table: string; newName: string }
  | { kind: 'addColumn'; table: string; column: ColumnDefinition; ifNotExists?: boolean }
  | { kind: 'dropColumn'; table: string; column: string; ifExists?: boolean }
  | { kind: 'renameColumn'; table: string; column: string; newName: string }
  /** A plain (not materialized) view: `CREATE [OR REPLACE] VIEW`. */
  | { kind: 'createView'; name: string; replace: boolean }
  /**
   * `fromType`: the type before the change, when the tool's call states it (TypeORM `changeColumn`'s old
   * column); `typeBefore` in model/type-changes.ts also reads it from the rest of the migration.
   * `using`: a USING expression that computes something other than the column's own value (a plain
   * cast of the column, as Knex writes, is left out).
   */
  | { kind: 'alterColumnType'; table: string; column: string; newType: string; fromType?: string; using?: string }
  | { kind: 'setNotNull'; table: string; column: string }
  | { kind: 'dropNotNull'; table: string; column: string }
  | { kind: 'setDefault'; table: string; column: string; default: DefaultValue }
  | { kind: 'dropDefault'; table: string; column: string }
  | { kind: 'addConstraint'; table: string; constraint: ConstraintDefinition }
  | { kind: 'validateConstraint'; table: string; name: string }
  | { kind: 'dropConstraint'; table: string; name: string }
  | {
      kind: 'createIndex';
      table: string;
      name?: string;
      concurrently: boolean;
      unique: boolean;
      ifNotExists: boolean;
      /** `ON ONLY parent`: an invalid parent index for a partitioned table. */
      only: boolean;
    }
  /** `table` when the tool names it (Knex `table.dropIndex` in `alterTable`); SQL names only the index. */
  | { kind: 'dropIndex'; names: string[]; concurrently: boolean; ifExists: boolean; table?: string }
  | { kind: 'reindex'; scope: 'index' | 'table' | 'schema' | 'database' | 'system'; target: string; concurrently: boolean }
  | { kind: 'truncate'; tables: string[]; cascade: boolean }
  | { kind: 'dropDatabase'; name: string }
  | { kind: 'dropSchema'; names: string[]; cascade: boolean }
  | { kind: 'createEnum'; type: string }
  | { kind: 'addEnumValue'; type: string; value: string; positioned: boolean }
  | { kind: 'dataChange'; statement: 'insert' | 'update' | 'delete'; table: string; hasWhere: boolean }
  | { kind: 'setting'; name: string; value: string; local: boolean }
  | { kind: 'transaction'; action: 'begin' | 'commit' | 'rollback' }
  /** An ALTER TABLE action the model names but does not break down further (SET LOGGED, ATTACH PARTITION…). */
  | { kind: 'alterTable'; table: string; action: string; concurrently: boolean }
  /** A rewrite of a whole table outside ALTER TABLE: VACUUM FULL, CLUSTER. */
  | { kind: 'maintenance'; command: 'vacuumFull' | 'cluster'; tables: string[] }
  /** `CREATE [OR REPLACE] TRIGGER … ON table`, `DROP TRIGGER name ON table`. */
  | { kind: 'trigger'; action: 'create' | 'drop'; table: string; name: string }
  /** A statement that parsed but that no rule needs to know about (SELECT, CREATE FUNCTION…). */
  | { kind: 'other'; statement: string }
  /** Code the analysis cannot see into: DO blocks, SQL built from runtime values. */
  | { kind: 'opaque'; reason: string }
  | { kind: 'syntaxError'; message: string };

export type OperationKind = OperationShape['kind'];

export type Operation = OperationShape & {
  direction: Direction;
  /**
   * Identifiers the SQL writes longer than 63 bytes. Postgres keeps their first 63 bytes, and so do
   * the names of the operation, which come from its parser; builder names are kept whole.
   */
  truncatedIdentifiers?: string[];
  origin: Origin;
  /** Exact place in the linted file: the builder call, or the SQL statement inside its string. */
  loc: TSESTree.SourceLocation;
  /** Source text of the statement or call, for messages. */
  text: string;
  /**
   * Set when the migration itself runs this operation inside a transaction it opened, whatever the
   * tool's own wrapping: a Sequelize call passed `{ transaction: t }`. SQL `BEGIN` is a `transaction` op instead.
   */
  inTransaction?: true;
  /**
   * The tool call that runs this operation without saying so, for messages: Knex `.alter()` drops the
   * default and NOT NULL, TypeORM `changeColumn` drops and re-adds a column whose type changes,
   * Sequelize `changeColumn` drops NOT NULL and the default it is not given. no-lossy-change-column
   * reports an implied dropColumn, and an implied dropDefault or dropNotNull that no later
   * setDefault or setNotNull of the same column restores.
   */
  impliedBy?: string;
};

export type OperationOf<K extends OperationKind> = Extract<Operation, { kind: K }>;

/** NAMEDATALEN - 1: Postgres keeps this many bytes of an identifier and drops the rest. */
export const MAX_IDENTIFIER_BYTES = 63;

/** Table names built from interpolated values are unknown: rules treat them as existing tables. */
export const UNKNOWN_NAME_PREFIX = 'lu_param_';
