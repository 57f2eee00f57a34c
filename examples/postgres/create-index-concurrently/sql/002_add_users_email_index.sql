-- #region up
-- Alone in its file: several statements sent together run as one transaction,
-- and CREATE INDEX CONCURRENTLY cannot run inside a transaction block.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
-- #endregion up
