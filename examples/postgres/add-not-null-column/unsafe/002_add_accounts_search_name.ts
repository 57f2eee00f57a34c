import type { Knex } from 'knex';

// #region up
// NOT NULL without a default: Postgres has no value to give the existing rows, so the
// migration fails on any table that has one.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('accounts', (table) => {
    table.text('search_name').notNullable();
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('accounts', (table) => {
    table.dropColumn('search_name');
  });
}
