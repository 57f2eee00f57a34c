-- #region up
-- Alone in its file, so it commits before 003 uses the value. IF NOT EXISTS makes a re-run harmless.
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'packed' BEFORE 'shipped';
-- #endregion up
