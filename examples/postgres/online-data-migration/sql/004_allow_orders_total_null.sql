-- #region up
-- Release N+2 writes total_cents only, so total must accept rows without it while release N+1,
-- which still writes both, finishes its rollout.
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN total DROP NOT NULL;
-- #endregion up
