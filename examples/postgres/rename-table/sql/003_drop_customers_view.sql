-- #region up
-- Contract: runs once no instance of release N is left. Release N+1 queries clients only.
SET LOCAL lock_timeout = '2s';
DROP VIEW customers;
-- #endregion up
