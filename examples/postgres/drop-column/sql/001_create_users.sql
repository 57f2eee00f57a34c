CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text,
  display_name text NOT NULL,
  nickname text NOT NULL
);
