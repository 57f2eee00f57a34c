import type { Knex } from 'knex';

// #region up
// Nullable, without a default: adding the column only changes the catalog. The CHECK is NOT VALID,
// so the existing rows are not scanned; the trigger fills the column on every write from now on.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('uploads', (table) => {
    table.bigInteger('size_bytes_new');
  });
  await knex.raw('ALTER TABLE uploads ADD CONSTRAINT uploads_size_bytes_new_not_null CHECK (size_bytes_new IS NOT NULL) NOT VALID');
  await knex.raw(`
    CREATE FUNCTION uploads_copy_size_bytes() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.size_bytes_new := NEW.size_bytes;
      RETURN NEW;
    END
    $$`);
  await knex.raw(`
    CREATE TRIGGER uploads_copy_size_bytes BEFORE INSERT OR UPDATE ON uploads
      FOR EACH ROW EXECUTE FUNCTION uploads_copy_size_bytes()`);
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('DROP TRIGGER uploads_copy_size_bytes ON uploads');
  await knex.raw('DROP FUNCTION uploads_copy_size_bytes()');
  await knex.schema.alterTable('uploads', (table) => {
    table.dropColumn('size_bytes_new');
  });
}
