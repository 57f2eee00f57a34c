import type { Knex } from 'knex';

// #region up
// Blocker: the first migration of the release that stops reading orders.total. It changes
// nothing; it stops the deploy while the online data migration has rows left to do.
export async function up(knex: Knex): Promise<void> {
  const { rows } = await knex.raw('SELECT count(*)::int AS pending FROM orders WHERE total_cents IS NULL');
  if (rows[0].pending > 0) {
    throw new Error(`${rows[0].pending} orders have no total_cents yet. Run the online data migrations until they exit 0: npx jiti examples/postgres/online-data-migration/runner.ts`);
  }
}
// #endregion up

// Nothing to undo.
export async function down(): Promise<void> {}
