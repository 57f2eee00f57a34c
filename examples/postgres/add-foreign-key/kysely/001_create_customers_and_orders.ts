import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('email', 'text')
    .addColumn('name', 'text', (column) => column.notNull())
    .execute();
  // No foreign key yet: release N deleted customers and left their orders behind.
  await db.schema
    .createTable('orders')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('customer_id', 'bigint')
    .addColumn('total_cents', 'integer', (column) => column.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('orders_customer_id_idx').on('orders').column('customer_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('orders').execute();
  await db.schema.dropTable('customers').execute();
}
