import { sql, type Kysely } from 'kysely';

// #region up
// The validated CHECK proves there is no NULL, so Postgres skips the scan.
export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    // The rule sees one migration at a time, not the CHECK validated in 005.
    // eslint-disable-next-line live-upgrade/no-direct-set-not-null -- accounts_search_name_check, validated by 005, proves there is no NULL
    await trx.schema.alterTable('accounts').alterColumn('search_name', (column) => column.setNotNull()).execute();
  });
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await trx.schema.alterTable('accounts').alterColumn('search_name', (column) => column.dropNotNull()).execute();
  });
}
