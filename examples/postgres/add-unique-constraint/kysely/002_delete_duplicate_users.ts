import type { Kysely } from 'kysely';

// #region up
// Runs once release N is gone. Deletes only exact copies of an older row; one statement, so it
// commits on its own even though the Migrator runs without transactions.
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom('users as copy')
    .using('users as original')
    .whereRef('copy.email', '=', 'original.email')
    .whereRef('copy.id', '>', 'original.id')
    .whereRef('copy.display_name', '=', 'original.display_name')
    .whereRef('copy.bio', 'is not distinct from', 'original.bio')
    .execute();
}
// #endregion up
