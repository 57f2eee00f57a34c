import { getMigration, getSettings } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { normaliseName, type Migration } from '../model/migration.ts';
import type { OperationOf } from '../model/operation.ts';
import {
  checkedOperations,
  DEFAULT_DIRECTION_OPTIONS,
  DIRECTION_OPTIONS_SCHEMA,
  onExistingTable,
  sqlEditFix,
} from './support.ts';

/** REINDEX CONCURRENTLY exists from Postgres 12 on. */
const CONCURRENT_REINDEX_SINCE = 12;

export default createRule({
  name: 'require-concurrent-reindex',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require REINDEX to run CONCURRENTLY',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      reindex:
        'REINDEX {{scope}} {{target}} takes a SHARE lock on each table it rebuilds, which blocks every write, and an ACCESS EXCLUSIVE lock on each index, which blocks nearly every read too because the planner locks every index of a table it plans a query on. Rebuild with REINDEX CONCURRENTLY in a migration that runs outside a transaction.',
      addConcurrently: 'Add CONCURRENTLY (the migration must then run outside a transaction).',
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        if (getSettings(context).postgresVersion < CONCURRENT_REINDEX_SINCE) return;
        const migration = getMigration(context);
        for (const op of checkedOperations(migration, options)) {
          // REINDEX SYSTEM cannot run concurrently: there is no safer form to ask for.
          if (op.kind !== 'reindex' || op.concurrently || op.scope === 'system' || onNewTable(migration, op)) continue;
          const fix = sqlEditFix(context.sourceCode, migration, op, {
            insertAfter: /^reindex\s+(index|table|schema|database)\b/i,
            text: ' CONCURRENTLY',
          });
          context.report({
            loc: op.loc,
            messageId: 'reindex',
            data: { scope: op.scope.toUpperCase(), target: normaliseName(op.target) },
            suggest: fix ? [{ messageId: 'addConcurrently', fix }] : [],
          });
        }
      },
    };
  },
});

/** A table created earlier in the migration, or an index built on one: nobody queries it yet. */
function onNewTable(migration: Migration, reindex: OperationOf<'reindex'>): boolean {
  if (reindex.scope === 'table') return !onExistingTable(migration, reindex, reindex.target);
  if (reindex.scope !== 'index') return false;
  const name = normaliseName(reindex.target);
  const created = migration.operations.find(
    (op) => op.kind === 'createIndex' && op.direction === reindex.direction && op.name !== undefined && normaliseName(op.name) === name,
  );
  return created?.kind === 'createIndex' && !onExistingTable(migration, created, created.table);
}
