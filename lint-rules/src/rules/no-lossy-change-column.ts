import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { normaliseName } from '../model/migration.ts';
import type { Operation } from '../model/operation.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

/** What restores what a tool dropped on its own: a later SET DEFAULT or SET NOT NULL on the column. */
const RESTORED_BY: Partial<Record<Operation['kind'], Operation['kind']>> = { dropDefault: 'setDefault', dropNotNull: 'setNotNull' };

export default createRule({
  name: 'no-lossy-change-column',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow tool calls that change a column and silently drop its data, default or NOT NULL',
      recommended: 'recommended',
    },
    messages: {
      droppedDefault:
        "{{call}} also drops the default of {{column}} on {{table}}, so the running release's inserts that leave {{column}} out store NULL instead (or fail if it is NOT NULL). Restate the default in the same call, or write the one change you mean in SQL.",
      droppedNotNull:
        '{{call}} also drops NOT NULL from {{column}} on {{table}}, so NULLs can be written that the running release does not expect to read. Restate NOT NULL in the same call, or write the one change you mean in SQL.',
      droppedColumn:
        '{{call}} drops column {{column}} of {{table}} and adds it again, which loses every value in it (and breaks the running release meanwhile). Change the type in SQL (ALTER TABLE … ALTER COLUMN … TYPE), through expand/contract if it rewrites the table.',
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
          if (op.kind !== 'dropColumn' && op.kind !== 'dropDefault' && op.kind !== 'dropNotNull') return;
          if (!op.impliedBy || !onExistingTable(migration, op, op.table)) return;
          const restore = RESTORED_BY[op.kind];
          const restored = operations.slice(index + 1).some((later) => later.kind === restore && later.direction === op.direction && sameColumn(later, op));
          if (restored) return;
          const messageId = op.kind === 'dropColumn' ? 'droppedColumn' : op.kind === 'dropDefault' ? 'droppedDefault' : 'droppedNotNull';
          context.report({ loc: op.loc, messageId, data: { call: op.impliedBy, column: op.column, table: displayName(op.table) } });
        });
      },
    };
  },
});

function sameColumn(a: Operation, b: { table: string; column: string }): boolean {
  return 'column' in a && typeof a.column === 'string' && normaliseName(a.table) === normaliseName(b.table) && normaliseName(a.column) === normaliseName(b.column);
}
