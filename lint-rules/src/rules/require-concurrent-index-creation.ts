import { getMigration } from '../analysis.ts';
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

export default createRule({
  name: 'require-concurrent-index-creation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require indexes on existing tables to be built with CREATE INDEX CONCURRENTLY',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      createIndex:
        'Building index {{index}} on {{table}} takes a SHARE lock, which blocks {{blocked}} on {{table}} for the whole build. Build it with CREATE INDEX CONCURRENTLY in a migration that runs outside a transaction.',
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
          if (op.kind !== 'createIndex' || op.concurrently || !onExistingTable(migration, op, op.table)) continue;
          // ON ONLY is written for a partitioned table: it creates the parent's index without
          // scanning a partition, and Postgres does not allow CONCURRENTLY there.
          if (op.only) continue;
          // For SQL written in the file: CONCURRENTLY after `CREATE [UNIQUE] INDEX`.
          const fix = sqlEditFix(context.sourceCode, migration, op, { insertAfter: /^create\s+(unique\s+)?index/i, text: ' CONCURRENTLY' });
          context.report({
            loc: op.loc,
            messageId: 'createIndex',
            data: { index: op.name ?? '(unnamed)', table: displayName(op.table), blocked: describeBlocked('SHARE') },
            suggest: fix ? [{ messageId: 'addConcurrently', fix }] : [],
          });
        }
      },
    };
  },
});
