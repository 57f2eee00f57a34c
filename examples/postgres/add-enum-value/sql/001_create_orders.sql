CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'delivered', 'cancelled');
CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_email text,
  note text,
  status order_status NOT NULL DEFAULT 'pending'
);
CREATE INDEX orders_status_idx ON orders (status);
