import type { Knex } from 'knex';

// #region up
// One partition, concurrently: reads and writes of measurements_2025 go on meanwhile.
// CREATE INDEX CONCURRENTLY cannot run inside a transaction block, so the migration opts out of
// the one Knex would open.
export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX CONCURRENTLY measurements_2025_device_idx ON measurements_2025 (device_id, recorded_at)');
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX CONCURRENTLY IF EXISTS measurements_2025_device_idx');
}
