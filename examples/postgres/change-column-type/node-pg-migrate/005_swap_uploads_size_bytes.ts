import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// One short transaction: from its commit on, size_bytes is the bigint column. Every statement
// changes the catalog only; none scans or rewrites the table.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.dropTrigger('uploads', 'uploads_copy_size_bytes');
  pgm.dropFunction('uploads_copy_size_bytes', []);
  // eslint-disable-next-line live-upgrade/no-rename-column -- the swap: size_bytes keeps its name and now names the bigint column
  pgm.renameColumn('uploads', 'size_bytes', 'size_bytes_old');
  // eslint-disable-next-line live-upgrade/no-rename-column -- the swap: size_bytes keeps its name and now names the bigint column
  pgm.renameColumn('uploads', 'size_bytes_new', 'size_bytes');
  // Release N+1 does not write size_bytes_old, so it must accept NULL.
  pgm.alterColumn('uploads', 'size_bytes_old', { notNull: false });
  // eslint-disable-next-line live-upgrade/no-direct-set-not-null -- uploads_size_bytes_new_not_null, validated by 004, proves there is no NULL
  pgm.alterColumn('uploads', 'size_bytes', { notNull: true });
  pgm.dropConstraint('uploads', 'uploads_size_bytes_new_not_null');
}
// #endregion up

// Back to the int column, which has missed every write since the swap: a restore, not a down.
export const down = false;
