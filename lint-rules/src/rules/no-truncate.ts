import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

const RECIPE =
  'Delete the rows in batches (DELETE over a key range per transaction), or truncate a table in a contract migration once no running code uses it.';

export default createRule({
  name: 'no-truncate',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow TRUNCATE of existing tables in migrations',
      recommended: 'recommended',
    },
    messages: {
      truncate: `TRUNCATE {{tables}} deletes every row under an ACCESS EXCLUSIVE lock, which blocks every read and write of {{tables}}, and the running release loses the data it works with. ${RECIPE}`,
      truncateCascade: `TRUNCATE {{tables}} CASCADE deletes every row under an ACCESS EXCLUSIVE lock, which blocks every read and write, and also empties every table that references {{tables}} through a foreign key, whichever they are. ${RECIPE}`,
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
          if (op.kind !== 'truncate') continue;
          const existing = op.tables.filter((table) => onExistingTable(migration, op, table));
          if (existing.length === 0) continue;
          context.report({
            loc: op.loc,
            messageId: op.cascade ? 'truncateCascade' : 'truncate',
            data: { tables: existing.map(displayName).join(', ') },
          });
        }
      },
    };
  },
});
