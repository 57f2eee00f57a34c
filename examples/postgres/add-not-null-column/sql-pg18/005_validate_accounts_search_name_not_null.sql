-- #region up
-- Once validated, the column is NOT NULL: no SET NOT NULL and no CHECK to drop.
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_search_name_not_null;
-- #endregion up
