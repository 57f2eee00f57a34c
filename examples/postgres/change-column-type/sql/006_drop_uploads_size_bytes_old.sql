-- #region up
-- The contract step: the int column has had no reader or writer since the swap.
SET LOCAL lock_timeout = '2s';
-- eslint-disable-next-line live-upgrade/no-drop-column -- no release reads size_bytes_old: release N+1 reads size_bytes, which 005 made the bigint column
ALTER TABLE uploads DROP COLUMN size_bytes_old;
-- #endregion up
