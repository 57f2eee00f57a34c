import type { Knex } from 'knex';

// #region up
// Knex's migrate.latest() runs every pending migration in one transaction unless one of them opts
// out. A new enum value cannot be used before the transaction that added it commits, so this
// migration runs on its own and commits at once; 003, which uses the value, comes after it.
export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  // IF NOT EXISTS: outside a transaction nothing rolls back, so a re-run must be harmless.
  await knex.raw("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'packed' BEFORE 'shipped'");
}
// #endregion up

// Postgres cannot drop an enum value: after a rollback 'packed' stays, unused.
export async function down(): Promise<void> {}
