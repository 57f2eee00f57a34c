import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import type { Direction, OperationOf } from '../model/operation.ts';
import { DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, checkedOperations } from './support.ts';

export default createRule({
  name: 'no-manual-transaction',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow BEGIN, COMMIT and ROLLBACK in a migration the tool already runs in a transaction, and BEGIN without COMMIT',
      recommended: 'recommended',
    },
    messages: {
      beginInToolTransaction:
        "{{reason}}, so this BEGIN opens nothing (Postgres only warns that a transaction is already in progress), and the COMMIT meant to close it ends the tool's transaction early. Leave transaction control to the tool; to run statements outside a transaction, {{optOut}}.",
      endsToolTransaction:
        '{{reason}}, so this {{action}} ends that transaction in the middle of the migration: the statements after it run outside any transaction, and a failure among them leaves the migration half applied. Leave transaction control to the tool; to run statements outside a transaction, {{optOut}}.',
      nestedBegin:
        'This BEGIN comes while the transaction of an earlier BEGIN is still open: Postgres only warns, and the next COMMIT ends both. Remove it, or commit the first transaction before it.',
      uncommitted:
        'This BEGIN is never committed: no COMMIT or ROLLBACK follows it in the migration, so Postgres rolls its changes back when the session ends, while the tool may record the migration as applied. Add COMMIT after the last statement of the transaction.',
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        const migration = getMigration(context);
        const { wrapped, implicit, reason, optOut } = migration.transaction;
        // A query string's implicit transaction becomes the explicit one: BEGIN there is how to group statements.
        const toolWraps = wrapped === true && !implicit;
        const controls = checkedOperations(migration, options).filter((op): op is OperationOf<'transaction'> => op.kind === 'transaction');
        const open = new Set<Direction>();
        controls.forEach((op, index) => {
          if (toolWraps) {
            if (op.action === 'begin') context.report({ loc: op.loc, messageId: 'beginInToolTransaction', data: { reason, optOut } });
            else context.report({ loc: op.loc, messageId: 'endsToolTransaction', data: { reason, optOut, action: op.action.toUpperCase() } });
            return;
          }
          if (op.action !== 'begin') {
            open.delete(op.direction);
            return;
          }
          const closed = controls.slice(index + 1).some((later) => later.direction === op.direction && later.action !== 'begin');
          if (open.has(op.direction)) context.report({ loc: op.loc, messageId: 'nestedBegin' });
          else if (!closed) context.report({ loc: op.loc, messageId: 'uncommitted' });
          open.add(op.direction);
        });
      },
    };
  },
});
