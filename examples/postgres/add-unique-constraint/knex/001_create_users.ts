import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // No unique email yet: a double-submitted sign-up of release N stores the same user twice.
  await knex.schema.createTable('users', (table) => {
    table.bigIncrements('id');
    table.text('email');
    table.text('display_name').notNullable();
    table.text('bio');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('users');
}
