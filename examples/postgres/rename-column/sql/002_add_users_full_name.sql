-- #region up
-- Expand: the new column, and a trigger that copies whichever of the two columns a writer set into
-- the other, so that release N (writes name) and release N+1 (writes full_name) see each other's rows.
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ADD COLUMN full_name text;
CREATE FUNCTION users_sync_full_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.full_name := coalesce(NEW.full_name, NEW.name);
    NEW.name := NEW.full_name;
  ELSIF NEW.full_name IS DISTINCT FROM OLD.full_name THEN
    NEW.name := NEW.full_name;
  ELSE
    NEW.full_name := NEW.name;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER users_sync_full_name
  BEFORE INSERT OR UPDATE OF name, full_name ON users
  FOR EACH ROW EXECUTE FUNCTION users_sync_full_name();
-- #endregion up
