import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// node-pg-migrate runs each migration in a transaction, so SET LOCAL lasts until it commits.
// Its foreignKeys option has no NOT VALID: the constraint is given as SQL.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.addConstraint('orders', 'orders_customer_id_fkey', 'FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID');
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.dropConstraint('orders', 'orders_customer_id_fkey');
}
