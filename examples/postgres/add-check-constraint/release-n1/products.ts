import type { Db } from '../../../harness/index.ts';

// Release N+1: a discount never exceeds the price; a larger one is capped at the price.

export interface Product {
  id: string;
  name: string;
  priceCents: number;
  discountCents: number;
}

// #region queries
export async function addProduct(db: Db, product: Omit<Product, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO products (name, price_cents, discount_cents) VALUES ($1, $2::int, least($3::int, $2::int)) RETURNING id',
    [product.name, product.priceCents, product.discountCents],
  );
  return rows[0].id;
}

export async function setDiscount(db: Db, id: string, discountCents: number): Promise<void> {
  await db.query('UPDATE products SET discount_cents = least($2, price_cents) WHERE id = $1', [id, discountCents]);
}

export async function findProduct(db: Db, id: string): Promise<Product | undefined> {
  const { rows } = await db.query<Product>(
    'SELECT id, name, price_cents AS "priceCents", discount_cents AS "discountCents" FROM products WHERE id = $1',
    [id],
  );
  return rows[0];
}
// #endregion queries
