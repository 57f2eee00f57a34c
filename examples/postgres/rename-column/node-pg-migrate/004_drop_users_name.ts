import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Contract: runs once no instance of release N is left. Nothing reads or writes name any more.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.dropTrigger('users', 'users_sync_full_name');
  pgm.dropFunction('users_sync_full_name', []);
  // eslint-disable-next-line live-upgrade/no-drop-column -- renamed to full_name; unused since release N+1
  pgm.dropColumn('users', 'name');
}
// #endregion up

// Brings name back, filled from full_name, but not the trigger: roll back 002 next.
export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.addColumn('users', { name: { type: 'text' } });
  pgm.sql('UPDATE users SET name = full_name');
}
