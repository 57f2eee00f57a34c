-- #region up
-- Both statements are sent as one batch, which runs as one transaction: SET LOCAL lasts until it ends.
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'pending';
-- #endregion up
