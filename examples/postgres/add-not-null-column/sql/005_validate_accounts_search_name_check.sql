-- #region up
-- Scans the table under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on.
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_search_name_check;
-- #endregion up
