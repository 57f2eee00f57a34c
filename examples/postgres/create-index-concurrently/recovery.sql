-- Recovering from a failed concurrent build. Each region runs as its own statement, outside a
-- transaction block, in this order.

-- #region unique-build
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
-- #endregion unique-build

-- #region find-invalid
SELECT indexrelid::regclass AS index, indrelid::regclass AS table_name
FROM pg_index
WHERE NOT indisvalid;
-- #endregion find-invalid

-- #region drop-invalid
DROP INDEX CONCURRENTLY IF EXISTS users_email_key;
-- #endregion drop-invalid

-- #region deduplicate
-- The repeated emails here are exact copies of an earlier row: keep the first one.
DELETE FROM users AS copy
USING users AS original
WHERE copy.email = original.email
  AND copy.id > original.id
  AND copy.display_name = original.display_name
  AND copy.bio IS NOT DISTINCT FROM original.bio;
-- #endregion deduplicate
