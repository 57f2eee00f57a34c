import type { Kysely } from 'kysely';

// No check on the discount yet: release N lets it exceed the price.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('products')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('price_cents', 'integer', (column) => column.notNull())
    .addColumn('discount_cents', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('description', 'text')
    .execute();
  await db.schema.createIndex('products_name_idx').on('products').column('name').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('products').execute();
}
