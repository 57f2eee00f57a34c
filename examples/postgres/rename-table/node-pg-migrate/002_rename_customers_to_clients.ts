import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Release N, still running during the rollout, queries customers: the view keeps that name working.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.renameTable('customers', 'clients');
  pgm.sql('CREATE VIEW customers AS SELECT * FROM clients');
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.dropView('customers');
  pgm.renameTable('clients', 'customers');
}
