import type { MigrationBuilder } from 'node-pg-migrate';

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createTable('customers', {
    id: { type: 'bigint', primaryKey: true, sequenceGenerated: { precedence: 'ALWAYS' } },
    email: { type: 'text' },
    name: { type: 'text', notNull: true },
  });
  // No foreign key yet: release N deleted customers and left their orders behind.
  pgm.createTable('orders', {
    id: { type: 'bigint', primaryKey: true, sequenceGenerated: { precedence: 'ALWAYS' } },
    customer_id: { type: 'bigint' },
    total_cents: { type: 'integer', notNull: true },
    note: { type: 'text' },
  });
  pgm.createIndex('orders', 'customer_id', { name: 'orders_customer_id_idx' });
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.dropTable('orders');
  pgm.dropTable('customers');
}
