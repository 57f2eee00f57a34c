-- No unique email yet: a double-submitted sign-up of release N stores the same user twice.
CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text,
  display_name text NOT NULL,
  bio text
);
