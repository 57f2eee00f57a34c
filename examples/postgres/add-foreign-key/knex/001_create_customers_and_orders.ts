import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('customers', (table) => {
    table.bigIncrements('id');
    table.text('email');
    table.text('name').notNullable();
  });
  // No foreign key yet: release N deleted customers and left their orders behind.
  await knex.schema.createTable('orders', (table) => {
    table.bigIncrements('id');
    table.bigInteger('customer_id').index('orders_customer_id_idx');
    table.integer('total_cents').notNullable();
    table.text('note');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('orders');
  await knex.schema.dropTable('customers');
}
