import { sql, type Kysely } from 'kysely';

// #region up
// Uses 'packed', which 002 added and committed.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE VIEW orders_to_ship AS SELECT id, customer_email, status FROM orders WHERE status IN ('paid', 'packed')`.execute(db);
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropView('orders_to_ship').execute();
}
