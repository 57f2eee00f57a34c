import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { isBinaryCoercible, typeBefore } from '../model/type-changes.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

const RECIPE =
  'Add a column of the new type, write both, backfill it in batches, switch reads, then drop the old column (expand/contract).';

export default createRule({
  name: 'no-column-type-change',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow changing the type of a column of an existing table unless Postgres needs no rewrite for it',
      recommended: 'recommended',
    },
    messages: {
      typeChange: `Changing column {{column}} of {{table}} from {{from}} to {{to}} rewrites {{table}} and rebuilds its indexes under an ACCESS EXCLUSIVE lock, which blocks every read and write until it is done, and the running release still reads and writes the old type. ${RECIPE}`,
      unknownTypeChange: `Changing column {{column}} of {{table}} to {{to}} rewrites {{table}} and rebuilds its indexes under an ACCESS EXCLUSIVE lock, which blocks every read and write until it is done, unless the old type converts without a rewrite, and this migration does not show the old type. ${RECIPE} For a change that needs no rewrite (varchar(n) to text or to a longer varchar), change the column back in down so that the old type is known.`,
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
          if (op.kind !== 'alterColumnType' || !onExistingTable(migration, op, op.table)) continue;
          const from = typeBefore(migration, op);
          // A USING that computes new values rewrites whatever the types.
          if (op.using === undefined && isBinaryCoercible(from, op.newType)) continue;
          const data = { column: op.column, table: displayName(op.table), from: from ?? '', to: op.newType };
          context.report({ loc: op.loc, messageId: from ? 'typeChange' : 'unknownTypeChange', data });
        }
      },
    };
  },
});
