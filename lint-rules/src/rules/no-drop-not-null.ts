import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { normaliseName, type Migration } from '../model/migration.ts';
import type { Operation, OperationOf } from '../model/operation.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

export default createRule({
  name: 'no-drop-not-null',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow DROP NOT NULL on a column that the running release reads as never NULL',
      recommended: 'strict',
    },
    messages: {
      dropNotNull:
        'DROP NOT NULL on {{table}}.{{column}} lets NULLs into a column that the release still running reads as never NULL, so its code can fail on the first NULL written (the statement also takes a brief ACCESS EXCLUSIVE lock on {{table}}, which blocks every read and write while it waits and runs). Keep the column NOT NULL and write a marker value, or move to a new nullable column with expand and contract.',
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        const migration = getMigration(context);
        for (const op of checkedOperations(migration, options)) {
          if (op.kind !== 'dropNotNull' || !onExistingTable(migration, op, op.table)) continue;
          if (addedEarlier(migration, op) || setAgainLater(migration, op)) continue;
          context.report({ loc: op.loc, messageId: 'dropNotNull', data: { table: displayName(op.table), column: op.column } });
        }
      },
    };
  },
});

/** A column added earlier in the same migration: the running release does not read it yet. */
function addedEarlier(migration: Migration, drop: OperationOf<'dropNotNull'>): boolean {
  const earlier = migration.operations.slice(0, migration.operations.indexOf(drop));
  return earlier.some((op) => op.kind === 'addColumn' && sameColumn(op, op.column.name, drop));
}

/** Knex `.notNullable().alter()` drops NOT NULL and sets it again in the same migration. */
function setAgainLater(migration: Migration, drop: OperationOf<'dropNotNull'>): boolean {
  const later = migration.operations.slice(migration.operations.indexOf(drop) + 1);
  return later.some((op) => op.kind === 'setNotNull' && sameColumn(op, op.column, drop));
}

function sameColumn(op: Operation & { table: string }, column: string, drop: OperationOf<'dropNotNull'>): boolean {
  return (
    op.direction === drop.direction &&
    normaliseName(op.table) === normaliseName(drop.table) &&
    normaliseName(column) === normaliseName(drop.column)
  );
}
