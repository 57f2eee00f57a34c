import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Uses 'packed', which 002 added and committed.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createView('orders_to_ship', {}, "SELECT id, customer_email, status FROM orders WHERE status IN ('paid', 'packed')");
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.dropView('orders_to_ship');
}
