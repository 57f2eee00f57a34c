import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// node-pg-migrate collects these statements and sends them after up() returns, in the
// migration's transaction: up() cannot catch their failure. The code that calls the runner
// retries the whole migration when it fails with lock_not_available (see retry.ts).
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '1s'");
  pgm.addColumn('orders', { gift_message: { type: 'text' } });
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '1s'");
  pgm.dropColumn('orders', 'gift_message');
}
