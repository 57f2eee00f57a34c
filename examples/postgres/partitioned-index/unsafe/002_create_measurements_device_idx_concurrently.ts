import type { Knex } from 'knex';

// #region up
// Postgres refuses CREATE INDEX CONCURRENTLY on a partitioned table: the migration fails.
export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX CONCURRENTLY measurements_device_idx ON measurements (device_id, recorded_at)');
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS measurements_device_idx');
}
