import type { Kysely } from 'kysely';

// #region up
// Rows release N wrote with a discount above the price would make VALIDATE fail: cap them, as
// release N+1 does when it sets a discount. Only those rows are touched.
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('products')
    .set(({ ref }) => ({ discount_cents: ref('price_cents') }))
    .whereRef('discount_cents', '>', 'price_cents')
    .execute();
}
// #endregion up
