-- #region up
-- Scans orders under SHARE UPDATE EXCLUSIVE (ROW SHARE on customers): reads and writes go on.
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;
-- #endregion up
