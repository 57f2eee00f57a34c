import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { createdColumns } from '../model/columns.ts';
import { parseColumnType } from '../model/type-changes.ts';
import { replaceColumnType, statementFix } from './fixes/statement-edits.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName } from './support.ts';

export default createRule({
  name: 'prefer-jsonb',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce jsonb instead of json for new columns',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      json: 'Column {{column}} of {{table}} is {{type}}, which stores the text as written and has no equality operator, so DISTINCT, GROUP BY, UNION and unique indexes over it fail, and changing it to jsonb later rewrites the table. Use jsonb.',
      useJsonb: 'Use jsonb.',
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        for (const op of checkedOperations(getMigration(context), options)) {
          for (const { table, column } of createdColumns(op)) {
            if (parseColumnType(column.type)?.name !== 'json') continue;
            const fix = statementFix(context.sourceCode, op, replaceColumnType(column.name, /json/, () => 'jsonb'));
            context.report({
              loc: op.loc,
              messageId: 'json',
              data: { column: column.name, table: displayName(table), type: column.type },
              suggest: fix ? [{ messageId: 'useJsonb', fix }] : [],
            });
          }
        }
      },
    };
  },
});
