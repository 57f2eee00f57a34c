import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// The column's NOT NULL now does the CHECK's job.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.dropConstraint('accounts', 'accounts_search_name_check');
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.addConstraint('accounts', 'accounts_search_name_check', 'CHECK (search_name IS NOT NULL) NOT VALID');
}
