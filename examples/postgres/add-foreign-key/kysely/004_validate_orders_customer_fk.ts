import { sql, type Kysely } from 'kysely';

// #region up
// Scans orders under SHARE UPDATE EXCLUSIVE (ROW SHARE on customers): reads and writes go on.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey`.execute(db);
}
// #endregion up
