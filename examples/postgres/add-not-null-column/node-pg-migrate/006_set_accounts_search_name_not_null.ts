import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// The validated CHECK proves there is no NULL, so Postgres skips the scan.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  // The rule sees one migration at a time, not the CHECK validated in 005.
  // eslint-disable-next-line live-upgrade/no-direct-set-not-null -- accounts_search_name_check, validated by 005, proves there is no NULL
  pgm.alterColumn('accounts', 'search_name', { notNull: true });
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.alterColumn('accounts', 'search_name', { notNull: false });
}
