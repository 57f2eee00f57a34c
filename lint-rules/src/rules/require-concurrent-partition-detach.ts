import { getMigration, getSettings } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { describeBlocked } from '../model/locks.ts';
import {
  checkedOperations,
  DEFAULT_DIRECTION_OPTIONS,
  DIRECTION_OPTIONS_SCHEMA,
  displayName,
  onExistingTable,
  sqlEditFix,
} from './support.ts';

/** DETACH PARTITION … CONCURRENTLY exists from Postgres 14 on. */
const CONCURRENT_DETACH_SINCE = 14;

export default createRule({
  name: 'require-concurrent-partition-detach',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require partitions to be detached with DETACH PARTITION CONCURRENTLY',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      detachPartition:
        'DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the partitioned table {{table}} and on the partition, which blocks {{blocked}} of {{table}} until the migration commits. Detach with DETACH PARTITION … CONCURRENTLY in a migration that runs outside a transaction.',
      addConcurrently: 'Add CONCURRENTLY (the migration must then run outside a transaction).',
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        if (getSettings(context).postgresVersion < CONCURRENT_DETACH_SINCE) return;
        const migration = getMigration(context);
        for (const op of checkedOperations(migration, options)) {
          if (op.kind !== 'alterTable' || op.action !== 'DETACH PARTITION' || op.concurrently) continue;
          if (!onExistingTable(migration, op, op.table)) continue;
          const fix = sqlEditFix(context.sourceCode, migration, op, { append: ' CONCURRENTLY' });
          context.report({
            loc: op.loc,
            messageId: 'detachPartition',
            data: { table: displayName(op.table), blocked: describeBlocked('ACCESS EXCLUSIVE') },
            suggest: fix ? [{ messageId: 'addConcurrently', fix }] : [],
          });
        }
      },
    };
  },
});
