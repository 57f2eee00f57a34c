import type { RuleContext } from '@typescript-eslint/utils/ts-eslint';
import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { blocksWrites, describeBlocked, isAtLeast, lockOf, type LockMode } from '../model/locks.ts';
import { normaliseName, type Migration } from '../model/migration.ts';
import type { Operation } from '../model/operation.ts';
import { checkedSpans, transactionReason, type TransactionSpan } from '../model/transactions.ts';
import {
  DEFAULT_DIRECTION_OPTIONS,
  DIRECTION_OPTIONS_SCHEMA,
  type DirectionOptions,
  displayName,
  onExistingTable,
} from './support.ts';

type MessageId = 'sameTransactionAsAdd' | 'afterLock';

export default createRule({
  name: 'no-validate-in-same-transaction',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow VALIDATE CONSTRAINT in the transaction that added the constraint or locked its table',
      recommended: 'recommended',
    },
    messages: {
      sameTransactionAsAdd:
        'VALIDATE CONSTRAINT {{constraint}} runs in the same transaction as the ADD CONSTRAINT … NOT VALID at line {{line}}, because {{reason}}. The {{lock}} lock that the ADD took on {{table}} is held until commit, so the validation scan blocks {{blocked}} on {{table}} as if NOT VALID had not been used. Validate it in a later migration that runs in a transaction of its own.',
      afterLock:
        'VALIDATE CONSTRAINT {{constraint}} runs in a transaction that already holds the {{lock}} lock taken on {{table}} at line {{line}}, because {{reason}}. That lock is held until commit, so the validation scan blocks {{blocked}} on {{table}}. Validate it in a separate migration that runs in a transaction of its own.',
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
          if (span.transactional === true) checkTransaction(context, migration, span);
        }
      },
    };
  },
});

/** Reports each VALIDATE CONSTRAINT of one transaction that an earlier statement of it defeats. */
function checkTransaction(
  context: Readonly<RuleContext<MessageId, [DirectionOptions]>>,
  migration: Migration,
  span: TransactionSpan,
): void {
  const reason = transactionReason(migration, span);
  /** `table/constraint` → the ADD CONSTRAINT … NOT VALID in this transaction. */
  const addedNotValid = new Map<string, Operation>();
  /** table → the strongest write-blocking lock this transaction took on it, and the statement that did. */
  const held = new Map<string, { mode: LockMode; by: Operation }>();
  for (const op of span.operations) {
    if (op.kind === 'validateConstraint' && onExistingTable(migration, op, op.table)) {
      const table = normaliseName(op.table);
      const data = { constraint: normaliseName(op.name), table: displayName(op.table), reason };
      const added = addedNotValid.get(`${table}/${normaliseName(op.name)}`);
      const lock = held.get(table);
      if (added) {
        const mode = lockOf(added)?.mode ?? 'ACCESS EXCLUSIVE';
        const line = added.loc.start.line;
        context.report({ loc: op.loc, messageId: 'sameTransactionAsAdd', data: { ...data, line, lock: mode, blocked: describeBlocked(mode) } });
      } else if (lock) {
        const line = lock.by.loc.start.line;
        context.report({ loc: op.loc, messageId: 'afterLock', data: { ...data, line, lock: lock.mode, blocked: describeBlocked(lock.mode) } });
      }
    }
    if (op.kind === 'addConstraint' && op.constraint.notValid && op.constraint.name) {
      addedNotValid.set(`${normaliseName(op.table)}/${normaliseName(op.constraint.name)}`, op);
    }
    const lock = lockOf(op);
    if (!lock || !blocksWrites(lock.mode)) continue;
    for (const relation of lock.relations) {
      if (!onExistingTable(migration, op, relation)) continue;
      const table = normaliseName(relation);
      const before = held.get(table);
      if (!before || !isAtLeast(before.mode, lock.mode)) held.set(table, { mode: lock.mode, by: op });
    }
  }
}
