import type { Knex } from 'knex';

// #region up
// Expand: nullable and without a default, so existing rows are neither checked nor rewritten.
// The data is moved by the online data migration, not here.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('orders', (table) => {
    table.bigInteger('total_cents');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('orders', (table) => {
    table.dropColumn('total_cents');
  });
}
