import type { Knex } from 'knex';

// Knex's schema builder cannot declare partitions, so the tables are raw SQL.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE measurements (
      device_id text NOT NULL,
      recorded_at timestamptz NOT NULL,
      reading double precision,
      note text
    ) PARTITION BY RANGE (recorded_at)`);
  await knex.raw(`CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`);
  await knex.raw(`CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('measurements');
}
