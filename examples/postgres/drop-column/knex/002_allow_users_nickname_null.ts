import type { Knex } from 'knex';

// #region up
// Release N+1 no longer writes nickname, so the column must accept rows without it first.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('users', (table) => {
    table.setNullable('nickname');
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('users', (table) => {
    table.dropNullable('nickname');
  });
}
