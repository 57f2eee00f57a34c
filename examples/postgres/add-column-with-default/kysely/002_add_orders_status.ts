import { sql, type Kysely } from 'kysely';

// #region up
// Kysely's Migrator runs migrations inside a transaction by default, so SET LOCAL lasts until it commits.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await db.schema
    .alterTable('orders')
    .addColumn('status', 'text', (column) => column.notNull().defaultTo('pending'))
    .execute();
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await db.schema.alterTable('orders').dropColumn('status').execute();
}
