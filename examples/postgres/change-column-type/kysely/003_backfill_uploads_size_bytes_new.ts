import { sql, type Kysely } from 'kysely';

// #region up
// The Migrator runs it without a transaction (migrator.ts): each batch commits on its own.
const BATCH_SIZE = 2_500;

export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ last: string | null }>`SELECT max(id) AS last FROM uploads`.execute(db);
  for (let from = 1; from <= Number(rows[0].last ?? 0); from += BATCH_SIZE) {
    await sql`UPDATE uploads SET size_bytes_new = size_bytes
              WHERE id >= ${from} AND id < ${from + BATCH_SIZE} AND size_bytes_new IS NULL`.execute(db);
  }
}
// #endregion up
