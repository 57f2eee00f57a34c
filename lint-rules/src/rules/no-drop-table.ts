import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

export default createRule({
  name: 'no-drop-table',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow dropping a table that the running release may still use',
      recommended: 'recommended',
    },
    messages: {
      dropTable:
        'Dropping table {{table}} deletes its rows and breaks the release still running, which reads and writes it (and takes an ACCESS EXCLUSIVE lock on {{table}}). Stop using the table in one release, then drop it in a later contract migration and disable this rule there with a reason.',
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
          if (op.kind !== 'dropTable') continue;
          for (const table of op.tables.filter((name) => onExistingTable(migration, op, name))) {
            context.report({ loc: op.loc, messageId: 'dropTable', data: { table: displayName(table) } });
          }
        }
      },
    };
  },
});
