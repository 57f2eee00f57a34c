import type { Knex } from 'knex';

// #region up
// Adds the foreign key validated at once: Postgres checks every existing order while it holds
// SHARE ROW EXCLUSIVE on orders and customers, so writes to both wait for the whole scan.
// An order of a deleted customer makes the whole migration fail.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (table) => {
    table.foreign('customer_id', 'orders_customer_id_fkey').references('id').inTable('customers');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (table) => {
    table.dropForeign('customer_id', 'orders_customer_id_fkey');
  });
}
