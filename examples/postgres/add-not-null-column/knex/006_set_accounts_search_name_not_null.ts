import type { Knex } from 'knex';

// #region up
// The validated CHECK proves there is no NULL, so Postgres skips the scan.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('accounts', (table) => {
    // The rule sees one migration at a time, not the CHECK validated in 005.
    // eslint-disable-next-line live-upgrade/no-direct-set-not-null -- accounts_search_name_check, validated by 005, proves there is no NULL
    table.dropNullable('search_name');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('accounts', (table) => {
    table.setNullable('search_name');
  });
}
