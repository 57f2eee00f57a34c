import type { Knex } from 'knex';

// #region up
// In place: Postgres writes every row of uploads and rebuilds its indexes while it holds ACCESS
// EXCLUSIVE, which blocks reads and writes until the migration commits.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('uploads', (table) => {
    table.bigInteger('size_bytes').notNullable().alter();
  });
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('uploads', (table) => {
    table.integer('size_bytes').notNullable().alter();
  });
}
