import { sql, type Kysely } from 'kysely';

// #region up
// One short transaction: from its commit on, size_bytes is the bigint column. Every statement
// changes the catalog only; none scans or rewrites the table.
export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await sql`DROP TRIGGER uploads_copy_size_bytes ON uploads`.execute(trx);
    await sql`DROP FUNCTION uploads_copy_size_bytes()`.execute(trx);
    // eslint-disable-next-line live-upgrade/no-rename-column -- the swap: size_bytes keeps its name and now names the bigint column
    await trx.schema.alterTable('uploads').renameColumn('size_bytes', 'size_bytes_old').execute();
    // eslint-disable-next-line live-upgrade/no-rename-column -- the swap: size_bytes keeps its name and now names the bigint column
    await trx.schema.alterTable('uploads').renameColumn('size_bytes_new', 'size_bytes').execute();
    // Release N+1 does not write size_bytes_old, so it must accept NULL.
    await trx.schema.alterTable('uploads').alterColumn('size_bytes_old', (column) => column.dropNotNull()).execute();
    // eslint-disable-next-line live-upgrade/no-direct-set-not-null -- uploads_size_bytes_new_not_null, validated by 004, proves there is no NULL
    await trx.schema.alterTable('uploads').alterColumn('size_bytes', (column) => column.setNotNull()).execute();
    await trx.schema.alterTable('uploads').dropConstraint('uploads_size_bytes_new_not_null').execute();
  });
}
// #endregion up
