import { sql, type Kysely } from 'kysely';

// #region up
// The Migrator runs this migration in a transaction of its own, so SET LOCAL lasts until it commits.
// Kysely's addForeignKeyConstraint has no NOT VALID, so the statement is raw SQL.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await sql`ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID`.execute(db);
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await db.schema.alterTable('orders').dropConstraint('orders_customer_id_fkey').execute();
}
