import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// The contract step: the int column has had no reader or writer since the swap.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  // eslint-disable-next-line live-upgrade/no-drop-column -- no release reads size_bytes_old: release N+1 reads size_bytes, which 005 made the bigint column
  pgm.dropColumn('uploads', 'size_bytes_old');
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.addColumn('uploads', { size_bytes_old: { type: 'integer' } });
}
