-- #region up
-- NOT VALID: rows written from now on are checked, the existing ones are not scanned.
SET LOCAL lock_timeout = '2s';
ALTER TABLE products ADD CONSTRAINT products_discount_check CHECK (discount_cents <= price_cents) NOT VALID;
-- #endregion up
