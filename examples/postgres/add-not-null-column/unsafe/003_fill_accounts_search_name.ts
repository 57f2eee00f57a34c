import type { Knex } from 'knex';

// #region up
// One transaction: the UPDATE locks every row until commit, then SET NOT NULL scans the whole
// table for NULLs while holding ACCESS EXCLUSIVE, which blocks reads and writes.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('UPDATE accounts SET search_name = lower(display_name)');
  await knex.schema.alterTable('accounts', (table) => {
    table.dropNullable('search_name');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('accounts', (table) => {
    table.setNullable('search_name');
  });
}
