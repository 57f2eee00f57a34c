import { sql, type Kysely } from 'kysely';

// #region up
// Scans the table under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE uploads VALIDATE CONSTRAINT uploads_size_bytes_new_not_null`.execute(db);
}
// #endregion up
