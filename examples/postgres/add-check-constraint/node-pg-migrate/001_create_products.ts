import type { MigrationBuilder } from 'node-pg-migrate';

// No check on the discount yet: release N lets it exceed the price.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createTable('products', {
    id: { type: 'bigint', primaryKey: true, sequenceGenerated: { precedence: 'ALWAYS' } },
    name: { type: 'text', notNull: true },
    price_cents: { type: 'integer', notNull: true },
    discount_cents: { type: 'integer', notNull: true, default: 0 },
    description: { type: 'text' },
  });
  pgm.createIndex('products', 'name', { name: 'products_name_idx' });
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.dropTable('products');
}
