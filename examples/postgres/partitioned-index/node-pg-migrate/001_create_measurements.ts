import type { MigrationBuilder } from 'node-pg-migrate';

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createTable(
    'measurements',
    {
      device_id: { type: 'text', notNull: true },
      recorded_at: { type: 'timestamptz', notNull: true },
      reading: { type: 'double precision' },
      note: { type: 'text' },
    },
    { partition: { strategy: 'RANGE', columns: 'recorded_at' } },
  );
  pgm.sql(`CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`);
  pgm.sql(`CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')`);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.dropTable('measurements');
}
