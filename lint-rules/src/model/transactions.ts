import type { Migration } from './migration.ts';
import type { Direction, Operation } from './operation.ts';

/** Operations that Postgres runs in one transaction, or one operation that runs on its own. */
export interface TransactionSpan {
  /** true: inside a transaction; false: on its own (autocommit); undefined: the tool's wrapping is not known. */
  transactional: boolean | undefined;
  /**
   * Who opened the transaction: the tool's wrapping, an explicit `BEGIN`, or the migration through
   * the tool's transaction API (`knex.transaction()`, Sequelize `{ transaction: t }`).
   */
  openedBy: 'tool' | 'begin' | 'migration' | undefined;
  operations: Operation[];
}

/**
 * The transactions the operations of one direction run in, in order: the tool's own wrapping
 * (`migration.transaction`), explicit `BEGIN`/`COMMIT`/`ROLLBACK` (an explicit COMMIT ends the tool's
 * transaction too, as it does in Postgres), and calls the migration runs in a transaction it opened.
 */
export function transactionSpans(migration: Migration, direction: Direction): TransactionSpan[] {
  const spans: TransactionSpan[] = [];
  const start = (transactional: boolean | undefined, openedBy: TransactionSpan['openedBy']): TransactionSpan => {
    const span = { transactional, openedBy, operations: [] };
    spans.push(span);
    return span;
  };
  const { wrapped } = migration.transaction;
  let open = wrapped === false ? undefined : start(wrapped, 'tool');
  // Consecutive calls passed the migration's own transaction object share that transaction.
  let opened: TransactionSpan | undefined;
  for (const op of migration.operations) {
    if (op.direction !== direction) continue;
    if (op.kind === 'transaction') {
      // BEGIN inside a transaction only warns; otherwise it opens one.
      if (op.action === 'begin' && open?.transactional !== true) open = start(true, 'begin');
      (open ?? start(false, undefined)).operations.push(op);
      if (op.action !== 'begin') open = undefined;
      opened = undefined;
    } else if (open) {
      open.operations.push(op);
    } else if (op.inTransaction) {
      opened ??= start(true, 'migration');
      opened.operations.push(op);
    } else {
      start(false, undefined).operations.push(op);
      opened = undefined;
    }
  }
  return spans.filter((span) => span.operations.length > 0);
}

/** The spans of the directions a rule checks: `up`, and `down` when its `checkDown` option asks for it. */
export function checkedSpans(migration: Migration, options: { checkDown: boolean }): TransactionSpan[] {
  const directions: Direction[] = options.checkDown ? ['up', 'down'] : ['up'];
  return directions.flatMap((direction) => transactionSpans(migration, direction));
}

/** Why a span runs in a transaction, to finish "…, and {{reason}}" in a report. */
export function transactionReason(migration: Migration, span: TransactionSpan): string {
  switch (span.openedBy) {
    case 'begin':
      return 'an explicit BEGIN earlier in this migration opened one';
    case 'migration':
      return 'this call runs in a transaction the migration opened';
    default:
      return migration.transaction.reason;
  }
}

/** How to run a statement of the span outside a transaction, to finish "To run it, {{optOut}}". */
export function transactionOptOut(migration: Migration, span: TransactionSpan): string {
  switch (span.openedBy) {
    case 'begin':
      return 'move it out of the BEGIN … COMMIT block';
    case 'migration':
      return 'call it outside the transaction callback, without the transaction';
    default:
      return migration.transaction.optOut;
  }
}
