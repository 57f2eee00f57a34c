import { sql, type Kysely } from 'kysely';

// #region up
// Scans the table under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE accounts VALIDATE CONSTRAINT accounts_search_name_check`.execute(db);
}
// #endregion up
