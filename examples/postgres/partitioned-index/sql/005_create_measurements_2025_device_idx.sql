-- #region up
-- One partition, concurrently, alone in its file: several statements sent together run as one
-- transaction, and CREATE INDEX CONCURRENTLY cannot run inside a transaction block.
CREATE INDEX CONCURRENTLY measurements_2025_device_idx ON measurements_2025 (device_id, recorded_at);
-- #endregion up
