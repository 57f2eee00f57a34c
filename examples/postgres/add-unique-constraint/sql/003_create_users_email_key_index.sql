-- #region up
-- Alone in its file: several statements sent together run as one transaction,
-- and CREATE INDEX CONCURRENTLY cannot run inside a transaction block.
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
-- #endregion up
