import type { Knex } from 'knex';

// #region up
// gen_random_uuid() is volatile: Postgres computes it for every existing row, so it rewrites the
// table and its indexes while holding ACCESS EXCLUSIVE, which blocks reads and writes meanwhile.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (table) => {
    table.uuid('public_id').notNullable().defaultTo(knex.fn.uuid());
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (table) => {
    table.dropColumn('public_id');
  });
}
