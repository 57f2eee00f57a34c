import type { Knex } from 'knex';

// #region up
// Orders of customers that no longer exist would make VALIDATE fail. Release N+1 detaches the
// orders of a closed account; this does the same for the accounts release N closed. Only the
// orphans are touched, and the foreign key (already enforced for writes) keeps new ones out.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    UPDATE orders SET customer_id = NULL
    WHERE customer_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM customers WHERE customers.id = orders.customer_id)`);
}
// #endregion up

// The customers are gone: there is nothing to point the orders back to.
export async function down(): Promise<void> {}
