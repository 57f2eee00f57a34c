-- #region up
-- Scans the table under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on.
ALTER TABLE uploads VALIDATE CONSTRAINT uploads_size_bytes_new_not_null;
-- #endregion up
