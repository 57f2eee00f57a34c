import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { describeBlocked, lockOf } from '../model/locks.ts';
import type { Migration } from '../model/migration.ts';
import type { Operation } from '../model/operation.ts';
import { checkedSpans } from '../model/transactions.ts';
import { DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

export default createRule({
  name: 'no-work-after-exclusive-lock',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow further statements in a transaction after one takes an ACCESS EXCLUSIVE lock on an existing table',
      recommended: 'strict',
    },
    messages: {
      workWhileLocked:
        'This statement runs while {{table}} is locked: line {{line}} took the ACCESS EXCLUSIVE lock on {{table}}, which blocks {{blocked}} until the transaction commits, so every statement after it lengthens the outage. Move it to a migration of its own, or before the statement that takes the lock.',
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        const migration = getMigration(context);
        for (const span of checkedSpans(migration, options)) {
          if (span.transactional !== true) continue;
          let holder: { op: Operation; table: string } | undefined;
          let previous: Operation | undefined;
          for (const op of span.operations) {
            if (holder && isWork(op) && previous && !sameStatement(previous, op)) {
              const data = { table: displayName(holder.table), line: String(holder.op.loc.start.line), blocked: describeBlocked('ACCESS EXCLUSIVE') };
              context.report({ loc: op.loc, messageId: 'workWhileLocked', data });
            }
            holder ??= exclusiveLock(migration, op);
            if (isWork(op)) previous = op;
          }
        }
      },
    };
  },
});

/** The existing table an operation locks with ACCESS EXCLUSIVE, if any. */
function exclusiveLock(migration: Migration, op: Operation): { op: Operation; table: string } | undefined {
  const lock = lockOf(op);
  if (lock?.mode !== 'ACCESS EXCLUSIVE') return undefined;
  const table = lock.relations.find((relation) => onExistingTable(migration, op, relation));
  return table === undefined ? undefined : { op, table };
}

/** Transaction control and settings take no time; everything else is a statement that runs under the lock. */
function isWork(op: Operation): boolean {
  return op.kind !== 'transaction' && op.kind !== 'setting';
}

/**
 * Operations of one statement: the actions of one ALTER TABLE share its place, and a builder sends
 * the columns it adds (or drops) on one table in a row as one ALTER TABLE.
 */
function sameStatement(previous: Operation, op: Operation): boolean {
  if (previous.loc.start.line === op.loc.start.line && previous.loc.start.column === op.loc.start.column) return true;
  const columnAction = (candidate: Operation) => (candidate.kind === 'addColumn' || candidate.kind === 'dropColumn') && candidate.origin === 'builder';
  return columnAction(previous) && columnAction(op) && previous.kind === op.kind && 'table' in previous && 'table' in op && previous.table === op.table;
}
