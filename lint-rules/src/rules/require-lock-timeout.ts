import { getMigration, getSettings } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { blocksWrites, describeBlocked, isAtLeast, lockOf, type LockMode } from '../model/locks.ts';
import type { Operation } from '../model/operation.ts';
import { transactionSpans } from '../model/transactions.ts';
import { DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

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
      localOutsideTransaction:
        "This statement needs the {{lock}} lock on {{table}}, which blocks {{blocked}}. The SET LOCAL lock_timeout on line {{line}} has no effect: it runs outside a transaction block, where Postgres ignores SET LOCAL. Use SET lock_timeout = '2s' (for the session) and retry the migration when it times out.",
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
        // One report per statement, with its strictest lock: `ALTER TABLE t DROP a, ADD b` waits once.
        const byStatement = new Map<string, { op: Operation; mode: LockMode; table: string; ignoredLocal?: Operation }>();
        for (const direction of options.checkDown ? (['up', 'down'] as const) : (['up'] as const)) {
          // A session SET lasts for the rest of the migration; SET LOCAL until its transaction ends,
          // and not at all outside one.
          let session = false;
          let ignoredLocal: Operation | undefined;
          for (const span of transactionSpans(migration, direction)) {
            let local = false;
            for (const op of span.operations) {
              if (op.kind === 'setting' && op.name === 'lock_timeout') {
                const on = !['0', 'DEFAULT', ''].includes(op.value);
                if (!op.local) session = on;
                else if (span.transactional !== false) local = on;
                else if (on) ignoredLocal = op;
              }
              if (session || local) continue;
              const lock = lockOf(op);
              if (!lock || !blocksWrites(lock.mode)) continue;
              const table = lock.relations.find((relation) => onExistingTable(migration, op, relation));
              if (table === undefined) continue;
              const key = `${op.loc.start.line}:${op.loc.start.column}`;
              const seen = byStatement.get(key);
              if (!seen || isAtLeast(lock.mode, seen.mode)) byStatement.set(key, { op, mode: lock.mode, table: seen?.table ?? table, ignoredLocal });
            }
          }
        }
        for (const { op, mode, table, ignoredLocal } of byStatement.values()) {
          context.report({
            loc: op.loc,
            messageId: ignoredLocal ? 'localOutsideTransaction' : 'missingLockTimeout',
            data: { lock: mode, table: displayName(table), blocked: describeBlocked(mode), line: ignoredLocal?.loc.start.line ?? 0 },
          });
        }
      },
    };
  },
});
