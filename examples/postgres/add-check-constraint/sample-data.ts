import type { Db } from '../../harness/index.ts';

/** Rows inserted before each step. */
export const SAMPLE_ROWS = 5_000;

// #region seed
/**
 * Products shaped like production: every 10th has no description, every 7th repeats the row
 * before it (an imported duplicate), names mix accents, CJK and emoji, every 500th description is
 * ~18 kB (stored out of line, in TOAST). With `overDiscounted`, every 50th product has a discount
 * above its price, as release N let through.
 */
export async function insertSampleProducts(db: Db, { overDiscounted }: { overDiscounted: boolean }): Promise<void> {
  await db.query(
    `INSERT INTO products (name, price_cents, discount_cents, description)
     SELECT (ARRAY['Zoë''s mug', 'Jamón ibérico', '抹茶 セット', 'Gift box 🎁', 'Plain tee'])[k % 5 + 1] || ' #' || k,
            100 + k % 900,
            CASE WHEN $2 AND k % 50 = 0 THEN 2000 ELSE k % 100 END,
            CASE WHEN k % 10 = 0 THEN NULL
                 WHEN k % 500 = 1 THEN repeat('Hand-made, ships in a week. ', 650)
                 ELSE 'Item ' || k END
     FROM generate_series(1, $1::int) AS n
     CROSS JOIN LATERAL (SELECT CASE WHEN n % 7 = 0 THEN n - 1 ELSE n END AS k) AS copy
     ORDER BY n`,
    [SAMPLE_ROWS, overDiscounted],
  );
}
// #endregion seed

/** Products whose discount exceeds their price: the rows the constraint refuses. */
export const OVER_DISCOUNTED = 'SELECT id FROM products WHERE discount_cents > price_cents';

/** What the sample holds, so the test can show it has every kind of row it claims to have. */
export async function profileSample(db: Db) {
  const { rows } = await db.query<{ rows: number; noDescription: number; repeatedNames: number; nonAsciiNames: number; longestDescription: number; overDiscounted: number }>(
    `SELECT count(*)::int AS "rows",
            count(*) FILTER (WHERE description IS NULL)::int AS "noDescription",
            (SELECT count(*)::int FROM (SELECT name FROM products GROUP BY name HAVING count(*) > 1) AS repeated) AS "repeatedNames",
            count(*) FILTER (WHERE name ~ '[^\\x01-\\x7f]')::int AS "nonAsciiNames",
            max(length(description))::int AS "longestDescription",
            (SELECT count(*)::int FROM (${OVER_DISCOUNTED}) AS over) AS "overDiscounted"
     FROM products`,
  );
  return rows[0];
}
