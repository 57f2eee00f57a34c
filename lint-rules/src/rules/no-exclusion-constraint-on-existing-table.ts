import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { normaliseName } from '../model/migration.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

export default createRule({
  name: 'no-exclusion-constraint-on-existing-table',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow adding an exclusion constraint to an existing table',
      recommended: 'recommended',
    },
    messages: {
      addExclusion:
        'Adding exclusion constraint {{constraint}} builds its index and checks every row of {{table}} while holding an ACCESS EXCLUSIVE lock on {{table}}, which blocks every read and write for the whole build; an exclusion constraint cannot be added NOT VALID or USING INDEX. Declare it when the table is created, or add it in a window where blocking {{table}} is acceptable, with a short lock_timeout, and disable this rule there with a reason.',
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
          if (op.kind !== 'addConstraint' || op.constraint.type !== 'exclusion' || !onExistingTable(migration, op, op.table)) continue;
          context.report({
            loc: op.loc,
            messageId: 'addExclusion',
            data: { constraint: op.constraint.name ? normaliseName(op.constraint.name) : '(unnamed)', table: displayName(op.table) },
          });
        }
      },
    };
  },
});
