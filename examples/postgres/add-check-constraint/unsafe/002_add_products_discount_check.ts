import type { Knex } from 'knex';

// #region up
// Adds the CHECK validated at once: Postgres scans every product while it holds ACCESS EXCLUSIVE
// on products, so reads and writes wait for the whole scan. A row release N wrote with a discount
// above the price makes the whole migration fail.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('products', (table) => {
    table.check('discount_cents <= price_cents', {}, 'products_discount_check');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('products', (table) => {
    table.dropChecks('products_discount_check');
  });
}
