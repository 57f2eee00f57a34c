import type { Knex } from 'knex';

// #region up
// Release N+2 writes total_cents only, so total must accept rows without it while release N+1,
// which still writes both, finishes its rollout.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('orders', (table) => {
    table.setNullable('total');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('orders', (table) => {
    table.dropNullable('total');
  });
}
