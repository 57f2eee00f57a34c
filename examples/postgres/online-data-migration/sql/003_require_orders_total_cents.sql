-- #region up
-- Blocker: fails the deploy while the online data migration has rows left to do.
-- eslint-disable-next-line live-upgrade/no-opaque-sql -- a check; it changes neither schema nor data
DO $$
DECLARE
  pending int := (SELECT count(*) FROM orders WHERE total_cents IS NULL);
BEGIN
  IF pending > 0 THEN
    RAISE EXCEPTION '% orders have no total_cents yet. Run the online data migrations until they exit 0: npx jiti examples/postgres/online-data-migration/runner.ts', pending;
  END IF;
END
$$;
-- #endregion up
