import type { Knex } from 'knex';

// #region up
// ON ONLY: the index is created on the partitioned table alone, marked invalid, and no partition
// is scanned. It takes SHARE on measurements for a moment, hence the lock_timeout.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('CREATE INDEX measurements_device_idx ON ONLY measurements (device_id, recorded_at)');
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('DROP INDEX measurements_device_idx');
}
