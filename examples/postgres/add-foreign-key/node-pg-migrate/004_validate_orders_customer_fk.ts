import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Scans orders under SHARE UPDATE EXCLUSIVE (ROW SHARE on customers): reads and writes go on.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql('ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey');
}
// #endregion up

// A validated constraint is dropped by the down of 002.
export const down = false;
