import type { Knex } from 'knex';

// #region up
// The backfill inside the schema migration: one UPDATE over every row, in the same transaction as
// the ALTER TABLE. Every row stays locked, and the table closed by ACCESS EXCLUSIVE, until it commits.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (table) => {
    table.bigInteger('total_cents');
  });
  await knex.raw(`UPDATE orders SET total_cents = round(replace(total, ',', '')::numeric * 100)`);
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (table) => {
    table.dropColumn('total_cents');
  });
}
