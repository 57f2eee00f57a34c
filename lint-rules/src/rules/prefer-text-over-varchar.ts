import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { createdColumns } from '../model/columns.ts';
import { parseColumnType } from '../model/type-changes.ts';
import { replaceColumnType, statementFix } from './fixes/statement-edits.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName } from './support.ts';

/** `varchar(20)`, `character varying (20)`, `char(2)`, `character`, as written. */
const LIMITED_TEXT = /(?:character\s+varying|varchar|character|char|bpchar)(?:\s*\(\s*\d+\s*\))?/;

export default createRule({
  name: 'prefer-text-over-varchar',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce text instead of varchar(n) and char(n) for new columns',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      varchar:
        'Column {{column}} of {{table}} is {{type}}: a longer value then fails to insert, and lowering the limit rewrites {{table}} under an ACCESS EXCLUSIVE lock. Use text, with a CHECK (char_length({{column}}) <= n) constraint if the limit matters: a CHECK can be replaced (NOT VALID, then VALIDATE) without a long lock.',
      char: 'Column {{column}} of {{table}} is {{type}}, which pads shorter values with spaces and ignores trailing spaces in comparisons, and lowering its length rewrites {{table}}. Use text, with a CHECK constraint on the length if it matters.',
      useText: 'Use text.',
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
            const type = parseColumnType(column.type);
            // An unbounded varchar is text by another name.
            const limited = type?.name === 'char' || (type?.name === 'varchar' && type.modifiers.length > 0);
            if (!type || !limited) continue;
            const fix = statementFix(context.sourceCode, op, replaceColumnType(column.name, LIMITED_TEXT, () => 'text'));
            context.report({
              loc: op.loc,
              messageId: type.name === 'char' ? 'char' : 'varchar',
              data: { column: column.name, table: displayName(table), type: column.type },
              suggest: fix ? [{ messageId: 'useText', fix }] : [],
            });
          }
        }
      },
    };
  },
});
