import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// node-pg-migrate runs each migration in a transaction, so SET LOCAL lasts until it commits.
// NOT VALID: rows written from now on are checked, the existing ones are not scanned.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.addConstraint('products', 'products_discount_check', 'CHECK (discount_cents <= price_cents) NOT VALID');
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.dropConstraint('products', 'products_discount_check');
}
