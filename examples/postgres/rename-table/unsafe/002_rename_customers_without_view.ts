import type { Knex } from 'knex';

// #region up
// Shipped with the release that uses the new name: release N, still running during the rollout,
// queries customers, and every such query fails once the name is gone.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.renameTable('customers', 'clients');
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.schema.renameTable('clients', 'customers');
}
