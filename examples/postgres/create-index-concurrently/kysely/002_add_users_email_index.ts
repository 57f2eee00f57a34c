import { sql, type Kysely } from 'kysely';

// #region up
// Needs a Migrator created with `disableTransactions: true` (see migrator.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX CONCURRENTLY users_email_idx ON users (email)`.execute(db);
}
// #endregion up

// #region down
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX CONCURRENTLY IF EXISTS users_email_idx`.execute(db);
}
// #endregion down
