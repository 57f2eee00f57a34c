-- #region up
-- Alone in its file, so it runs outside a transaction block, where a DO block may COMMIT:
-- each batch commits on its own and holds its row locks briefly.
-- eslint-disable-next-line live-upgrade/no-opaque-sql -- a batched backfill; it changes no schema
DO $$
DECLARE
  batch_size constant bigint := 2500;
  last_id bigint := (SELECT max(id) FROM uploads);
BEGIN
  FOR batch_start IN 1 .. coalesce(last_id, 0) BY batch_size LOOP
    UPDATE uploads SET size_bytes_new = size_bytes
    WHERE id >= batch_start AND id < batch_start + batch_size AND size_bytes_new IS NULL;
    COMMIT;
  END LOOP;
END
$$;
-- #endregion up
