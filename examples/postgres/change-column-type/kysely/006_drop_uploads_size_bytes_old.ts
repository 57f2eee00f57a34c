import { sql, type Kysely } from 'kysely';

// #region up
// The contract step: the int column has had no reader or writer since the swap.
export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    // eslint-disable-next-line live-upgrade/no-drop-column -- no release reads size_bytes_old: release N+1 reads size_bytes, which 005 made the bigint column
    await trx.schema.alterTable('uploads').dropColumn('size_bytes_old').execute();
  });
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await trx.schema.alterTable('uploads').addColumn('size_bytes_old', 'integer').execute();
  });
}
