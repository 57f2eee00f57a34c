CREATE TABLE measurements (
  device_id text NOT NULL,
  recorded_at timestamptz NOT NULL,
  reading double precision,
  note text
) PARTITION BY RANGE (recorded_at);

CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
