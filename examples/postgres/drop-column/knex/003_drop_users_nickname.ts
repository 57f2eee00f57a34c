import type { Knex } from 'knex';

// #region up
// Contract: runs once no instance of release N is left. Release N+1 neither reads nor writes nickname.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('users', (table) => {
    // eslint-disable-next-line live-upgrade/no-drop-column -- unused since release N+1 (002 made it nullable)
    table.dropColumn('nickname');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('users', (table) => {
    table.text('nickname');
  });
}
