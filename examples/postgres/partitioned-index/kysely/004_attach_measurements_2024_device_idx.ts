import { sql, type Kysely } from 'kysely';

// #region up
// Attaching updates the catalog only; ACCESS EXCLUSIVE on the partition's index for a moment.
export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await sql`ALTER INDEX measurements_device_idx ATTACH PARTITION measurements_2024_device_idx`.execute(trx);
  });
}
// #endregion up

// Postgres cannot detach an index from a partitioned index, nor drop it alone once attached.
export async function down(): Promise<void> {
  throw new Error('Irreversible: roll back with the down of 002, which drops measurements_device_idx and every index attached to it');
}
