import { Migrator, type Kysely, type MigrationProvider } from 'kysely';

// #region migrator
export function createMigrator(db: Kysely<any>, provider: MigrationProvider): Migrator {
  // On Postgres the Migrator runs all pending migrations inside one transaction by default: 003
  // would use the enum value 002 adds before 002 commits, which Postgres refuses. Without the
  // transaction, each migration commits before the next one starts.
  return new Migrator({ db, provider, disableTransactions: true });
}
// #endregion migrator
