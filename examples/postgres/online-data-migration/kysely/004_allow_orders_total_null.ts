import { sql, type Kysely } from 'kysely';

// #region up
// Release N+2 writes total_cents only, so total must accept rows without it while release N+1,
// which still writes both, finishes its rollout.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await db.schema.alterTable('orders').alterColumn('total', (column) => column.dropNotNull()).execute();
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await db.schema.alterTable('orders').alterColumn('total', (column) => column.setNotNull()).execute();
}
