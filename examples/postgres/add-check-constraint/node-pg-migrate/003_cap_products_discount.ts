import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Rows release N wrote with a discount above the price would make VALIDATE fail: cap them, as
// release N+1 does when it sets a discount. Only those rows are touched.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql('UPDATE products SET discount_cents = price_cents WHERE discount_cents > price_cents');
}
// #endregion up

// The discounts release N wrote are not kept: there is nothing to restore.
export const down = false;
