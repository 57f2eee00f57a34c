import type { Knex } from 'knex';

// #region up
// Shipped with the release that stops using nickname: release N, still running during the
// rollout, reads and writes the column, and every such query fails once it is gone.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (table) => {
    table.dropColumn('nickname');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (table) => {
    table.text('nickname');
  });
}
