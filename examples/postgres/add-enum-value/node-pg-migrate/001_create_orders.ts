import type { MigrationBuilder } from 'node-pg-migrate';

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createType('order_status', ['pending', 'paid', 'shipped', 'delivered', 'cancelled']);
  pgm.createTable('orders', {
    id: { type: 'bigint', primaryKey: true, sequenceGenerated: { precedence: 'ALWAYS' } },
    customer_email: { type: 'text' },
    note: { type: 'text' },
    status: { type: 'order_status', notNull: true, default: 'pending' },
  });
  pgm.createIndex('orders', 'status', { name: 'orders_status_idx' });
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.dropTable('orders');
  pgm.dropType('order_status');
}
