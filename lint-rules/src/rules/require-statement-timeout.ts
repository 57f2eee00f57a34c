import { getMigration, getSettings } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import type { Direction, Operation } from '../model/operation.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

/** ALTER TABLE actions that write the table anew (alter_table.sgml). */
const REWRITING_ACTIONS = new Set(['SET LOGGED', 'SET UNLOGGED', 'SET TABLESPACE', 'SET ACCESS METHOD']);

/** Postgres 11 stores a constant default in the catalog instead of writing it into every row. */
const STORED_DEFAULTS_SINCE = 11;

export default createRule({
  name: 'require-statement-timeout',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require statement_timeout to be set before DDL whose run time grows with the size of an existing table',
      recommended: 'strict',
    },
    messages: {
      missingStatementTimeout:
        "This statement {{work}} {{table}}, so it runs as long as the table is large, and no statement_timeout is set earlier in the migration: if it runs far longer than planned, nothing stops it while it holds its lock. Set statement_timeout first (SET statement_timeout = '15min', sized for the table), and plan what to do when it fires.",
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        const settings = getSettings(context);
        if (settings.statementTimeout === 'connection') return;
        const migration = getMigration(context);
        const timeoutSet = new Set<Direction>();
        for (const op of checkedOperations(migration, options)) {
          if (setsStatementTimeout(op)) timeoutSet.add(op.direction);
          if (timeoutSet.has(op.direction)) continue;
          const long = longRunningWork(op, settings.postgresVersion);
          if (!long || !onExistingTable(migration, op, long.table)) continue;
          context.report({ loc: op.loc, messageId: 'missingStatementTimeout', data: { work: long.work, table: displayName(long.table) } });
        }
      },
    };
  },
});

function setsStatementTimeout(op: Operation): boolean {
  return op.kind === 'setting' && op.name === 'statement_timeout' && !['0', 'DEFAULT', ''].includes(op.value);
}

/** What a statement does that reads or writes a whole table (or index), in words that follow "This statement". */
function longRunningWork(op: Operation, postgresVersion: number): { work: string; table: string } | undefined {
  switch (op.kind) {
    case 'createIndex':
      return op.concurrently ? undefined : { work: 'builds an index by reading every row of', table: op.table };
    case 'reindex':
      return op.concurrently ? undefined : { work: 'rebuilds the indexes of', table: op.target };
    case 'addConstraint': {
      const { constraint } = op;
      if (constraint.notValid || constraint.usingIndex) return undefined;
      const builds = constraint.type === 'unique' || constraint.type === 'primaryKey' || constraint.type === 'exclusion';
      return { work: builds ? 'builds the index of a constraint by reading every row of' : 'checks the new constraint against every row of', table: op.table };
    }
    case 'validateConstraint':
      return { work: 'checks the constraint against every row of', table: op.table };
    case 'setNotNull':
      return { work: 'reads every row (unless a valid CHECK proves the column has no NULL) of', table: op.table };
    case 'alterColumnType':
      return { work: 'changes a column type, which may rewrite every row and rebuild the indexes of', table: op.table };
    case 'addColumn': {
      const { column } = op;
      const rewrites = column.generatedStored || column.autoIncrement || column.default?.volatile || (column.default !== undefined && postgresVersion < STORED_DEFAULTS_SINCE);
      return rewrites ? { work: 'adds a column that is written into every row of', table: op.table } : undefined;
    }
    case 'maintenance':
      return op.tables[0] === undefined ? undefined : { work: 'rewrites', table: op.tables[0] };
    case 'alterTable':
      return REWRITING_ACTIONS.has(op.action) ? { work: 'rewrites', table: op.table } : undefined;
    default:
      return undefined;
  }
}
