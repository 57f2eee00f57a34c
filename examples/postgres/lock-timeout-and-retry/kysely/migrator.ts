import { Migrator, type Kysely, type MigrationProvider } from 'kysely';

// #region migrator
export function createMigrator(db: Kysely<any>, provider: MigrationProvider): Migrator {
  // On Postgres the Migrator runs all pending migrations in one transaction by default. A
  // migration that retries after a lock timeout needs a fresh transaction for each attempt.
  return new Migrator({ db, provider, disableTransactions: true });
}
// #endregion migrator
