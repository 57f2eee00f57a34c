import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { blocksWrites, describeBlocked, lockOf, type LockRequest } from '../model/locks.ts';
import { normaliseName } from '../model/migration.ts';
import type { Operation, OperationOf } from '../model/operation.ts';
import { checkedSpans } from '../model/transactions.ts';
import { DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

export default createRule({
  name: 'no-unbatched-backfill',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow UPDATE or DELETE of a whole existing table, or in the same transaction as a schema change to it',
      recommended: 'recommended',
    },
    messages: {
      wholeTable:
        '{{statement}} without WHERE changes every row of {{table}} in one statement: it keeps each row it changes locked against the running release until it commits, and writes the whole table to the WAL at once, which replicas must replay. Backfill in batches (WHERE id BETWEEN … AND …), each committed on its own, outside the schema migration.',
      withSchemaChange:
        'This {{statement}} runs in the same transaction as the change to {{table}} at line {{line}}, which holds the {{lock}} lock until commit: {{blocked}} on {{table}} waits for the whole backfill. Move the backfill out of the schema migration and run it in batches, each committed on its own.',
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
          for (const op of span.operations) {
            if (op.kind !== 'dataChange' || op.statement === 'insert' || !onExistingTable(migration, op, op.table)) continue;
            const statement = op.statement.toUpperCase();
            const change = span.transactional ? schemaChangeTo(span.operations, op) : undefined;
            if (change) {
              const data = { statement, table: displayName(op.table), line: String(change.op.loc.start.line), lock: change.lock.mode, blocked: describeBlocked(change.lock.mode) };
              context.report({ loc: op.loc, messageId: 'withSchemaChange', data });
            } else if (!op.hasWhere) {
              context.report({ loc: op.loc, messageId: 'wholeTable', data: { statement, table: displayName(op.table) } });
            }
          }
        }
      },
    };
  },
});

/** A statement of the same transaction that takes a lock blocking writes on the changed table. */
function schemaChangeTo(operations: readonly Operation[], change: OperationOf<'dataChange'>): { op: Operation; lock: LockRequest } | undefined {
  const table = normaliseName(change.table);
  for (const op of operations) {
    const lock = op.kind === 'dataChange' ? undefined : lockOf(op);
    if (lock && blocksWrites(lock.mode) && lock.relations.some((relation) => normaliseName(relation) === table)) return { op, lock };
  }
  return undefined;
}
