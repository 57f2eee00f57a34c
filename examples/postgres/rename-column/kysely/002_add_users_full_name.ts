import { sql, type Kysely } from 'kysely';

// #region up
// Expand: the new column, and a trigger that copies whichever of the two columns a writer set into
// the other, so that release N (writes name) and release N+1 (writes full_name) see each other's rows.
export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await trx.schema.alterTable('users').addColumn('full_name', 'text').execute();
    await sql`
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
      $$`.execute(trx);
    await sql`
      CREATE TRIGGER users_sync_full_name
        BEFORE INSERT OR UPDATE OF name, full_name ON users
        FOR EACH ROW EXECUTE FUNCTION users_sync_full_name()`.execute(trx);
  });
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await sql`DROP TRIGGER IF EXISTS users_sync_full_name ON users`.execute(trx);
    await sql`DROP FUNCTION IF EXISTS users_sync_full_name()`.execute(trx);
    await trx.schema.alterTable('users').dropColumn('full_name').execute();
  });
}
