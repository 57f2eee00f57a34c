import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('orders', (table) => {
    table.bigIncrements('id');
    table.text('customer_email');
    table.text('note');
    table
      .enu('status', ['pending', 'paid', 'shipped', 'delivered', 'cancelled'], { useNative: true, enumName: 'order_status' })
      .notNullable()
      .defaultTo('pending')
      .index('orders_status_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('orders');
  await knex.raw('DROP TYPE order_status');
}
