import type { Knex } from 'knex';

// #region up
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('users', (table) => {
    // eslint-disable-next-line live-upgrade/no-drop-column -- release 41 stopped reading users.nickname
    table.dropColumn('nickname');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (table) => {
    table.text('nickname');
  });
}
