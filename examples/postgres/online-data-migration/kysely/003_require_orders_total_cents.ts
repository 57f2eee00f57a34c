import { sql, type Kysely } from 'kysely';

// #region up
// Blocker: fails the deploy while the online data migration has rows left to do.
export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ pending: number }>`SELECT count(*)::int AS pending FROM orders WHERE total_cents IS NULL`.execute(db);
  if (rows[0].pending > 0) {
    throw new Error(`${rows[0].pending} orders have no total_cents yet. Run the online data migrations until they exit 0: npx jiti examples/postgres/online-data-migration/runner.ts`);
  }
}
// #endregion up

export async function down(): Promise<void> {}
