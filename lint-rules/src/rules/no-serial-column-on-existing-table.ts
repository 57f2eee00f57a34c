import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

export default createRule({
  name: 'no-serial-column-on-existing-table',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow adding a serial or identity column to an existing table',
      recommended: 'recommended',
    },
    messages: {
      autoIncrement:
        'Adding the auto-incrementing column {{column}} ({{type}}) to {{table}} gives every existing row its own value: Postgres rewrites {{table}} and its indexes under an ACCESS EXCLUSIVE lock, which blocks every read and write until it is done. Create a new table with the column, copy the rows in batches while writes go to both, then swap the tables.',
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
          if (op.kind !== 'addColumn' || !op.column.autoIncrement || !onExistingTable(migration, op, op.table)) continue;
          context.report({
            loc: op.loc,
            messageId: 'autoIncrement',
            data: { column: op.column.name, type: op.column.type || 'identity', table: displayName(op.table) },
          });
        }
      },
    };
  },
});
