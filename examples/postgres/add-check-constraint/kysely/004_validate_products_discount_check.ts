import { sql, type Kysely } from 'kysely';

// #region up
// Scans products under SHARE UPDATE EXCLUSIVE: reads and writes go on. It ships in a later deploy
// than 002: migrateToLatest() would run both in one transaction, with 002's ACCESS EXCLUSIVE lock.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE products VALIDATE CONSTRAINT products_discount_check`.execute(db);
}
// #endregion up
