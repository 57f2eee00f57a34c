import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Scans the table under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql('ALTER TABLE accounts VALIDATE CONSTRAINT accounts_search_name_check');
}
// #endregion up

// A validated constraint is dropped by the down of 004.
export const down = false;
