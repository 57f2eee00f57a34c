import { sql, type Kysely } from 'kysely';

// #region up
// Nullable, without a default: adding the column only changes the catalog. The CHECK is NOT VALID,
// so the existing rows are not scanned; the trigger fills the column on every write from now on.
export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await trx.schema.alterTable('uploads').addColumn('size_bytes_new', 'bigint').execute();
    await sql`ALTER TABLE uploads ADD CONSTRAINT uploads_size_bytes_new_not_null CHECK (size_bytes_new IS NOT NULL) NOT VALID`.execute(trx);
    await sql`
      CREATE FUNCTION uploads_copy_size_bytes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.size_bytes_new := NEW.size_bytes;
        RETURN NEW;
      END
      $$`.execute(trx);
    await sql`
      CREATE TRIGGER uploads_copy_size_bytes BEFORE INSERT OR UPDATE ON uploads
        FOR EACH ROW EXECUTE FUNCTION uploads_copy_size_bytes()`.execute(trx);
  });
}
// #endregion up

export async function down(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
    await sql`DROP TRIGGER uploads_copy_size_bytes ON uploads`.execute(trx);
    await sql`DROP FUNCTION uploads_copy_size_bytes()`.execute(trx);
    await trx.schema.alterTable('uploads').dropColumn('size_bytes_new').execute();
  });
}
