import { sql, type Kysely } from 'kysely';

// #region up
// Release N+1 no longer writes nickname, so the column must accept rows without it first.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await db.schema.alterTable('users').alterColumn('nickname', (column) => column.dropNotNull()).execute();
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await db.schema.alterTable('users').alterColumn('nickname', (column) => column.setNotNull()).execute();
}
