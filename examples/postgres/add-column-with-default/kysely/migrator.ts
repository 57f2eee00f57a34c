import { Migrator, type Kysely, type MigrationProvider } from 'kysely';

export function createMigrator(db: Kysely<any>, provider: MigrationProvider): Migrator {
  // Kysely's default on Postgres: pending migrations run inside a transaction.
  return new Migrator({ db, provider });
}
