import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// NOT VALID: rows written from now on are checked, the existing ones are not scanned.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.addConstraint('accounts', 'accounts_search_name_check', 'CHECK (search_name IS NOT NULL) NOT VALID');
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.dropConstraint('accounts', 'accounts_search_name_check');
}
