import type { Knex } from 'knex';

// #region up
// NOT VALID: new and updated orders are checked from now on, the existing ones are not scanned,
// so the SHARE ROW EXCLUSIVE locks on orders and customers last only a moment.
// Knex's schema builder has no NOT VALID, so the statement is raw SQL.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw(
    'ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID',
  );
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey');
}
