import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
const BATCH_SIZE = 2_500;

export async function up(pgm: MigrationBuilder): Promise<void> {
  // Outside a transaction, so that each batch commits on its own and holds its row locks briefly.
  pgm.noTransaction();
  // pgm.db.query runs at once (pgm.sql would queue one statement for later).
  const [{ last }] = await pgm.db.select('SELECT max(id) AS last FROM uploads');
  for (let from = 1; from <= Number(last ?? 0); from += BATCH_SIZE) {
    await pgm.db.query(
      `UPDATE uploads SET size_bytes_new = size_bytes
       WHERE id >= $1 AND id < $2 AND size_bytes_new IS NULL`,
      [from, from + BATCH_SIZE],
    );
  }
}
// #endregion up

// The copied values can stay.
export const down = false;
