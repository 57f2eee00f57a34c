import type { Knex } from 'knex';

// #region up
// Attaching checks that the partition's index matches and updates the catalog; nothing is built.
// It takes ACCESS EXCLUSIVE on the partition's index for a moment, hence the lock_timeout.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('ALTER INDEX measurements_device_idx ATTACH PARTITION measurements_2025_device_idx');
}
// #endregion up

// Postgres cannot detach an index from a partitioned index, nor drop it alone once attached.
export async function down(): Promise<void> {
  throw new Error('Irreversible: roll back with the down of 002, which drops measurements_device_idx and every index attached to it');
}
