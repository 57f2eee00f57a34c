import { sql, type Kysely } from 'kysely';

// #region up
// The Migrator runs this migration in a transaction, so SET LOCAL lasts until it commits.
// NOT VALID: rows written from now on are checked, the existing ones are not scanned.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await sql`ALTER TABLE products ADD CONSTRAINT products_discount_check CHECK (discount_cents <= price_cents) NOT VALID`.execute(db);
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await sql`SET LOCAL lock_timeout = '2s'`.execute(db);
  await db.schema.alterTable('products').dropConstraint('products_discount_check').execute();
}
