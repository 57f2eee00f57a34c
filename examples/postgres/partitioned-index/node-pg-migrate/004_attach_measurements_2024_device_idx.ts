import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Attaching updates the catalog only; ACCESS EXCLUSIVE on the partition's index for a moment.
// node-pg-migrate has no call for it, so the statement is SQL.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.sql('ALTER INDEX measurements_device_idx ATTACH PARTITION measurements_2024_device_idx');
}
// #endregion up

// Postgres cannot detach an index from a partitioned index, nor drop it alone once attached:
// roll back with the down of 002, which drops measurements_device_idx and every index attached to it.
export const down = false;
