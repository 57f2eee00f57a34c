import { sql, type Kysely } from 'kysely';

// #region up
// One partition, concurrently. Needs a Migrator created with `disableTransactions: true`
// (see migrator.ts); Kysely's createIndex has no CONCURRENTLY, so the statement is raw SQL.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX CONCURRENTLY measurements_2024_device_idx ON measurements_2024 (device_id, recorded_at)`.execute(db);
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX CONCURRENTLY IF EXISTS measurements_2024_device_idx`.execute(db);
}
