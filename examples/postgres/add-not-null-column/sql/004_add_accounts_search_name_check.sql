-- #region up
-- NOT VALID: rows written from now on are checked, the existing ones are not scanned.
SET LOCAL lock_timeout = '2s';
ALTER TABLE accounts ADD CONSTRAINT accounts_search_name_check CHECK (search_name IS NOT NULL) NOT VALID;
-- #endregion up
