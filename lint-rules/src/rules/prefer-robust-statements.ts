import type { TSESLint } from '@typescript-eslint/utils';
import { getMigration } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import type { Operation } from '../model/operation.ts';
import { checkedSpans } from '../model/transactions.ts';
import { DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA } from './support.ts';

interface Unguarded {
  statement: string;
  guard: 'IF NOT EXISTS' | 'IF EXISTS';
  /** The statement's leading keywords, after which SQL takes the guard; undefined when it cannot go there. */
  keywords?: RegExp;
}

export default createRule({
  name: 'prefer-robust-statements',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce IF [NOT] EXISTS on CREATE and DROP statements of migrations that run outside a transaction',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      unguarded:
        '{{statement}} without {{guard}} fails when it runs a second time, and {{reason}}: when a later statement fails, or the run stops before the tool records the migration, what ran stays applied and the re-run stops at this statement. Write it with {{guard}}.',
      addGuard: 'Add {{guard}}.',
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        const migration = getMigration(context);
        const reason = migration.transaction.wrapped === false ? migration.transaction.reason : 'this statement runs outside a transaction';
        for (const span of checkedSpans(migration, options)) {
          if (span.transactional !== false) continue;
          for (const op of span.operations) {
            const unguarded = unguardedStatement(op);
            if (!unguarded) continue;
            const { statement, guard } = unguarded;
            context.report({ loc: op.loc, messageId: 'unguarded', data: { statement, guard, reason }, suggest: guardSuggestion(context.sourceCode, op, unguarded) });
          }
        }
      },
    };
  },
});

/** CREATE and DROP of tables, columns and indexes written without their guard (`false`, not unknown). */
function unguardedStatement(op: Operation): Unguarded | undefined {
  switch (op.kind) {
    case 'createTable':
      return op.ifNotExists === false ? { statement: 'CREATE TABLE', guard: 'IF NOT EXISTS', keywords: /^create\s+(unlogged\s+)?table/i } : undefined;
    case 'dropTable':
      return op.ifExists === false ? { statement: 'DROP TABLE', guard: 'IF EXISTS', keywords: /^drop\s+table/i } : undefined;
    case 'addColumn':
      return op.ifNotExists === false ? { statement: 'ADD COLUMN', guard: 'IF NOT EXISTS' } : undefined;
    case 'dropColumn':
      return op.ifExists === false ? { statement: 'DROP COLUMN', guard: 'IF EXISTS' } : undefined;
    case 'createIndex':
      // IF NOT EXISTS needs a name: an unnamed index is created again under a new one.
      return op.ifNotExists ? undefined : { statement: 'CREATE INDEX', guard: 'IF NOT EXISTS', keywords: op.name ? /^create\s+(unique\s+)?index(\s+concurrently)?/i : undefined };
    case 'dropIndex':
      return op.ifExists ? undefined : { statement: 'DROP INDEX', guard: 'IF EXISTS', keywords: /^drop\s+index(\s+concurrently)?/i };
    default:
      return undefined;
  }
}

/** For SQL written in the file, insert the guard after the statement's leading keywords. */
function guardSuggestion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  op: Operation,
  { guard, keywords }: Unguarded,
): TSESLint.SuggestionReportDescriptor<'addGuard'>[] {
  const written = keywords?.exec(op.text)?.[0];
  if (op.origin !== 'sql' || !written) return [];
  const start = sourceCode.getIndexFromLoc(op.loc.start);
  if (sourceCode.text.slice(start, start + written.length) !== written) return [];
  return [{ messageId: 'addGuard', data: { guard }, fix: (fixer) => fixer.insertTextAfterRange([start, start + written.length], ` ${guard}`) }];
}
