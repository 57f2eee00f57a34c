CREATE TABLE uploads (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_name text NOT NULL,
  content_type text,
  note text,
  size_bytes integer NOT NULL
);
