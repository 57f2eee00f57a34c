import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.schema
      .createTable('measurements')
      .addColumn('device_id', 'text', (column) => column.notNull())
      .addColumn('recorded_at', 'timestamptz', (column) => column.notNull())
      .addColumn('reading', 'double precision')
      .addColumn('note', 'text')
      .modifyEnd(sql`PARTITION BY RANGE (recorded_at)`)
      .execute();
    await sql`CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`.execute(trx);
    await sql`CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')`.execute(trx);
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('measurements').execute();
}
