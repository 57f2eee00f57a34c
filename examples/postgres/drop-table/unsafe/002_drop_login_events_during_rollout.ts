import type { Knex } from 'knex';

// #region up
// Shipped with the release that stops recording logins: release N, still running during the
// rollout, writes and reads login_events, and every such query fails once the table is gone.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.dropTable('login_events');
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.schema.createTable('login_events', (table) => {
    table.bigIncrements('id');
    table.bigInteger('user_id').notNullable().references('id').inTable('users');
    table.text('user_agent');
    table.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index('user_id');
  });
}
