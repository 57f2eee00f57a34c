-- #region up
-- Sent as one batch, so one transaction: the timeout lasts until it ends. The runner retries the
-- whole file when it fails with lock_not_available (see retry.ts).
SET LOCAL lock_timeout = '1s';
ALTER TABLE orders ADD COLUMN gift_message text;
-- #endregion up
