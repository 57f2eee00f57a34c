import type { Knex } from 'knex';

// #region up
// Nullable and without a default: nothing to check or write in the existing rows.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('accounts', (table) => {
    table.text('search_name');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('accounts', (table) => {
    table.dropColumn('search_name');
  });
}
