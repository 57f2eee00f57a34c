import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { createdColumns } from '../model/columns.ts';
import { parseColumnType } from '../model/type-changes.ts';
import { replaceColumnType, statementFix } from './fixes/statement-edits.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName } from './support.ts';

/** `timestamp`, `timestamp(3)`, `timestamp without time zone`, as written. */
const TIMESTAMP = /timestamp(?:\s*\(\s*\d+\s*\))?(?:\s+without\s+time\s+zone)?/;

export default createRule({
  name: 'prefer-timestamptz',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce timestamptz instead of timestamp without time zone for new columns',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      timestamp:
        'Column {{column}} of {{table}} is {{type}} (without time zone): it keeps the wall-clock time and drops the offset, so the same value means different instants to sessions and servers in different time zones. Use timestamptz, which stores an instant.',
      useTimestamptz: 'Use timestamptz.',
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
            if (parseColumnType(column.type)?.name !== 'timestamp') continue;
            const precision = (written: string) => /\(\s*\d+\s*\)/.exec(written)?.[0].replace(/\s/g, '') ?? '';
            const fix = statementFix(context.sourceCode, op, replaceColumnType(column.name, TIMESTAMP, (written) => `timestamptz${precision(written)}`));
            context.report({
              loc: op.loc,
              messageId: 'timestamp',
              data: { column: column.name, table: displayName(table), type: column.type },
              suggest: fix ? [{ messageId: 'useTimestamptz', fix }] : [],
            });
          }
        }
      },
    };
  },
});
