import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Expand: the new column, and a trigger that copies whichever of the two columns a writer set into
// the other, so that release N (writes name) and release N+1 (writes full_name) see each other's rows.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.addColumn('users', { full_name: { type: 'text' } });
  // With a function body, createTrigger also creates the function, named after the trigger.
  pgm.createTrigger(
    'users',
    'users_sync_full_name',
    { when: 'BEFORE', operation: ['INSERT', 'UPDATE OF name, full_name'], level: 'ROW', language: 'plpgsql' },
    `
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
END`,
  );
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.dropTrigger('users', 'users_sync_full_name', { ifExists: true });
  pgm.dropFunction('users_sync_full_name', [], { ifExists: true });
  pgm.dropColumn('users', 'full_name');
}
