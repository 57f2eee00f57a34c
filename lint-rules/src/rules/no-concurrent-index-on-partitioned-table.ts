import { getMigration, getSettings } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { normaliseName, type Migration } from '../model/migration.ts';
import type { Operation } from '../model/operation.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName } from './support.ts';

export default createRule({
  name: 'no-concurrent-index-on-partitioned-table',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CREATE INDEX CONCURRENTLY on a partitioned table, which Postgres rejects',
      recommended: 'recommended',
    },
    messages: {
      partitionedTable:
        'CREATE INDEX CONCURRENTLY fails on {{table}}, a partitioned table ({{evidence}}): Postgres cannot build an index on a partitioned table concurrently, so the migration stops with an error. Create the index ON ONLY {{table}}, build the index of each partition with CREATE INDEX CONCURRENTLY, then attach each one with ALTER INDEX … ATTACH PARTITION.',
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        const migration = getMigration(context);
        const declared = new Set((getSettings(context).partitionedTables ?? []).map(normaliseName));
        for (const op of checkedOperations(migration, options)) {
          if (op.kind !== 'createIndex' || !op.concurrently) continue;
          const table = normaliseName(op.table);
          const created = createdPartitioned(migration, op, table);
          const evidence = created
            ? `created with PARTITION BY at line ${created.loc.start.line}`
            : declared.has(table)
              ? "listed in settings['live-upgrade'].partitionedTables"
              : undefined;
          if (evidence === undefined) continue;
          context.report({ loc: op.loc, messageId: 'partitionedTable', data: { table: displayName(op.table), evidence } });
        }
      },
    };
  },
});

/** The CREATE TABLE … PARTITION BY of `table` earlier in the same direction of the migration. */
function createdPartitioned(migration: Migration, before: Operation, table: string): Operation | undefined {
  let created: Operation | undefined;
  for (const op of migration.operations) {
    if (op === before) break;
    if (op.kind === 'createTable' && op.direction === before.direction && normaliseName(op.table) === table) {
      created = op.partitioned ? op : undefined;
    }
  }
  return created;
}
