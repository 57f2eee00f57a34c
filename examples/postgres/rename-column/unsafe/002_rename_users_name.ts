import type { Knex } from 'knex';

// #region up
// Shipped with the release that reads full_name: release N, still running during the rollout,
// names the column name in every query, and each of them fails once the rename commits.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (table) => {
    table.renameColumn('name', 'full_name');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (table) => {
    table.renameColumn('full_name', 'name');
  });
}
