-- #region up
-- Nullable and without a default: nothing to check or write in the existing rows.
SET LOCAL lock_timeout = '2s';
ALTER TABLE accounts ADD COLUMN search_name text;
-- #endregion up
