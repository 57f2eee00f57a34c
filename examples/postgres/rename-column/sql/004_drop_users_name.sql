-- #region up
-- Contract: runs once no instance of release N is left. Nothing reads or writes name any more.
SET LOCAL lock_timeout = '2s';
DROP TRIGGER users_sync_full_name ON users;
DROP FUNCTION users_sync_full_name();
-- eslint-disable-next-line live-upgrade/no-drop-column -- renamed to full_name; unused since release N+1
ALTER TABLE users DROP COLUMN name;
-- #endregion up
