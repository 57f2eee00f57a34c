-- #region up
-- Release N+1 no longer writes nickname, so the column must accept rows without it first.
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ALTER COLUMN nickname DROP NOT NULL;
-- #endregion up
