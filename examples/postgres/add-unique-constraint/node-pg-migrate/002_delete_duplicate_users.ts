import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Runs once release N is gone. Deletes only exact copies of an older row.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
    DELETE FROM users AS copy
    USING users AS original
    WHERE copy.email = original.email
      AND copy.id > original.id
      AND copy.display_name = original.display_name
      AND copy.bio IS NOT DISTINCT FROM original.bio`);
}
// #endregion up

// The copies are gone for good; nothing to put back.
export const down = false;
