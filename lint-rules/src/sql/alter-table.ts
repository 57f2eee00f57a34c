import type { ColumnDefinition, ConstraintDefinition, ConstraintType, OperationShape } from '../model/operation.ts';
import {
  describeExpression,
  isVolatileExpression,
  notNullColumns,
  relationName,
  type PgNode,
  typeName,
} from './nodes.ts';

const CONSTRAINT_TYPES: Record<string, ConstraintType> = {
  CONSTR_CHECK: 'check',
  CONSTR_FOREIGN: 'foreignKey',
  CONSTR_UNIQUE: 'unique',
  CONSTR_PRIMARY: 'primaryKey',
  CONSTR_EXCLUSION: 'exclusion',
  CONSTR_NOTNULL: 'notNull',
};

/** ALTER TABLE subcommands without their own operation kind, by the name a report uses. */
const NAMED_ACTIONS: Record<string, string> = {
  AT_SetLogged: 'SET LOGGED',
  AT_SetUnLogged: 'SET UNLOGGED',
  AT_SetTableSpace: 'SET TABLESPACE',
  AT_SetAccessMethod: 'SET ACCESS METHOD',
  AT_AttachPartition: 'ATTACH PARTITION',
  AT_DetachPartition: 'DETACH PARTITION',
  AT_DetachPartitionFinalize: 'DETACH PARTITION FINALIZE',
  AT_ClusterOn: 'CLUSTER ON',
  AT_EnableTrig: 'ENABLE TRIGGER',
  AT_DisableTrig: 'DISABLE TRIGGER',
  AT_SetStatistics: 'SET STATISTICS',
  AT_SetRelOptions: 'SET (storage parameters)',
  AT_ReplicaIdentity: 'REPLICA IDENTITY',
  AT_EnableRowSecurity: 'ENABLE ROW LEVEL SECURITY',
  AT_DisableRowSecurity: 'DISABLE ROW LEVEL SECURITY',
  AT_ChangeOwner: 'OWNER TO',
};

export function alterTableOperations(statement: PgNode): OperationShape[] {
  const table = relationName(statement.relation);
  return (statement.cmds ?? []).flatMap((item: PgNode) => alterTableCommand(table, item.AlterTableCmd ?? {}));
}

function alterTableCommand(table: string, cmd: PgNode): OperationShape[] {
  const column = String(cmd.name ?? '');
  switch (cmd.subtype) {
    case 'AT_AddColumn':
      return [{ kind: 'addColumn', table, column: columnDefinition(cmd.def?.ColumnDef ?? {}), ifNotExists: Boolean(cmd.missing_ok) }];
    case 'AT_DropColumn':
      return [{ kind: 'dropColumn', table, column, ifExists: Boolean(cmd.missing_ok) }];
    case 'AT_AlterColumnType': {
      const def = cmd.def?.ColumnDef ?? {};
      const using = def.raw_default && !isColumnItself(def.raw_default, column) ? describeExpression(def.raw_default) : undefined;
      return [{ kind: 'alterColumnType', table, column, newType: typeName(def.typeName), using }];
    }
    case 'AT_SetNotNull':
      return [{ kind: 'setNotNull', table, column }];
    case 'AT_DropNotNull':
      return [{ kind: 'dropNotNull', table, column }];
    case 'AT_ColumnDefault':
      return cmd.def
        ? [{ kind: 'setDefault', table, column, default: defaultValue(cmd.def) }]
        : [{ kind: 'dropDefault', table, column }];
    case 'AT_AddConstraint':
      return [{ kind: 'addConstraint', table, constraint: constraintDefinition(cmd.def?.Constraint ?? {}) }];
    case 'AT_ValidateConstraint':
      return [{ kind: 'validateConstraint', table, name: column }];
    case 'AT_DropConstraint':
      return [{ kind: 'dropConstraint', table, name: column }];
    default: {
      const action = NAMED_ACTIONS[cmd.subtype] ?? String(cmd.subtype ?? '').replace(/^AT_/, '');
      return [{ kind: 'alterTable', table, action, concurrently: Boolean(cmd.def?.PartitionCmd?.concurrent) }];
    }
  }
}

export function columnDefinition(def: PgNode): ColumnDefinition {
  const type = typeName(def.typeName);
  const constraints: PgNode[] = (def.constraints ?? []).map((item: PgNode) => item.Constraint ?? {});
  const has = (contype: string) => constraints.some((c) => c.contype === contype);
  const defaultConstraint = constraints.find((c) => c.contype === 'CONSTR_DEFAULT');
  const generated = constraints.find((c) => c.contype === 'CONSTR_GENERATED');
  const foreign = constraints.find((c) => c.contype === 'CONSTR_FOREIGN');
  return {
    name: String(def.colname ?? ''),
    type,
    notNull: has('CONSTR_NOTNULL') || has('CONSTR_PRIMARY'),
    default: defaultConstraint ? defaultValue(defaultConstraint.raw_expr) : undefined,
    // Virtual generated columns (PG 18) are computed on read and do not rewrite.
    generatedStored: generated !== undefined && generated.generated_kind !== 'v',
    autoIncrement: /^(small|big)?serial$|^serial[248]$/.test(type) || has('CONSTR_IDENTITY'),
    references: foreign ? relationName(foreign.pktable) : undefined,
    primaryKey: has('CONSTR_PRIMARY'),
    unique: has('CONSTR_UNIQUE'),
    check: has('CONSTR_CHECK'),
  };
}

/** `USING c` or `USING c::type` (what Knex writes) keeps the column's values as they are. */
function isColumnItself(expression: PgNode, column: string): boolean {
  const value = expression.TypeCast?.arg ?? expression;
  return value.ColumnRef?.fields?.at(-1)?.String?.sval === column;
}

function defaultValue(expression: PgNode | undefined) {
  return { text: describeExpression(expression), volatile: isVolatileExpression(expression) };
}

export function constraintDefinition(constraint: PgNode): ConstraintDefinition {
  const type = CONSTRAINT_TYPES[constraint.contype] ?? 'check';
  return {
    type,
    name: constraint.conname,
    notValid: Boolean(constraint.skip_validation),
    usingIndex: constraint.indexname,
    referencedTable: constraint.pktable ? relationName(constraint.pktable) : undefined,
    provesNotNull:
      type === 'check'
        ? notNullColumns(constraint.raw_expr)
        : type === 'notNull'
          ? (constraint.keys ?? []).map((key: PgNode) => key.String?.sval)
          : [],
  };
}

