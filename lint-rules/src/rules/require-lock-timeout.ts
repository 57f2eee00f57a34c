import { getMigration, getSettings } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { blocksWrites, describeBlocked, isAtLeast, lockOf, type LockMode } from '../model/locks.ts';
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
        // One report per statement, with its strictest lock: `ALTER TABLE t DROP a, ADD b` waits once.
        const byStatement = new Map<string, { op: Operation; mode: LockMode; table: string }>();
        for (const op of checkedOperations(migration, options)) {
          if (setsLockTimeout(op)) timeoutSet.add(op.direction);
          if (timeoutSet.has(op.direction)) continue;
          const lock = lockOf(op);
          if (!lock || !blocksWrites(lock.mode)) continue;
          const table = lock.relations.find((relation) => onExistingTable(migration, op, relation));
          if (table === undefined) continue;
          const key = `${op.loc.start.line}:${op.loc.start.column}`;
          const seen = byStatement.get(key);
          if (!seen || isAtLeast(lock.mode, seen.mode)) byStatement.set(key, { op, mode: lock.mode, table: seen?.table ?? table });
        }
        for (const { op, mode, table } of byStatement.values()) {
          context.report({
            loc: op.loc,
            messageId: 'missingLockTimeout',
            data: { lock: mode, table: displayName(table), blocked: describeBlocked(mode) },
          });
        }
      },
    };
  },
});

function setsLockTimeout(op: Operation): boolean {
  return op.kind === 'setting' && op.name === 'lock_timeout' && !['0', 'DEFAULT', ''].includes(op.value);
}
