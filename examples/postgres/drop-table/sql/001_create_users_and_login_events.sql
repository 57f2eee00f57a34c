CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  display_name text NOT NULL
);

CREATE TABLE login_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users,
  user_agent text,
  at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX login_events_user_id_index ON login_events (user_id);
