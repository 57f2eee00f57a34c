import type { Knex } from 'knex';

// #region up
// Rows release N wrote with a discount above the price would make VALIDATE fail: cap them, as
// release N+1 does when it sets a discount. Only those rows are touched, and the constraint
// (already enforced for writes) keeps new ones out.
export async function up(knex: Knex): Promise<void> {
  await knex('products')
    .where('discount_cents', '>', knex.ref('price_cents'))
    .update({ discount_cents: knex.ref('price_cents') });
}
// #endregion up

// The discounts release N wrote are not kept: there is nothing to restore.
export async function down(): Promise<void> {}
