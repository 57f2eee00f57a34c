import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

export default createRule({
  name: 'no-rename-column',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow renaming a column that the running release still uses by its old name',
      recommended: 'recommended',
    },
    messages: {
      renameColumn:
        'Renaming column {{column}} of {{table}} to {{newName}} breaks the release still running, whose queries use the old name. Add {{newName}}, write both, backfill, switch reads, then drop {{column}} in a later release (expand/contract).',
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
          if (op.kind !== 'renameColumn' || !onExistingTable(migration, op, op.table)) continue;
          context.report({
            loc: op.loc,
            messageId: 'renameColumn',
            data: { column: op.column, newName: op.newName, table: displayName(op.table) },
          });
        }
      },
    };
  },
});
