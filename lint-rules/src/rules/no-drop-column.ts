import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

export default createRule({
  name: 'no-drop-column',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow dropping a column that the running release may still use',
      recommended: 'recommended',
    },
    messages: {
      dropColumn:
        'Dropping column {{column}} of {{table}} breaks the release still running, which reads and writes it (and takes an ACCESS EXCLUSIVE lock on {{table}}). Stop using the column in one release, then drop it in a later contract migration and disable this rule there with a reason.',
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
          if (op.kind !== 'dropColumn' || !onExistingTable(migration, op, op.table)) continue;
          context.report({ loc: op.loc, messageId: 'dropColumn', data: { column: op.column, table: displayName(op.table) } });
        }
      },
    };
  },
});
