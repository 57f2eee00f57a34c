import type { Kysely } from 'kysely';

// #region up
// Orders of customers that no longer exist would make VALIDATE fail: detach them, as release N+1
// does when it closes an account. Only the orphans are touched.
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('orders')
    .set({ customer_id: null })
    .where('customer_id', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('customers').select('customers.id').whereRef('customers.id', '=', 'orders.customer_id'))),
    )
    .execute();
}
// #endregion up
