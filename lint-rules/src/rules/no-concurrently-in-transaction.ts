import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import type { Migration } from '../model/migration.ts';
import type { Operation } from '../model/operation.ts';
import { checkedOperations } from './support.ts';

export default createRule({
  name: 'no-concurrently-in-transaction',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CONCURRENTLY operations in migrations that run inside a transaction',
      recommended: 'recommended',
    },
    messages: {
      inTransaction:
        '{{statement}} cannot run inside a transaction block, and {{reason}}: the migration fails when it runs. To run it, {{optOut}}, and keep this statement alone in its migration.',
      afterBegin:
        '{{statement}} cannot run inside a transaction block, and an explicit BEGIN earlier in this migration opened one: the migration fails when it runs. Commit before it, or move it to a migration of its own.',
      passedTransaction:
        '{{statement}} cannot run inside a transaction block, and this call runs in a transaction the migration opened and passes to it: the migration fails when it runs. Call it without the transaction, outside the transaction callback.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const migration = getMigration(context);
        let explicitTransaction = false;
        for (const op of checkedOperations(migration, { checkDown: true })) {
          if (op.kind === 'transaction') explicitTransaction = op.action === 'begin';
          if (!isConcurrent(op)) continue;
          const statement = describe(op);
          if (explicitTransaction) context.report({ loc: op.loc, messageId: 'afterBegin', data: { statement } });
          else if (op.inTransaction) context.report({ loc: op.loc, messageId: 'passedTransaction', data: { statement } });
          else if (wrapped(migration)) {
            const { reason, optOut } = migration.transaction;
            context.report({ loc: op.loc, messageId: 'inTransaction', data: { statement, reason, optOut } });
          }
        }
      },
    };
  },
});

function wrapped(migration: Migration): boolean {
  return migration.transaction.wrapped === true;
}

function isConcurrent(op: Operation): boolean {
  return (
    ((op.kind === 'createIndex' || op.kind === 'dropIndex' || op.kind === 'reindex' || op.kind === 'alterTable') &&
      op.concurrently)
  );
}

function describe(op: Operation): string {
  switch (op.kind) {
    case 'createIndex':
      return 'CREATE INDEX CONCURRENTLY';
    case 'dropIndex':
      return 'DROP INDEX CONCURRENTLY';
    case 'reindex':
      return 'REINDEX CONCURRENTLY';
    case 'alterTable':
      return `${op.action} CONCURRENTLY`;
    default:
      return op.kind;
  }
}
