import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// CREATE INDEX CONCURRENTLY cannot run inside a transaction block: this migration opts out of
// the one node-pg-migrate opens.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.noTransaction();
  pgm.createIndex('users', 'email', { name: 'users_email_key', unique: true, concurrently: true });
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.noTransaction();
  pgm.dropIndex('users', 'email', { name: 'users_email_key', concurrently: true, ifExists: true });
}
