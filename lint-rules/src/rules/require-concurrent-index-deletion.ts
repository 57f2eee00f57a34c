import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { describeBlocked } from '../model/locks.ts';
import { normaliseName, type Migration } from '../model/migration.ts';
import type { OperationOf } from '../model/operation.ts';
import {
  checkedOperations,
  DEFAULT_DIRECTION_OPTIONS,
  DIRECTION_OPTIONS_SCHEMA,
  displayName,
  onExistingTable,
  sqlEditFix,
} from './support.ts';

export default createRule({
  name: 'require-concurrent-index-deletion',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require indexes to be dropped with DROP INDEX CONCURRENTLY',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      dropIndex:
        'Dropping index {{index}} takes an ACCESS EXCLUSIVE lock on {{table}}, which blocks {{blocked}} on it until the migration commits, and while the drop waits for running queries every later query queues behind it. Drop it with DROP INDEX CONCURRENTLY in a migration that runs outside a transaction.',
      addConcurrently: 'Add CONCURRENTLY (the migration must then run outside a transaction).',
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
          if (op.kind !== 'dropIndex' || op.concurrently) continue;
          const table = op.table ?? tableOfIndexCreatedEarlier(migration, op);
          if (table !== undefined && !onExistingTable(migration, op, table)) continue;
          // DROP INDEX CONCURRENTLY takes one index and no CASCADE.
          const fix =
            op.names.length === 1 && !/\bcascade\b/i.test(op.text)
              ? sqlEditFix(context.sourceCode, migration, op, { insertAfter: /^drop\s+index/i, text: ' CONCURRENTLY' })
              : undefined;
          context.report({
            loc: op.loc,
            messageId: 'dropIndex',
            data: {
              index: op.names.map(normaliseName).join(', '),
              table: table === undefined ? 'its table' : displayName(table),
              blocked: describeBlocked('ACCESS EXCLUSIVE'),
            },
            suggest: fix ? [{ messageId: 'addConcurrently', fix }] : [],
          });
        }
      },
    };
  },
});

/** The table of an index built earlier in the same migration: SQL's DROP INDEX names only the index. */
function tableOfIndexCreatedEarlier(migration: Migration, drop: OperationOf<'dropIndex'>): string | undefined {
  if (drop.names.length !== 1) return undefined;
  const name = normaliseName(drop.names[0]!);
  let table: string | undefined;
  for (const op of migration.operations) {
    if (op === drop) break;
    if (op.kind === 'createIndex' && op.direction === drop.direction && op.name && normaliseName(op.name) === name) table = op.table;
  }
  return table;
}
