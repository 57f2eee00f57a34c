import type { Knex } from 'knex';

// #region up
// Outside a transaction, so that each batch commits on its own and holds its row locks briefly.
export const config = { transaction: false };

const BATCH_SIZE = 2_500;

export async function up(knex: Knex): Promise<void> {
  const { rows } = await knex.raw('SELECT max(id) AS last FROM accounts');
  for (let from = 1; from <= Number(rows[0].last ?? 0); from += BATCH_SIZE) {
    await knex.raw(
      `UPDATE accounts SET search_name = lower(display_name)
       WHERE id >= ? AND id < ? AND search_name IS NULL`,
      [from, from + BATCH_SIZE],
    );
  }
}
// #endregion up

// Knex requires a down; the filled values can stay.
export async function down(): Promise<void> {}
