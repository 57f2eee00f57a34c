import type { Knex } from 'knex';

// #region up
// Contract: runs once no instance of release N is left. Nothing reads or writes name any more.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('DROP TRIGGER users_sync_full_name ON users');
  await knex.raw('DROP FUNCTION users_sync_full_name()');
  await knex.schema.alterTable('users', (table) => {
    // eslint-disable-next-line live-upgrade/no-drop-column -- renamed to full_name; unused since release N+1
    table.dropColumn('name');
  });
}
// #endregion up

// Brings name back, filled from full_name, but not the trigger: roll back 002 next.
export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('users', (table) => {
    table.text('name');
  });
  await knex.raw('UPDATE users SET name = full_name');
}
