import type { Knex } from 'knex';

// #region up
// Builds the index under a SHARE lock, inside the migration's transaction:
// writes to users wait until the whole build has finished and committed.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (table) => {
    table.index(['email'], 'users_email_idx');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (table) => {
    table.dropIndex(['email'], 'users_email_idx');
  });
}
