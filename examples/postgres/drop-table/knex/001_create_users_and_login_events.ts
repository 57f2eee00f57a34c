import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (table) => {
    table.bigIncrements('id');
    table.text('email').notNullable();
    table.text('display_name').notNullable();
  });
  await knex.schema.createTable('login_events', (table) => {
    table.bigIncrements('id');
    table.bigInteger('user_id').notNullable().references('id').inTable('users');
    table.text('user_agent');
    table.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index('user_id');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('login_events');
  await knex.schema.dropTable('users');
}
