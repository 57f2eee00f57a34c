import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// One partition, concurrently. CREATE INDEX CONCURRENTLY cannot run inside a transaction block:
// this migration opts out of the one node-pg-migrate opens.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.noTransaction();
  pgm.createIndex('measurements_2024', ['device_id', 'recorded_at'], { name: 'measurements_2024_device_idx', concurrently: true });
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.noTransaction();
  pgm.dropIndex('measurements_2024', ['device_id', 'recorded_at'], {
    name: 'measurements_2024_device_idx',
    concurrently: true,
    ifExists: true,
  });
}
