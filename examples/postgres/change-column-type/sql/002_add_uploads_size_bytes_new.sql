-- #region up
-- Nullable, without a default: adding the column only changes the catalog. The CHECK is NOT VALID,
-- so the existing rows are not scanned; the trigger fills the column on every write from now on.
SET LOCAL lock_timeout = '2s';
ALTER TABLE uploads
  ADD COLUMN size_bytes_new bigint,
  ADD CONSTRAINT uploads_size_bytes_new_not_null CHECK (size_bytes_new IS NOT NULL) NOT VALID;
CREATE FUNCTION uploads_copy_size_bytes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.size_bytes_new := NEW.size_bytes;
  RETURN NEW;
END
$$;
CREATE TRIGGER uploads_copy_size_bytes BEFORE INSERT OR UPDATE ON uploads
  FOR EACH ROW EXECUTE FUNCTION uploads_copy_size_bytes();
-- #endregion up
