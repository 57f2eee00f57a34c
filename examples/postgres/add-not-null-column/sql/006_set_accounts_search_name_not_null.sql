-- #region up
-- The validated CHECK proves there is no NULL, so Postgres skips the scan.
SET LOCAL lock_timeout = '2s';
-- The rule sees one migration at a time, not the CHECK validated in 005.
-- eslint-disable-next-line live-upgrade/no-direct-set-not-null -- accounts_search_name_check, validated by 005, proves there is no NULL
ALTER TABLE accounts ALTER COLUMN search_name SET NOT NULL;
-- #endregion up
