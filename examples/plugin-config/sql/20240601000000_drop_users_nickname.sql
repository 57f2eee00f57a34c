SET lock_timeout = '2s';
-- eslint-disable-next-line live-upgrade/no-drop-column -- release 41 stopped reading users.nickname
ALTER TABLE users DROP COLUMN nickname;
