import type { Knex } from 'knex';

// #region up
// Contract: runs once no instance of release N or N+1 is left; both name total in every query.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('orders', (table) => {
    // eslint-disable-next-line live-upgrade/no-drop-column -- unused since release N+2; 003 proved every row has total_cents
    table.dropColumn('total');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('orders', (table) => {
    table.text('total');
  });
}
