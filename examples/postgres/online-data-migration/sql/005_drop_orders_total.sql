-- #region up
-- Contract: runs once no instance of release N or N+1 is left; both name total in every query.
SET LOCAL lock_timeout = '2s';
-- eslint-disable-next-line live-upgrade/no-drop-column -- unused since release N+2; 003 proved every row has total_cents
ALTER TABLE orders DROP COLUMN total;
-- #endregion up
