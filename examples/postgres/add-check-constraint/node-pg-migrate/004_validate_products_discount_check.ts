import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Scans products under SHARE UPDATE EXCLUSIVE: reads and writes go on. It ships in a later deploy
// than 002: the CLI's single transaction would otherwise keep 002's ACCESS EXCLUSIVE lock.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql('ALTER TABLE products VALIDATE CONSTRAINT products_discount_check');
}
// #endregion up

// A validated constraint is dropped by the down of 002.
export const down = false;
