import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// node-pg-migrate runs each migration in a transaction, so SET LOCAL lasts until it commits.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.addColumn('orders', { status: { type: 'text', notNull: true, default: 'pending' } });
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.dropColumn('orders', 'status');
}
