-- #region up
-- Rows release N wrote with a discount above the price would make VALIDATE fail: cap them, as
-- release N+1 does when it sets a discount. Only those rows are touched.
UPDATE products SET discount_cents = price_cents WHERE discount_cents > price_cents;
-- #endregion up
