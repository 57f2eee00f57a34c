-- #region up
-- ON ONLY: created on the partitioned table alone, invalid, without scanning any partition.
SET LOCAL lock_timeout = '2s';
-- eslint-disable-next-line live-upgrade/require-concurrent-index-creation -- ON ONLY a partitioned table: no partition is scanned, and CONCURRENTLY is not supported there
CREATE INDEX measurements_device_idx ON ONLY measurements (device_id, recorded_at);
-- #endregion up
