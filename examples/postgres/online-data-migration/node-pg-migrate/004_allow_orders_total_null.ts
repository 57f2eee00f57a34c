import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Release N+2 writes total_cents only, so total must accept rows without it while release N+1,
// which still writes both, finishes its rollout.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.alterColumn('orders', 'total', { notNull: false });
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.alterColumn('orders', 'total', { notNull: true });
}
