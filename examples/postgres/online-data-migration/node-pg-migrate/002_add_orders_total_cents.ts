import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.addColumn('orders', { total_cents: { type: 'bigint' } });
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.dropColumn('orders', 'total_cents');
}
