-- #region up
-- Contract: runs once no instance of release N is left. Release N+1 neither reads nor writes nickname.
SET LOCAL lock_timeout = '2s';
-- eslint-disable-next-line live-upgrade/no-drop-column -- unused since release N+1 (002 made it nullable)
ALTER TABLE users DROP COLUMN nickname;
-- #endregion up
