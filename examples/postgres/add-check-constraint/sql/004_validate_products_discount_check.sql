-- #region up
-- Scans products under SHARE UPDATE EXCLUSIVE: reads and writes go on.
ALTER TABLE products VALIDATE CONSTRAINT products_discount_check;
-- #endregion up
