import type { Knex } from 'knex';

// #region up
// The column's NOT NULL now does the CHECK's job.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('accounts', (table) => {
    table.dropChecks('accounts_search_name_check');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('ALTER TABLE accounts ADD CONSTRAINT accounts_search_name_check CHECK (search_name IS NOT NULL) NOT VALID');
}
