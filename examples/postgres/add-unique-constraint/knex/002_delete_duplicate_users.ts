import type { Knex } from 'knex';

// #region up
// Runs once release N, which stored double-submitted sign-ups twice, is gone. Deletes only exact
// copies of an older row: users who share an email but differ otherwise need a decision first,
// and the index build of 003 fails while they remain.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    DELETE FROM users AS copy
    USING users AS original
    WHERE copy.email = original.email
      AND copy.id > original.id
      AND copy.display_name = original.display_name
      AND copy.bio IS NOT DISTINCT FROM original.bio`);
}
// #endregion up

// The copies are gone for good; nothing to put back.
export async function down(): Promise<void> {}
