import { Migrator, type Kysely, type MigrationProvider } from 'kysely';

// #region migrator
export function createMigrator(db: Kysely<any>, provider: MigrationProvider): Migrator {
  // On Postgres the Migrator runs all pending migrations in one transaction by default, and
  // CREATE INDEX CONCURRENTLY cannot run inside a transaction block.
  return new Migrator({ db, provider, disableTransactions: true });
}
// #endregion migrator
