import type { Knex } from 'knex';

// #region up
// Adds the constraint directly: Postgres builds its unique index while holding ACCESS EXCLUSIVE
// on users, so every read and write of users waits for the whole build.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (table) => {
    table.unique(['email'], { indexName: 'users_email_key' });
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (table) => {
    table.dropUnique(['email'], 'users_email_key');
  });
}
