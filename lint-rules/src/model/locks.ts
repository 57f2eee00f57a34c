import type { Operation } from './operation.ts';

/** Table-level lock modes, weakest first (https://www.postgresql.org/docs/current/explicit-locking.html). */
export const LOCK_MODES = [
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
] as const;

export type LockMode = (typeof LOCK_MODES)[number];

export interface LockRequest {
  mode: LockMode;
  /** The relations (tables, or an index for DROP/REINDEX INDEX) the lock is taken on. */
  relations: string[];
}

/** What a lock blocks, in the words a report uses. */
export function describeBlocked(mode: LockMode): string {
  switch (mode) {
    case 'ACCESS EXCLUSIVE':
      return 'every read and write';
    case 'EXCLUSIVE':
    case 'SHARE ROW EXCLUSIVE':
    case 'SHARE':
      return 'every write (INSERT, UPDATE, DELETE)';
    case 'SHARE UPDATE EXCLUSIVE':
      return 'other schema changes and VACUUM, but not reads or writes';
    default:
      return 'nothing the application does';
  }
}

export function isAtLeast(mode: LockMode, floor: LockMode): boolean {
  return LOCK_MODES.indexOf(mode) >= LOCK_MODES.indexOf(floor);
}

/** SHARE and stronger block writes: a migration waiting for one queues every later query. */
export function blocksWrites(mode: LockMode): boolean {
  return isAtLeast(mode, 'SHARE');
}

/** The table-level lock an operation requests, from alter_table.sgml and the measured traces. */
export function lockOf(op: Operation): LockRequest | undefined {
  switch (op.kind) {
    case 'createIndex':
      return { mode: op.concurrently ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE', relations: [op.table] };
    case 'dropIndex':
      return { mode: op.concurrently ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE', relations: op.names };
    case 'reindex':
      // Non-concurrent REINDEX takes ACCESS EXCLUSIVE on the index, which blocks nearly every query.
      return { mode: op.concurrently ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE', relations: [op.target] };
    case 'validateConstraint':
      return { mode: 'SHARE UPDATE EXCLUSIVE', relations: [op.table] };
    case 'addConstraint':
      if (op.constraint.type === 'foreignKey') {
        const relations = [op.table, ...(op.constraint.referencedTable ? [op.constraint.referencedTable] : [])];
        return { mode: 'SHARE ROW EXCLUSIVE', relations };
      }
      return { mode: 'ACCESS EXCLUSIVE', relations: [op.table] };
    case 'alterTable':
      return { mode: op.concurrently ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE', relations: [op.table] };
    case 'addColumn':
    case 'dropColumn':
    case 'renameColumn':
    case 'alterColumnType':
    case 'setNotNull':
    case 'dropNotNull':
    case 'setDefault':
    case 'dropDefault':
    case 'dropConstraint':
    case 'renameTable':
      return { mode: 'ACCESS EXCLUSIVE', relations: [op.table] };
    case 'dropTable':
    case 'truncate':
      return { mode: 'ACCESS EXCLUSIVE', relations: op.tables };
    case 'maintenance':
      return { mode: 'ACCESS EXCLUSIVE', relations: op.tables };
    case 'trigger':
      // CREATE TRIGGER: SHARE ROW EXCLUSIVE (explicit-locking.html); DROP TRIGGER opens the table
      // with ACCESS EXCLUSIVE, as the change-column-type trace measures.
      return { mode: op.action === 'create' ? 'SHARE ROW EXCLUSIVE' : 'ACCESS EXCLUSIVE', relations: [op.table] };
    case 'dataChange':
      return { mode: 'ROW EXCLUSIVE', relations: [op.table] };
    default:
      return undefined;
  }
}
