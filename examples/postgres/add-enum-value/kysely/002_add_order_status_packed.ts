import { sql, type Kysely } from 'kysely';

// #region up
// Runs without a transaction (see migrator.ts) and commits at once, before 003 uses the value.
// IF NOT EXISTS: nothing rolls back outside a transaction, so a re-run must be harmless.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'packed' BEFORE 'shipped'`.execute(db);
}
// #endregion up

// No down: Postgres cannot drop an enum value.
