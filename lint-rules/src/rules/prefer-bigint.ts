import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { createdColumns } from '../model/columns.ts';
import type { ColumnDefinition } from '../model/operation.ts';
import { parseColumnType } from '../model/type-changes.ts';
import { replaceColumnType, statementFix } from './fixes/statement-edits.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName } from './support.ts';

/** Narrow integer types, the largest value each holds, and the 64-bit type to use instead. */
const NARROW_TYPES: Record<string, { max: string; wide: string }> = {
  integer: { max: '2,147,483,647', wide: 'bigint' },
  smallint: { max: '32,767', wide: 'bigint' },
  serial: { max: '2,147,483,647', wide: 'bigserial' },
  smallserial: { max: '32,767', wide: 'bigserial' },
};

/** A key, or what holds one: a primary key, a generated number, a reference, or a column named `id` or `…_id`. */
function holdsKeys(column: ColumnDefinition): boolean {
  return column.primaryKey || column.autoIncrement || column.references !== undefined || /(^id|_id|[a-z]Id)$/.test(column.name);
}

export default createRule({
  name: 'prefer-bigint',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce 64-bit integer types for new key and id columns',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      narrowKey:
        'Column {{column}} of {{table}} holds keys in {{type}}, which stops at {{max}}; widening it once the keys run out rewrites {{table}} and its indexes, and every column that references it. Use {{wide}}.',
      useBigint: 'Use {{wide}}.',
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
            const narrow = type && type.arrayDepth === 0 ? NARROW_TYPES[type.name] : undefined;
            if (!narrow || !holdsKeys(column)) continue;
            const written = /integer|int[24]?|smallint|(?:small)?serial[24]?/;
            const fix = statementFix(context.sourceCode, op, replaceColumnType(column.name, written, () => narrow.wide));
            context.report({
              loc: op.loc,
              messageId: 'narrowKey',
              data: { column: column.name, table: displayName(table), type: column.type, ...narrow },
              suggest: fix ? [{ messageId: 'useBigint', data: { wide: narrow.wide }, fix }] : [],
            });
          }
        }
      },
    };
  },
});
