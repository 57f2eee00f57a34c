-- #region up
-- Attaching updates the catalog only; ACCESS EXCLUSIVE on the partition's index for a moment.
SET LOCAL lock_timeout = '2s';
ALTER INDEX measurements_device_idx ATTACH PARTITION measurements_2025_device_idx;
-- #endregion up
