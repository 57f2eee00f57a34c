import type { Knex } from 'knex';

// #region up
// One short transaction: from its commit on, size_bytes is the bigint column. Every statement
// changes the catalog only; none scans or rewrites the table.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('DROP TRIGGER uploads_copy_size_bytes ON uploads');
  await knex.raw('DROP FUNCTION uploads_copy_size_bytes()');
  await knex.schema.alterTable('uploads', (table) => {
    // eslint-disable-next-line live-upgrade/no-rename-column -- the swap: size_bytes keeps its name and now names the bigint column
    table.renameColumn('size_bytes', 'size_bytes_old');
  });
  await knex.schema.alterTable('uploads', (table) => {
    // eslint-disable-next-line live-upgrade/no-rename-column -- the swap: size_bytes keeps its name and now names the bigint column
    table.renameColumn('size_bytes_new', 'size_bytes');
  });
  await knex.schema.alterTable('uploads', (table) => {
    // Release N+1 does not write size_bytes_old, so it must accept NULL.
    table.setNullable('size_bytes_old');
    // eslint-disable-next-line live-upgrade/no-direct-set-not-null -- uploads_size_bytes_new_not_null, validated by 004, proves there is no NULL
    table.dropNullable('size_bytes');
    table.dropChecks('uploads_size_bytes_new_not_null');
  });
}
// #endregion up

// Back to the int column, which has missed every write since the swap: a restore, not a down.
export async function down(): Promise<void> {
  throw new Error('005_swap_uploads_size_bytes cannot be undone');
}
