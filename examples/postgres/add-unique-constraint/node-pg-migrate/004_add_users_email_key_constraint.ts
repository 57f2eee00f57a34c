import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// node-pg-migrate runs this migration in a transaction, so SET LOCAL lasts until it commits.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.addConstraint('users', 'users_email_key', 'UNIQUE USING INDEX users_email_key');
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.dropConstraint('users', 'users_email_key');
}
