import type { OperationOf, OperationShape } from '../model/operation.ts';
import { alterTableOperations, columnDefinition, constraintDefinition } from './alter-table.ts';
import { qualifiedName, relationName, type PgNode } from './nodes.ts';

type ReindexScope = OperationOf<'reindex'>['scope'];

/** The operations one parsed SQL statement performs. */
export function statementOperations(statementNode: PgNode): OperationShape[] {
  const [type, statement] = Object.entries(statementNode)[0] ?? ['', {}];
  switch (type) {
    case 'AlterTableStmt':
      return statement.objtype === 'OBJECT_TABLE' ? alterTableOperations(statement) : [other(type)];
    case 'CreateStmt':
      return createTable(statement);
    case 'ViewStmt':
      return [{ kind: 'createView', name: relationName(statement.view), replace: Boolean(statement.replace) }];
    case 'IndexStmt':
      return [
        {
          kind: 'createIndex',
          table: relationName(statement.relation),
          name: statement.idxname,
          concurrently: Boolean(statement.concurrent),
          unique: Boolean(statement.unique),
          ifNotExists: Boolean(statement.if_not_exists),
          // The parse tree leaves out false fields: `inh` is missing under ON ONLY.
          only: statement.relation !== undefined && statement.relation.inh !== true,
        },
      ];
    case 'CreateTrigStmt':
      return [{ kind: 'trigger', action: 'create', table: relationName(statement.relation), name: String(statement.trigname ?? '') }];
    case 'DropStmt':
      return drop(statement);
    case 'RenameStmt':
      return rename(statement);
    case 'TruncateStmt':
      return [
        {
          kind: 'truncate',
          tables: (statement.relations ?? []).map((item: PgNode) => relationName(item.RangeVar)),
          cascade: statement.behavior === 'DROP_CASCADE',
        },
      ];
    case 'DropdbStmt':
      return [{ kind: 'dropDatabase', name: String(statement.dbname ?? '') }];
    case 'ReindexStmt':
      return [
        {
          kind: 'reindex',
          scope: String(statement.kind ?? '').replace(/^REINDEX_OBJECT_/, '').toLowerCase() as ReindexScope,
          target: relationName(statement.relation) || String(statement.name ?? ''),
          concurrently: (statement.params ?? []).some((p: PgNode) => p.DefElem?.defname === 'concurrently'),
        },
      ];
    case 'VacuumStmt':
      return vacuum(statement);
    case 'ClusterStmt':
      return [{ kind: 'maintenance', command: 'cluster', tables: [relationName(statement.relation)] }];
    case 'CreateEnumStmt':
      return [{ kind: 'createEnum', type: qualifiedName(statement.typeName) }];
    case 'AlterEnumStmt':
      return statement.oldVal
        ? [other('ALTER TYPE … RENAME VALUE')]
        : [
            {
              kind: 'addEnumValue',
              type: qualifiedName(statement.typeName),
              value: String(statement.newVal ?? ''),
              positioned: statement.newValNeighbor !== undefined,
            },
          ];
    case 'VariableSetStmt':
      return [
        {
          kind: 'setting',
          name: String(statement.name ?? '').toLowerCase(),
          value: settingValue(statement),
          local: Boolean(statement.is_local),
        },
      ];
    case 'TransactionStmt':
      return transaction(statement.kind);
    case 'UpdateStmt':
    case 'DeleteStmt':
      return [
        {
          kind: 'dataChange',
          statement: type === 'UpdateStmt' ? 'update' : 'delete',
          table: relationName(statement.relation),
          hasWhere: statement.whereClause !== undefined,
        },
      ];
    case 'InsertStmt':
      return [{ kind: 'dataChange', statement: 'insert', table: relationName(statement.relation), hasWhere: false }];
    case 'DoStmt':
      return [{ kind: 'opaque', reason: 'a DO block runs procedural code the linter cannot see into' }];
    default:
      return [other(type)];
  }
}

function other(statement: string): OperationShape {
  return { kind: 'other', statement };
}

function createTable(statement: PgNode): OperationShape[] {
  const elements: PgNode[] = statement.tableElts ?? [];
  return [
    {
      kind: 'createTable',
      table: relationName(statement.relation),
      partitioned: statement.partspec !== undefined,
      ifNotExists: Boolean(statement.if_not_exists),
      columns: elements.flatMap((element) => (element.ColumnDef ? [columnDefinition(element.ColumnDef)] : [])),
      constraints: elements.flatMap((element) => (element.Constraint ? [constraintDefinition(element.Constraint)] : [])),
    },
  ];
}

function drop(statement: PgNode): OperationShape[] {
  const names: string[] = (statement.objects ?? []).map((item: PgNode) =>
    item.List ? qualifiedName(item.List.items) : String(item.String?.sval ?? ''),
  );
  const cascade = statement.behavior === 'DROP_CASCADE';
  switch (statement.removeType) {
    case 'OBJECT_TABLE':
      return [{ kind: 'dropTable', tables: names, ifExists: Boolean(statement.missing_ok) }];
    case 'OBJECT_INDEX':
      return [
        { kind: 'dropIndex', names, concurrently: Boolean(statement.concurrent), ifExists: Boolean(statement.missing_ok) },
      ];
    case 'OBJECT_SCHEMA':
      return [{ kind: 'dropSchema', names, cascade }];
    case 'OBJECT_TRIGGER':
      // DROP TRIGGER takes one `table.trigger` name: the trigger's name is its last part.
      return names.map((name) => {
        const parts = name.split('.');
        return { kind: 'trigger', action: 'drop', table: parts.slice(0, -1).join('.'), name: parts.at(-1) ?? '' };
      });
    default:
      return [other(`DROP ${String(statement.removeType ?? '').replace(/^OBJECT_/, '')}`)];
  }
}

function rename(statement: PgNode): OperationShape[] {
  const table = relationName(statement.relation);
  const newName = String(statement.newname ?? '');
  switch (statement.renameType) {
    case 'OBJECT_TABLE':
      return [{ kind: 'renameTable', table, newName }];
    case 'OBJECT_COLUMN':
      return [{ kind: 'renameColumn', table, column: String(statement.subname ?? ''), newName }];
    default:
      return [other(`RENAME ${String(statement.renameType ?? '').replace(/^OBJECT_/, '')}`)];
  }
}

function vacuum(statement: PgNode): OperationShape[] {
  const full = (statement.options ?? []).some((option: PgNode) => option.DefElem?.defname === 'full');
  if (!full) return [other('VACUUM')];
  const tables = (statement.rels ?? []).map((rel: PgNode) => relationName(rel.VacuumRelation?.relation));
  return [{ kind: 'maintenance', command: 'vacuumFull', tables }];
}

function settingValue(statement: PgNode): string {
  const value = statement.args?.[0]?.A_Const;
  if (!value) return statement.kind === 'VAR_SET_DEFAULT' ? 'DEFAULT' : '';
  return String(value.sval?.sval ?? value.ival?.ival ?? value.fval?.fval ?? '0');
}

function transaction(kind: string): OperationShape[] {
  if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') return [{ kind: 'transaction', action: 'begin' }];
  if (kind === 'TRANS_STMT_COMMIT') return [{ kind: 'transaction', action: 'commit' }];
  if (kind === 'TRANS_STMT_ROLLBACK') return [{ kind: 'transaction', action: 'rollback' }];
  return [other('TransactionStmt')];
}
