import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Blocker: fails the deploy while the online data migration has rows left to do.
export async function up(pgm: MigrationBuilder): Promise<void> {
  // pgm.db.select runs at once (pgm.sql would queue a statement for later).
  const [{ pending }] = await pgm.db.select('SELECT count(*)::int AS pending FROM orders WHERE total_cents IS NULL');
  if (pending > 0) {
    throw new Error(`${pending} orders have no total_cents yet. Run the online data migrations until they exit 0: npx jiti examples/postgres/online-data-migration/runner.ts`);
  }
}
// #endregion up

// Nothing to undo.
export const down = (): void => undefined;
