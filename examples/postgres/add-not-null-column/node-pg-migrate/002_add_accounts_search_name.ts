import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Nullable and without a default: nothing to check or write in the existing rows.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.addColumn('accounts', { search_name: { type: 'text' } });
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.dropColumn('accounts', 'search_name');
}
