import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// The CLI runs all pending migrations in one transaction (--single-transaction is on by default).
// noTransaction() commits what ran before, adds the value on its own and opens a new transaction
// for the migrations after it, so 003 can use the value.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.noTransaction();
  pgm.addTypeValue('order_status', 'packed', { ifNotExists: true, before: 'shipped' });
}
// #endregion up

// Postgres cannot drop an enum value: after a rollback 'packed' stays, unused.
export async function down(): Promise<void> {}
