CREATE TABLE customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text,
  name text NOT NULL
);

-- No foreign key yet: release N deleted customers and left their orders behind.
CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint,
  total_cents integer NOT NULL,
  note text
);

CREATE INDEX orders_customer_id_idx ON orders (customer_id);
