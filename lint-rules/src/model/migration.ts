import type { TSESTree } from '@typescript-eslint/types';
import type { Direction, Operation, OperationKind, OperationOf } from './operation.ts';

export type Tool =
  | 'knex'
  | 'kysely'
  | 'node-pg-migrate'
  | 'typeorm'
  | 'sequelize'
  | 'mikro-orm'
  | 'drizzle'
  | 'prisma'
  | 'graphile-migrate'
  | 'sql';

/**
 * Whether the migration's statements run inside one transaction, as the tool runs them.
 * `wrapped: undefined` means it cannot be known from the file or the settings.
 */
export interface TransactionContext {
  wrapped: boolean | undefined;
  /** Why, in a sentence that can be quoted in a report. */
  reason: string;
  /** How to run this migration outside a transaction with this tool. */
  optOut: string;
  /**
   * The tool sends the statements as one query string, which Postgres runs as one implicit
   * transaction: an explicit BEGIN in it starts a regular transaction block instead of nesting.
   */
  implicit?: boolean;
}

export interface Migration {
  tool: Tool | undefined;
  transaction: TransactionContext;
  /** Every operation of the file, in source order. */
  operations: readonly Operation[];
  /** Modules the file loads when it runs (`import`, `require`, `import()`; type-only imports are erased). */
  imports?: readonly ModuleImport[];
  /** How the migration is rolled back; undefined when the tool has no `down` (Prisma, Drizzle, plain SQL). */
  down?: DownMigration;
}

export interface ModuleImport {
  /** The specifier as written: `'../src/models/user'`, `'@/services'`, `'knex'`. */
  source: string;
  loc: TSESTree.SourceLocation;
}

export interface DownMigration {
  /**
   * `missing`: the file has no `down`; `inferred`: none, and the tool reverses `up` instead;
   * `empty`: a `down` without statements; `written`: one that runs something.
   */
  body: 'missing' | 'inferred' | 'empty' | 'written';
  /** An empty `down` holds a comment that says why it does nothing. */
  explained: boolean;
  /** Where a report about it points: the `down`, or the `up` when there is no `down`. */
  loc: TSESTree.SourceLocation;
}

export function operationsOf<K extends OperationKind>(
  migration: Migration,
  kind: K,
  direction?: Direction,
): OperationOf<K>[] {
  return migration.operations.filter(
    (op): op is OperationOf<K> => op.kind === kind && (direction === undefined || op.direction === direction),
  );
}

/** Tables created earlier in the same direction of this migration: nobody reads them yet. */
export function isNewTable(migration: Migration, table: string, before: Operation): boolean {
  const name = normaliseName(table);
  for (const op of migration.operations) {
    if (op === before) return false;
    if (op.direction !== before.direction) continue;
    if (op.kind === 'createTable' && normaliseName(op.table) === name) return true;
  }
  return false;
}

/** `public.users`, `"users"` and `users` name the same table. */
export function normaliseName(name: string): string {
  const unquoted = name.replaceAll('"', '');
  return unquoted.startsWith('public.') ? unquoted.slice('public.'.length) : unquoted;
}
