import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('uploads', (table) => {
    table.bigIncrements('id');
    table.text('file_name').notNullable();
    table.text('content_type');
    table.text('note');
    table.integer('size_bytes').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('uploads');
}
