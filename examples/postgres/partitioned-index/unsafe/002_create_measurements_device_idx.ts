import type { Knex } from 'knex';

// #region up
// On a partitioned table, CREATE INDEX builds the index of every partition, in the migration's
// transaction: it holds SHARE on measurements and on each partition, so writes to all of them
// wait until every build has finished and committed.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('measurements', (table) => {
    table.index(['device_id', 'recorded_at'], 'measurements_device_idx');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('measurements', (table) => {
    table.dropIndex(['device_id', 'recorded_at'], 'measurements_device_idx');
  });
}
