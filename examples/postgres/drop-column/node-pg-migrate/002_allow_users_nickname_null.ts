import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Release N+1 no longer writes nickname, so the column must accept rows without it first.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.alterColumn('users', 'nickname', { notNull: false });
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.alterColumn('users', 'nickname', { notNull: true });
}
