-- #region up
-- Uses 'packed', which 002 added and committed.
CREATE VIEW orders_to_ship AS SELECT id, customer_email, status FROM orders WHERE status IN ('paid', 'packed');
-- #endregion up
