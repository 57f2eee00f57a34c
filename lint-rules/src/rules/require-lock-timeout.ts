import { getMigration, getSettings } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { blocksWrites, describeBlocked, lockOf } from '../model/locks.ts';
import type { Operation } from '../model/operation.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

export default createRule({
  name: 'require-lock-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require lock_timeout to be set before DDL that takes a lock blocking writes on an existing table',
      recommended: 'recommended',
    },
    messages: {
      missingLockTimeout:
        "This statement needs the {{lock}} lock on {{table}}, which blocks {{blocked}}; while it waits behind a long query, every later query on {{table}} queues behind it. Set lock_timeout first (SET lock_timeout = '2s') and retry the migration when it times out.",
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        if (getSettings(context).lockTimeout === 'connection') return;
        const migration = getMigration(context);
        const timeoutSet = new Set<Operation['direction']>();
        for (const op of checkedOperations(migration, options)) {
          if (setsLockTimeout(op)) timeoutSet.add(op.direction);
          if (timeoutSet.has(op.direction)) continue;
          const lock = lockOf(op);
          if (!lock || !blocksWrites(lock.mode)) continue;
          const table = lock.relations.find((relation) => onExistingTable(migration, op, relation));
          if (table === undefined) continue;
          context.report({
            loc: op.loc,
            messageId: 'missingLockTimeout',
            data: { lock: lock.mode, table: displayName(table), blocked: describeBlocked(lock.mode) },
          });
        }
      },
    };
  },
});

function setsLockTimeout(op: Operation): boolean {
  return op.kind === 'setting' && op.name === 'lock_timeout' && !['0', 'DEFAULT', ''].includes(op.value);
}
