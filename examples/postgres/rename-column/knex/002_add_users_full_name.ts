import type { Knex } from 'knex';

// #region up
// Expand: the new column, and a trigger that copies whichever of the two columns a writer set into
// the other, so that release N (writes name) and release N+1 (writes full_name) see each other's rows.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.schema.alterTable('users', (table) => {
    table.text('full_name');
  });
  await knex.raw(`
    CREATE FUNCTION users_sync_full_name() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        NEW.full_name := coalesce(NEW.full_name, NEW.name);
        NEW.name := NEW.full_name;
      ELSIF NEW.full_name IS DISTINCT FROM OLD.full_name THEN
        NEW.name := NEW.full_name;
      ELSE
        NEW.full_name := NEW.name;
      END IF;
      RETURN NEW;
    END
    $$`);
  await knex.raw(`
    CREATE TRIGGER users_sync_full_name
      BEFORE INSERT OR UPDATE OF name, full_name ON users
      FOR EACH ROW EXECUTE FUNCTION users_sync_full_name()`);
}
// #endregion up

export async function down(knex: Knex): Promise<void> {
  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('DROP TRIGGER IF EXISTS users_sync_full_name ON users');
  await knex.raw('DROP FUNCTION IF EXISTS users_sync_full_name()');
  await knex.schema.alterTable('users', (table) => {
    table.dropColumn('full_name');
  });
}
