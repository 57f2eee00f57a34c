-- #region up
-- Runs once release N is gone. Deletes only exact copies of an older row.
DELETE FROM users AS copy
USING users AS original
WHERE copy.email = original.email
  AND copy.id > original.id
  AND copy.display_name = original.display_name
  AND copy.bio IS NOT DISTINCT FROM original.bio;
-- #endregion up
