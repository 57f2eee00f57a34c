import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Contract: runs once no instance of release N is left. Release N+1 neither reads nor writes nickname.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  // eslint-disable-next-line live-upgrade/no-drop-column -- unused since release N+1 (002 made it nullable)
  pgm.dropColumn('users', 'nickname');
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.addColumn('users', { nickname: { type: 'text' } });
}
