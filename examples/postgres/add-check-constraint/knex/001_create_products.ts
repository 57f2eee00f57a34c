import type { Knex } from 'knex';

// No check on the discount yet: release N lets it exceed the price.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('products', (table) => {
    table.bigIncrements('id');
    table.text('name').notNullable().index('products_name_idx');
    table.integer('price_cents').notNullable();
    table.integer('discount_cents').notNullable().defaultTo(0);
    table.text('description');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('products');
}
