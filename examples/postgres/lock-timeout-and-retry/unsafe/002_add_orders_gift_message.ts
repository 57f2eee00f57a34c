import type { Knex } from 'knex';

// #region up
// No lock_timeout: while ALTER TABLE waits for its ACCESS EXCLUSIVE lock behind a long
// transaction, every later query on orders, plain SELECTs included, waits behind it.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (table) => {
    table.text('gift_message');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (table) => {
    table.dropColumn('gift_message');
  });
}
