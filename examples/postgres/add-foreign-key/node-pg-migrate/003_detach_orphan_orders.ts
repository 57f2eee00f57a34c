import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Orders of customers that no longer exist would make VALIDATE fail: detach them, as release N+1
// does when it closes an account. Only the orphans are touched.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
    UPDATE orders SET customer_id = NULL
    WHERE customer_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM customers WHERE customers.id = orders.customer_id)`);
}
// #endregion up

// The customers are gone: there is nothing to point the orders back to.
export const down = false;
