-- #region up
-- Release N, still running during the rollout, queries customers: the view keeps that name working.
SET LOCAL lock_timeout = '2s';
ALTER TABLE customers RENAME TO clients;
CREATE VIEW customers AS SELECT * FROM clients;
-- #endregion up
