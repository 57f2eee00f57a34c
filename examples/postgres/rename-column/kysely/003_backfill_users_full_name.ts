import { sql, type Kysely } from 'kysely';

// #region up
// The Migrator runs it without a transaction (migrator.ts): each batch commits on its own.
const BATCH_SIZE = 2_500;

export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ last: string | null }>`SELECT max(id) AS last FROM users`.execute(db);
  for (let from = 1; from <= Number(rows[0].last ?? 0); from += BATCH_SIZE) {
    await sql`UPDATE users SET full_name = name
              WHERE id >= ${from} AND id < ${from + BATCH_SIZE} AND full_name IS DISTINCT FROM name`.execute(db);
  }
}
// #endregion up
