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
  name: 'require-not-valid-foreign-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require foreign keys on existing tables to be added NOT VALID and validated later',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      addForeignKey:
        'Adding foreign key {{constraint}} checks every existing row of {{table}} while holding a SHARE ROW EXCLUSIVE lock on {{table}} and {{referenced}}, which blocks every write (INSERT, UPDATE, DELETE) to both for the whole scan. Add it with NOT VALID, then VALIDATE CONSTRAINT in a later migration.',
      inlineReference:
        'Adding column {{column}} with REFERENCES {{referenced}} validates the new foreign key over every existing row of {{table}} while holding an ACCESS EXCLUSIVE lock on {{table}} (every read and write blocked) and a SHARE ROW EXCLUSIVE lock on {{referenced}} (every write blocked). Add the column without REFERENCES, then add the foreign key with NOT VALID and VALIDATE CONSTRAINT in a later migration.',
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
          if (op.kind === 'addColumn' && op.column.references !== undefined && onExistingTable(migration, op, op.table)) {
            context.report({
              loc: op.loc,
              messageId: 'inlineReference',
              data: { column: op.column.name, table: displayName(op.table), referenced: displayName(op.column.references) },
            });
          }
          if (op.kind !== 'addConstraint' || op.constraint.type !== 'foreignKey' || op.constraint.notValid) continue;
          if (!onExistingTable(migration, op, op.table)) continue;
          const fix = sqlEditFix(context.sourceCode, migration, op, { append: ' NOT VALID' });
          context.report({
            loc: op.loc,
            messageId: 'addForeignKey',
            data: {
              constraint: op.constraint.name ? normaliseName(op.constraint.name) : '(unnamed)',
              table: displayName(op.table),
              referenced: op.constraint.referencedTable ? displayName(op.constraint.referencedTable) : 'the referenced table',
            },
            suggest: fix ? [{ messageId: 'addNotValid', fix }] : [],
          });
        }
      },
    };
  },
});
