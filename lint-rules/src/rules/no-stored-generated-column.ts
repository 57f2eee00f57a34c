import type { TSESLint } from '@typescript-eslint/utils';
import { getMigration, getSettings } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import type { Operation } from '../model/operation.ts';
import { replaceOnce, statementFix } from './fixes/statement-edits.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

/** Virtual generated columns, computed when read, arrived in Postgres 18. */
const VIRTUAL_VERSION = 18;

export default createRule({
  name: 'no-stored-generated-column',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow adding a stored generated column to an existing table',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      storedGenerated:
        'Adding the stored generated column {{column}} to {{table}} computes it for every row: Postgres rewrites {{table}} and its indexes under an ACCESS EXCLUSIVE lock, which blocks every read and write until it is done. Add a plain column kept up to date by a trigger and backfill it in batches{{virtual}}.',
      makeVirtual: 'Make the column VIRTUAL: computed when read, so adding it rewrites nothing (it cannot be indexed).',
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        const virtualAvailable = getSettings(context).postgresVersion >= VIRTUAL_VERSION;
        const migration = getMigration(context);
        for (const op of checkedOperations(migration, options)) {
          if (op.kind !== 'addColumn' || !op.column.generatedStored || !onExistingTable(migration, op, op.table)) continue;
          context.report({
            loc: op.loc,
            messageId: 'storedGenerated',
            data: {
              column: op.column.name,
              table: displayName(op.table),
              virtual: virtualAvailable ? ', or make it VIRTUAL (computed when read)' : '',
            },
            suggest: virtualAvailable ? virtualSuggestion(context.sourceCode, op) : [],
          });
        }
      },
    };
  },
});

function virtualSuggestion(sourceCode: Readonly<TSESLint.SourceCode>, op: Operation): TSESLint.SuggestionReportDescriptor<'makeVirtual'>[] {
  const fix = statementFix(sourceCode, op, replaceOnce(/\bSTORED\b/i, (match) => (match[0] === 'STORED' ? 'VIRTUAL' : 'virtual')));
  return fix ? [{ messageId: 'makeVirtual', fix }] : [];
}
