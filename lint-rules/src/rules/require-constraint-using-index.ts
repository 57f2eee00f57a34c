import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { normaliseName } from '../model/migration.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

export default createRule({
  name: 'require-constraint-using-index',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require UNIQUE and PRIMARY KEY constraints on existing tables to be added USING an index built concurrently',
      recommended: 'recommended',
    },
    messages: {
      addConstraint:
        'Adding {{kind}} constraint {{constraint}} builds its unique index while holding an ACCESS EXCLUSIVE lock on {{table}}, which blocks every read and write for the whole build. Build the index with CREATE UNIQUE INDEX CONCURRENTLY first, then add the constraint with ADD CONSTRAINT … {{kind}} USING INDEX.',
      inlineConstraint:
        'Adding column {{column}} as {{kind}} builds a unique index while holding an ACCESS EXCLUSIVE lock on {{table}}, which blocks every read and write for the whole build. Add the column without {{kind}}, build the index with CREATE UNIQUE INDEX CONCURRENTLY, then add the constraint with ADD CONSTRAINT … {{kind}} USING INDEX.',
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
          if (op.kind === 'addColumn' && (op.column.primaryKey || op.column.unique) && onExistingTable(migration, op, op.table)) {
            context.report({
              loc: op.loc,
              messageId: 'inlineConstraint',
              data: { column: op.column.name, kind: op.column.primaryKey ? 'PRIMARY KEY' : 'UNIQUE', table: displayName(op.table) },
            });
          }
          if (op.kind !== 'addConstraint' || op.constraint.usingIndex !== undefined) continue;
          if (op.constraint.type !== 'unique' && op.constraint.type !== 'primaryKey') continue;
          if (!onExistingTable(migration, op, op.table)) continue;
          context.report({
            loc: op.loc,
            messageId: 'addConstraint',
            data: {
              kind: op.constraint.type === 'primaryKey' ? 'PRIMARY KEY' : 'UNIQUE',
              constraint: op.constraint.name ? normaliseName(op.constraint.name) : '(unnamed)',
              table: displayName(op.table),
            },
          });
        }
      },
    };
  },
});
