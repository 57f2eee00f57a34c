import { sql, type Kysely } from 'kysely';

// #region up
// Contract: runs once no instance of release N or N+1 is left; both name total in every query.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  // eslint-disable-next-line live-upgrade/no-drop-column -- unused since release N+2; 003 proved every row has total_cents
  await db.schema.alterTable('orders').dropColumn('total').execute();
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await db.schema.alterTable('orders').addColumn('total', 'text').execute();
}
