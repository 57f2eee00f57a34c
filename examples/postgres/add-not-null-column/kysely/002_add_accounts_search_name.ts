import { sql, type Kysely } from 'kysely';

// #region up
// Nullable and without a default: nothing to check or write in the existing rows.
export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await trx.schema.alterTable('accounts').addColumn('search_name', 'text').execute();
  });
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await trx.schema.alterTable('accounts').dropColumn('search_name').execute();
  });
}
