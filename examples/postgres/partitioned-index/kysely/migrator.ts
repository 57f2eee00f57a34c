import { Migrator, type Kysely, type MigrationProvider } from 'kysely';

// #region migrator
export function createMigrator(db: Kysely<any>, provider: MigrationProvider): Migrator {
  // On Postgres the Migrator runs migrations inside a transaction by default, and CREATE INDEX
  // CONCURRENTLY cannot run inside one. Migrations that need a transaction open their own.
  return new Migrator({ db, provider, disableTransactions: true });
}
// #endregion migrator
