import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createType('order_status').asEnum(['pending', 'paid', 'shipped', 'delivered', 'cancelled']).execute();
  await db.schema
    .createTable('orders')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('customer_email', 'text')
    .addColumn('note', 'text')
    .addColumn('status', sql`order_status`, (column) => column.notNull().defaultTo('pending'))
    .execute();
  await db.schema.createIndex('orders_status_idx').on('orders').column('status').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('orders').execute();
  await db.schema.dropType('order_status').execute();
}
