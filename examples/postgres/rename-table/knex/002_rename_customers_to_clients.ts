import type { Knex } from 'knex';

// #region up
// Release N, still running during the rollout, queries customers: the view keeps that name working.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.renameTable('customers', 'clients');
  await knex.schema.createView('customers', (view) => view.as(knex('clients').select('*')));
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.dropView('customers');
  await knex.schema.renameTable('clients', 'customers');
}
