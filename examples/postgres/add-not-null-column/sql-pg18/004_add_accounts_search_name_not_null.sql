-- #region up
-- PostgreSQL 18: a NOT NULL constraint can be added NOT VALID, like a CHECK.
SET LOCAL lock_timeout = '2s';
ALTER TABLE accounts ADD CONSTRAINT accounts_search_name_not_null NOT NULL search_name NOT VALID;
-- #endregion up
