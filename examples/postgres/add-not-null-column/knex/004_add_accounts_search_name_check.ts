import type { Knex } from 'knex';

// #region up
// NOT VALID: rows written from now on are checked, the existing ones are not scanned.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('ALTER TABLE accounts ADD CONSTRAINT accounts_search_name_check CHECK (search_name IS NOT NULL) NOT VALID');
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('ALTER TABLE accounts DROP CONSTRAINT accounts_search_name_check');
}
