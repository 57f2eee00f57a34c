import type { Knex } from 'knex';

// #region up
// The contract step: the int column has had no reader or writer since the swap.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('uploads', (table) => {
    // eslint-disable-next-line live-upgrade/no-drop-column -- no release reads size_bytes_old: release N+1 reads size_bytes, which 005 made the bigint column
    table.dropColumn('size_bytes_old');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('uploads', (table) => {
    table.integer('size_bytes_old');
  });
}
