import { getMigration, getSettings } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

const PROBLEM =
  'Adding the NOT NULL column {{column}} to {{table}} without a default fails as soon as {{table}} has a row, and the running release, which does not send {{column}}, cannot insert into {{table}} afterwards.';

export default createRule({
  name: 'require-default-for-not-null-column',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a default on a NOT NULL column added to an existing table',
      recommended: 'recommended',
    },
    messages: {
      notNullWithoutDefault: `${PROBLEM} Give it a constant default, or add it nullable, backfill, then add the NOT NULL constraint.`,
      // Before 11 every default rewrites the table (no-volatile-default), so only the nullable recipe is safe.
      notNullWithoutDefaultBefore11: `${PROBLEM} Add it nullable, backfill in batches, then add the NOT NULL constraint.`,
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        const messageId = getSettings(context).postgresVersion >= 11 ? 'notNullWithoutDefault' : 'notNullWithoutDefaultBefore11';
        const migration = getMigration(context);
        for (const op of checkedOperations(migration, options)) {
          if (op.kind !== 'addColumn' || !onExistingTable(migration, op, op.table)) continue;
          const { column } = op;
          // A primary key is NOT NULL too; serial, identity and generated columns fill themselves.
          const notNull = column.notNull || column.primaryKey;
          const hasDefault = column.default !== undefined && !/^null$/i.test(column.default.text.trim());
          if (!notNull || hasDefault || column.autoIncrement || column.generatedStored) continue;
          context.report({ loc: op.loc, messageId, data: { column: column.name, table: displayName(op.table) } });
        }
      },
    };
  },
});
