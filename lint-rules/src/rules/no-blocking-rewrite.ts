import { getMigration, getSettings } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import type { Migration } from '../model/migration.ts';
import type { Operation } from '../model/operation.ts';
import { checkedOperations, DEFAULT_DIRECTION_OPTIONS, DIRECTION_OPTIONS_SCHEMA, displayName, onExistingTable } from './support.ts';

/** ALTER TABLE actions that copy the whole table to new files (sql-altertable.html). */
const STORAGE_REWRITES = new Set(['SET LOGGED', 'SET UNLOGGED', 'SET TABLESPACE', 'SET ACCESS METHOD']);

/** REPACK (CONCURRENTLY) replaces VACUUM FULL and CLUSTER without the long lock. */
const REPACK_VERSION = 19;

const MAINTENANCE = '{{command}} rewrites {{target}} under an ACCESS EXCLUSIVE lock, which blocks every read and write until the copy is complete.';

export default createRule({
  name: 'no-blocking-rewrite',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow statements that rewrite an existing table while blocking every read and write of it',
      recommended: 'recommended',
    },
    messages: {
      maintenance: `${MAINTENANCE} Use pg_repack, which rebuilds the table while it stays readable and writable.`,
      maintenanceRepack: `${MAINTENANCE} Use REPACK (CONCURRENTLY), which takes that lock only to swap the files at the end.`,
      storage:
        'ALTER TABLE … {{command}} copies {{target}} to new files under an ACCESS EXCLUSIVE lock, which blocks every read and write until the copy is complete. Create a new table with the storage you want, copy the rows in batches while writes go to both, then swap the tables; or run it in a maintenance window.',
    },
    schema: DIRECTION_OPTIONS_SCHEMA,
    defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  },
  defaultOptions: DEFAULT_DIRECTION_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        const maintenance = getSettings(context).postgresVersion >= REPACK_VERSION ? 'maintenanceRepack' : 'maintenance';
        const migration = getMigration(context);
        for (const op of checkedOperations(migration, options)) {
          const rewrite = rewriteOf(migration, op);
          if (!rewrite) continue;
          context.report({ loc: op.loc, messageId: op.kind === 'maintenance' ? maintenance : 'storage', data: rewrite });
        }
      },
    };
  },
});

/** The command and what it rewrites, when `op` rewrites an existing table. */
function rewriteOf(migration: Migration, op: Operation): { command: string; target: string } | undefined {
  if (op.kind === 'maintenance') {
    const command = op.command === 'vacuumFull' ? 'VACUUM FULL' : 'CLUSTER';
    const tables = op.tables.filter((table) => table !== '');
    // Without a table, VACUUM FULL rewrites every table of the database and CLUSTER every clustered one.
    if (tables.length === 0) return { command, target: op.command === 'vacuumFull' ? 'every table of the database' : 'every clustered table' };
    const existing = tables.filter((table) => onExistingTable(migration, op, table));
    return existing.length > 0 ? { command, target: existing.map(displayName).join(', ') } : undefined;
  }
  if (op.kind === 'alterTable' && STORAGE_REWRITES.has(op.action) && onExistingTable(migration, op, op.table)) {
    return { command: op.action, target: displayName(op.table) };
  }
  return undefined;
}
