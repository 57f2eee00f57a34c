-- #region up
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN total_cents bigint;
-- #endregion up
