-- #region up
-- The column's NOT NULL now does the CHECK's job.
SET LOCAL lock_timeout = '2s';
ALTER TABLE accounts DROP CONSTRAINT accounts_search_name_check;
-- #endregion up
