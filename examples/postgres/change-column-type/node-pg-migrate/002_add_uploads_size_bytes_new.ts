import type { MigrationBuilder } from 'node-pg-migrate';

// #region up
// Nullable, without a default: adding the column only changes the catalog. The CHECK is NOT VALID,
// so the existing rows are not scanned; the trigger fills the column on every write from now on.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.addColumn('uploads', { size_bytes_new: { type: 'bigint' } });
  pgm.addConstraint('uploads', 'uploads_size_bytes_new_not_null', 'CHECK (size_bytes_new IS NOT NULL) NOT VALID');
  pgm.createFunction('uploads_copy_size_bytes', [], { returns: 'trigger', language: 'plpgsql' }, `
    BEGIN
      NEW.size_bytes_new := NEW.size_bytes;
      RETURN NEW;
    END`);
  pgm.createTrigger('uploads', 'uploads_copy_size_bytes', {
    when: 'BEFORE',
    operation: ['INSERT', 'UPDATE'],
    level: 'ROW',
    function: 'uploads_copy_size_bytes',
  });
}
// #endregion up

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.dropTrigger('uploads', 'uploads_copy_size_bytes');
  pgm.dropFunction('uploads_copy_size_bytes', []);
  pgm.dropColumn('uploads', 'size_bytes_new');
}
