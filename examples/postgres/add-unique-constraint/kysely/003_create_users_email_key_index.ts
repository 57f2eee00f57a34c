import { sql, type Kysely } from 'kysely';

// #region up
// Needs a Migrator created with `disableTransactions: true` (see migrator.ts). Kysely's
// createIndex has no CONCURRENTLY, so the statement is raw SQL.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email)`.execute(db);
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX CONCURRENTLY IF EXISTS users_email_key`.execute(db);
}
