import type { Knex } from 'knex';

// #region up
// Contract: runs once no instance of release N is left. Release N+1 neither reads nor writes login_events.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  // eslint-disable-next-line live-upgrade/no-drop-table -- unused since release N+1, which no longer records logins
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
