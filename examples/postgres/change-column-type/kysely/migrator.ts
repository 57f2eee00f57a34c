import { Migrator, type Kysely, type MigrationProvider } from 'kysely';

// #region migrator
export function createMigrator(db: Kysely<any>, provider: MigrationProvider): Migrator {
  // On Postgres the Migrator runs migrations inside a transaction by default. The backfill must
  // commit batch by batch, so the schema migrations open their own transactions instead.
  return new Migrator({ db, provider, disableTransactions: true });
}
// #endregion migrator
