import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Scans the table under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql('ALTER TABLE uploads VALIDATE CONSTRAINT uploads_size_bytes_new_not_null');
}
// #endregion up

// A validated constraint is dropped by the down of 002.
export const down = false;
