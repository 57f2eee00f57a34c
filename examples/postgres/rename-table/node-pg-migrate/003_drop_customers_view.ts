import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Contract: runs once no instance of release N is left. Release N+1 queries clients only.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.dropView('customers');
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.sql('CREATE VIEW customers AS SELECT * FROM clients');
}
