-- #region up
-- The index is valid: the constraint takes it over without building or scanning anything.
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;
-- #endregion up
