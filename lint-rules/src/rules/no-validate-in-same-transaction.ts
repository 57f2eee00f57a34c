import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { blocksWrites, describeBlocked, isAtLeast, lockOf, type LockMode } from '../model/locks.ts';
import { normaliseName, type Migration } from '../model/migration.ts';
import type { Direction, Operation } from '../model/operation.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

/** What the current transaction has done so far, as far as VALIDATE CONSTRAINT cares. */
interface Transaction {
  /** Why the statements share a transaction, for the message. */
  reason: string;
  /** `table/constraint` → the ADD CONSTRAINT … NOT VALID in this transaction. */
  addedNotValid: Map<string, Operation>;
  /** table → the strongest write-blocking lock taken on it in this transaction, and by which statement. */
  held: Map<string, { mode: LockMode; by: Operation }>;
}

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
        const open = new Map<Direction, Transaction | undefined>();
        for (const op of checkedOperations(migration, options)) {
          if (!open.has(op.direction)) open.set(op.direction, toolTransaction(migration));
          const transaction = nextTransaction(open.get(op.direction), op);
          open.set(op.direction, transaction);
          if (!transaction) continue;
          if (op.kind === 'validateConstraint' && onExistingTable(migration, op, op.table)) {
            const table = normaliseName(op.table);
            const data = { constraint: normaliseName(op.name), table: displayName(op.table), reason: transaction.reason };
            const added = transaction.addedNotValid.get(`${table}/${normaliseName(op.name)}`);
            const held = transaction.held.get(table);
            if (added) {
              const lock = lockOf(added)?.mode ?? 'ACCESS EXCLUSIVE';
              context.report({
                loc: op.loc,
                messageId: 'sameTransactionAsAdd',
                data: { ...data, line: added.loc.start.line, lock, blocked: describeBlocked(lock) },
              });
            } else if (held) {
              context.report({
                loc: op.loc,
                messageId: 'afterLock',
                data: { ...data, line: held.by.loc.start.line, lock: held.mode, blocked: describeBlocked(held.mode) },
              });
            }
          }
          record(migration, transaction, op);
        }
      },
    };
  },
});

/** The transaction the tool opens around the whole migration, when it does. */
function toolTransaction(migration: Migration): Transaction | undefined {
  return migration.transaction.wrapped === true ? newTransaction(migration.transaction.reason) : undefined;
}

function newTransaction(reason: string): Transaction {
  return { reason, addedNotValid: new Map(), held: new Map() };
}

/** BEGIN opens a transaction (inside one it changes nothing); COMMIT and ROLLBACK end it. */
function nextTransaction(current: Transaction | undefined, op: Operation): Transaction | undefined {
  if (op.kind !== 'transaction') return current;
  if (op.action !== 'begin') return undefined;
  return current ?? newTransaction(`an explicit BEGIN at line ${op.loc.start.line} opened it`);
}

function record(migration: Migration, transaction: Transaction, op: Operation): void {
  if (op.kind === 'addConstraint' && op.constraint.notValid && op.constraint.name) {
    transaction.addedNotValid.set(`${normaliseName(op.table)}/${normaliseName(op.constraint.name)}`, op);
  }
  const lock = lockOf(op);
  if (!lock || !blocksWrites(lock.mode)) return;
  for (const relation of lock.relations) {
    if (!onExistingTable(migration, op, relation)) continue;
    const table = normaliseName(relation);
    const held = transaction.held.get(table);
    if (!held || !isAtLeast(held.mode, lock.mode)) transaction.held.set(table, { mode: lock.mode, by: op });
  }
}
