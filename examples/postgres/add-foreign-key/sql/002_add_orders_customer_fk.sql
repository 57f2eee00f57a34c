-- #region up
-- NOT VALID: new and updated orders are checked from now on, the existing ones are not scanned.
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders
  ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
-- #endregion up
