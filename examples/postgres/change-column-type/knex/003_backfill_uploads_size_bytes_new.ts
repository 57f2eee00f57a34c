import type { Knex } from 'knex';

// #region up
// Outside a transaction, so that each batch commits on its own and holds its row locks briefly.
export const config = { transaction: false };

const BATCH_SIZE = 2_500;

export async function up(knex: Knex): Promise<void> {
  const { rows } = await knex.raw('SELECT max(id) AS last FROM uploads');
  for (let from = 1; from <= Number(rows[0].last ?? 0); from += BATCH_SIZE) {
    await knex.raw(
      `UPDATE uploads SET size_bytes_new = size_bytes
       WHERE id >= ? AND id < ? AND size_bytes_new IS NULL`,
      [from, from + BATCH_SIZE],
    );
  }
}
// #endregion up

// Knex requires a down; the copied values can stay.
export async function down(): Promise<void> {}
