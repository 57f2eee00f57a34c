import type { Knex } from 'knex';

// #region up
// NOT VALID: rows written from now on are checked, the existing ones are not scanned.
// Knex's table.check() has no NOT VALID, so the constraint is raw SQL.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('ALTER TABLE products ADD CONSTRAINT products_discount_check CHECK (discount_cents <= price_cents) NOT VALID');
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('ALTER TABLE products DROP CONSTRAINT products_discount_check');
}
