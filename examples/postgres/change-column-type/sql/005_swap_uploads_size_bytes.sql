-- #region up
-- One short transaction: from its commit on, size_bytes is the bigint column. Every statement
-- changes the catalog only; none scans or rewrites the table.
SET LOCAL lock_timeout = '2s';
DROP TRIGGER uploads_copy_size_bytes ON uploads;
DROP FUNCTION uploads_copy_size_bytes();
-- eslint-disable-next-line live-upgrade/no-rename-column -- the swap: size_bytes keeps its name and now names the bigint column
ALTER TABLE uploads RENAME COLUMN size_bytes TO size_bytes_old;
-- eslint-disable-next-line live-upgrade/no-rename-column -- the swap: size_bytes keeps its name and now names the bigint column
ALTER TABLE uploads RENAME COLUMN size_bytes_new TO size_bytes;
-- Release N+1 does not write size_bytes_old, so it must accept NULL.
ALTER TABLE uploads ALTER COLUMN size_bytes_old DROP NOT NULL;
-- eslint-disable-next-line live-upgrade/no-direct-set-not-null -- uploads_size_bytes_new_not_null, validated by 004, proves there is no NULL
ALTER TABLE uploads ALTER COLUMN size_bytes SET NOT NULL;
ALTER TABLE uploads DROP CONSTRAINT uploads_size_bytes_new_not_null;
-- #endregion up
