-- #region up
-- Contract: runs once no instance of release N is left. Release N+1 neither reads nor writes login_events.
SET LOCAL lock_timeout = '2s';
-- eslint-disable-next-line live-upgrade/no-drop-table -- unused since release N+1, which no longer records logins
DROP TABLE login_events;
-- #endregion up
