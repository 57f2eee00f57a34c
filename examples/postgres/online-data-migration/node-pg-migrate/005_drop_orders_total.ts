import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Contract: runs once no instance of release N or N+1 is left; both name total in every query.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  // eslint-disable-next-line live-upgrade/no-drop-column -- unused since release N+2; 003 proved every row has total_cents
  pgm.dropColumn('orders', 'total');
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.addColumn('orders', { total: { type: 'text' } });
}
