import type { Knex } from 'knex';

// #region up
// Adds the value and uses it in the same migration, so in the same transaction: Postgres refuses
// the new value until the transaction that added it commits, and the whole migration rolls back.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("ALTER TYPE order_status ADD VALUE 'packed' BEFORE 'shipped'");
  await knex.raw("CREATE VIEW orders_to_ship AS SELECT id, customer_email, status FROM orders WHERE status IN ('paid', 'packed')");
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP VIEW orders_to_ship');
}
