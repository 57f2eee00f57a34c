import type { TSESLint } from '@typescript-eslint/utils';
import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { normaliseName } from '../model/migration.ts';
import type { Operation, OperationOf } from '../model/operation.ts';
import { statementFix } from './fixes/statement-edits.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

export default createRule({
  name: 'no-rename-table',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow renaming a table that the running release still uses by its old name, unless a view keeps the old name',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      renameTable:
        'Renaming table {{table}} to {{newName}} breaks the release still running, whose queries use the old name. Create a view named {{table}} over {{newName}} in the same migration (a simple view can be read and written like the table), or move to the new name through expand/contract.',
      addView: 'Create the view {{table}} over {{newName}} right after the rename.',
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        const migration = getMigration(context);
        const operations = checkedOperations(migration, options);
        operations.forEach((op, index) => {
          if (op.kind !== 'renameTable' || !onExistingTable(migration, op, op.table)) return;
          const oldName = normaliseName(op.table);
          const keepsOldName = operations
            .slice(index + 1)
            .some((later) => later.kind === 'createView' && later.direction === op.direction && normaliseName(later.name) === oldName);
          if (keepsOldName) return;
          const data = { table: displayName(op.table), newName: op.newName };
          context.report({ loc: op.loc, messageId: 'renameTable', data, suggest: viewSuggestion(context.sourceCode, op, data) });
        });
      },
    };
  },
});

/** For SQL written in the migration: `…; CREATE VIEW old AS SELECT * FROM new`, in the renamed table's schema. */
function viewSuggestion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  op: OperationOf<'renameTable'>,
  data: Record<string, string>,
): TSESLint.SuggestionReportDescriptor<'addView'>[] {
  const schema = op.table.includes('.') ? `${identifier(op.table.slice(0, op.table.lastIndexOf('.')))}.` : '';
  const oldName = op.table.split('.').map(identifier).join('.');
  const fix = statementFix(sourceCode, op as Operation, (statement) => `${statement}; CREATE VIEW ${oldName} AS SELECT * FROM ${schema}${identifier(op.newName)}`);
  return fix ? [{ messageId: 'addView', data, fix }] : [];
}

/** A name quoted, so that case, characters and key words (`user`) stay as they are. */
function identifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
