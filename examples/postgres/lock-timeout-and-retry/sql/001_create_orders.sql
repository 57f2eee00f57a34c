CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_email text,
  item text NOT NULL,
  quantity integer NOT NULL
);
