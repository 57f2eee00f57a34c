import { sql, type Kysely } from 'kysely';

// #region up
// Kysely's Migrator runs it in a transaction, where SET LOCAL applies.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await db.schema.alterTable('orders').addColumn('total_cents', 'bigint').execute();
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await db.schema.alterTable('orders').dropColumn('total_cents').execute();
}
