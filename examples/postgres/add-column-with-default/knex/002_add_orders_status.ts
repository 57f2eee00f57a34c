import type { Knex } from 'knex';

// #region up
export async function up(knex: Knex): Promise<void> {
  // ADD COLUMN needs ACCESS EXCLUSIVE for a moment: fail fast instead of queueing every query behind it.
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('orders', (table) => {
    // A constant default is stored once in the catalog: no row is rewritten (PostgreSQL 11 and later).
    table.text('status').notNullable().defaultTo('pending');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('orders', (table) => {
    table.dropColumn('status');
  });
}
