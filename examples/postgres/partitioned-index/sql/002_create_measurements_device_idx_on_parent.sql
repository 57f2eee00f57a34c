-- #region up
-- ON ONLY: created on the partitioned table alone, invalid, without scanning any partition.
SET LOCAL lock_timeout = '2s';
CREATE INDEX measurements_device_idx ON ONLY measurements (device_id, recorded_at);
-- #endregion up
