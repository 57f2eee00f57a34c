-- No check on the discount yet: release N lets it exceed the price.
CREATE TABLE products (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  price_cents integer NOT NULL,
  discount_cents integer NOT NULL DEFAULT 0,
  description text
);
CREATE INDEX products_name_idx ON products (name);
