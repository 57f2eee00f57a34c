import { getMigration, getSettings } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

/** The first version that stores a non-volatile default in the catalog instead of writing it into every row. */
const FAST_DEFAULT_VERSION = 11;

const RECIPE = 'Add the column without a default, set the default in a second statement (ALTER COLUMN … SET DEFAULT), then backfill existing rows in batches.';

export default createRule({
  name: 'no-volatile-default',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow adding a column to an existing table with a default that rewrites the table',
      recommended: 'recommended',
    },
    messages: {
      volatileDefault: `Adding column {{column}} to {{table}} with the volatile default {{default}} computes it for every row: Postgres rewrites {{table}} and its indexes under an ACCESS EXCLUSIVE lock, which blocks every read and write until it is done. ${RECIPE}`,
      anyDefault: `Adding column {{column}} to {{table}} with a default rewrites {{table}} and its indexes on Postgres {{version}} (before 11), under an ACCESS EXCLUSIVE lock that blocks every read and write until it is done. ${RECIPE}`,
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        const { postgresVersion } = getSettings(context);
        const migration = getMigration(context);
        for (const op of checkedOperations(migration, options)) {
          if (op.kind !== 'addColumn' || !onExistingTable(migration, op, op.table)) continue;
          const value = op.column.default;
          // DEFAULT NULL is no default: nothing is written into the rows.
          if (!value || /^null$/i.test(value.text.trim())) continue;
          if (!value.volatile && postgresVersion >= FAST_DEFAULT_VERSION) continue;
          context.report({
            loc: op.loc,
            messageId: value.volatile ? 'volatileDefault' : 'anyDefault',
            data: { column: op.column.name, table: displayName(op.table), default: value.text, version: String(postgresVersion) },
          });
        }
      },
    };
  },
});
