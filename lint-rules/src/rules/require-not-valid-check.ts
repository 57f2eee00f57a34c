import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { normaliseName } from '../model/migration.ts';
import {
  checkedOperations,
  DEFAULT_DIRECTION_OPTIONS,
  DIRECTION_OPTIONS_SCHEMA,
  displayName,
  onExistingTable,
  sqlEditFix,
} from './support.ts';

export default createRule({
  name: 'require-not-valid-check',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require CHECK constraints on existing tables to be added NOT VALID and validated later',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      addCheck:
        'Adding CHECK constraint {{constraint}} scans every existing row of {{table}} while holding an ACCESS EXCLUSIVE lock on {{table}}, which blocks every read and write for the whole scan. Add it with NOT VALID, then VALIDATE CONSTRAINT in a later migration.',
      inlineCheck:
        'Adding column {{column}} with a CHECK constraint checks every existing row of {{table}} while holding an ACCESS EXCLUSIVE lock on {{table}}, which blocks every read and write for the whole scan. Add the column without the CHECK, then add the constraint with NOT VALID and VALIDATE CONSTRAINT in a later migration.',
      addNotValid: 'Add NOT VALID (then validate the constraint in a later migration).',
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
          if (op.kind === 'addColumn' && op.column.check && onExistingTable(migration, op, op.table)) {
            context.report({ loc: op.loc, messageId: 'inlineCheck', data: { column: op.column.name, table: displayName(op.table) } });
          }
          if (op.kind !== 'addConstraint' || op.constraint.type !== 'check' || op.constraint.notValid) continue;
          if (!onExistingTable(migration, op, op.table)) continue;
          const fix = sqlEditFix(context.sourceCode, migration, op, { append: ' NOT VALID' });
          context.report({
            loc: op.loc,
            messageId: 'addCheck',
            data: { constraint: op.constraint.name ? normaliseName(op.constraint.name) : '(unnamed)', table: displayName(op.table) },
            suggest: fix ? [{ messageId: 'addNotValid', fix }] : [],
          });
        }
      },
    };
  },
});
