import type { Knex } from 'knex';

// #region up
// Contract: runs once no instance of release N is left. Release N+1 queries clients only.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.dropView('customers');
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.createView('customers', (view) => view.as(knex('clients').select('*')));
}
