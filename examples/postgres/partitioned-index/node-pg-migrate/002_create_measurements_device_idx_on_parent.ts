import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// node-pg-migrate runs this migration in a transaction, so SET LOCAL lasts until it commits.
// Its createIndex has no ON ONLY, so the statement is SQL.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.sql('CREATE INDEX measurements_device_idx ON ONLY measurements (device_id, recorded_at)');
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.dropIndex('measurements', ['device_id', 'recorded_at'], { name: 'measurements_device_idx' });
}
