import type { Knex } from 'knex';

// #region up
// Uses 'packed', which 002 added and committed.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("CREATE VIEW orders_to_ship AS SELECT id, customer_email, status FROM orders WHERE status IN ('paid', 'packed')");
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP VIEW orders_to_ship');
}
