import rule from '../../src/rules/require-lock-timeout.ts';
import { knexMigration, kyselyMigration, nodePgMigrateMigration, ruleTester } from '../fixtures.ts';

const lockTimeout = "  await knex.raw(\"SET LOCAL lock_timeout = '2s'\");";

ruleTester().run('require-lock-timeout', rule, {
  valid: [
    knexMigration(`${lockTimeout}
  await knex.schema.alterTable('users', (table) => {
    table.dropColumn('legacy');
  });`),
    kyselyMigration(`  await sql\`SET lock_timeout = '2s'\`.execute(db);
  await db.schema.alterTable('users').addColumn('age', 'integer').execute();`),
    // CONCURRENTLY takes SHARE UPDATE EXCLUSIVE, which does not block reads or writes.
    knexMigration("  await knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');"),
    // A table created in this migration has nobody waiting on it.
    knexMigration(`  await knex.schema.createTable('audit', (table) => table.bigIncrements('id'));
  await knex.raw('ALTER TABLE audit ADD COLUMN note text');`),
    knexMigration("  await knex.raw('UPDATE users SET age = 0 WHERE id < 1000');"),
    // A session SET lasts past the transaction it ran in.
    kyselyMigration(`  await sql\`SET lock_timeout = '2s'\`.execute(db);
  await sql\`COMMIT\`.execute(db);
  await sql\`ALTER TABLE users DROP COLUMN legacy\`.execute(db);`),
    // Without a transaction, a session SET is the one that holds.
    knexMigration("  await knex.raw(\"SET lock_timeout = '2s'\");\n  await knex.raw('ALTER TABLE users DROP COLUMN legacy');", {
      config: 'export const config = { transaction: false };',
    }),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.dropColumn('legacy');
    table.renameColumn('name', 'full_name');
  });`),
      errors: [
        { messageId: 'missingLockTimeout', line: 5, column: 5, data: { lock: 'ACCESS EXCLUSIVE', table: 'users', blocked: 'every read and write' } },
        { messageId: 'missingLockTimeout', line: 6, column: 5 },
      ],
    },
    {
      // lock_timeout = 0 turns the timeout off.
      code: kyselyMigration(`  await sql\`SET lock_timeout = 0\`.execute(db);
  await sql\`ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID\`.execute(db);`),
      errors: [
        { messageId: 'missingLockTimeout', line: 5, column: 13, data: { lock: 'SHARE ROW EXCLUSIVE', table: 'orders', blocked: 'every write (INSERT, UPDATE, DELETE)' } },
      ],
    },
    {
      // One report for a statement with several actions, naming its strictest lock.
      code: knexMigration("  await knex.raw('ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID, DROP COLUMN legacy');"),
      errors: [{ messageId: 'missingLockTimeout', line: 4, column: 19, data: { lock: 'ACCESS EXCLUSIVE', table: 'orders', blocked: 'every read and write' } }],
    },
    {
      // The timeout set in `down` does not cover `up`.
      code: knexMigration("  await knex.raw('CREATE INDEX users_email_idx ON users (email)');", { down: lockTimeout }),
      errors: [{ messageId: 'missingLockTimeout', line: 4, column: 19, data: { lock: 'SHARE', table: 'users', blocked: 'every write (INSERT, UPDATE, DELETE)' } }],
    },
    {
      // A dual-write trigger: CREATE TRIGGER waits for SHARE ROW EXCLUSIVE, DROP TRIGGER for ACCESS EXCLUSIVE.
      code: knexMigration(`  await knex.raw('CREATE TRIGGER users_sync BEFORE INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION users_sync()');
  await knex.raw('DROP TRIGGER IF EXISTS users_legacy_sync ON users');`),
      errors: [
        { messageId: 'missingLockTimeout', line: 4, column: 19, data: { lock: 'SHARE ROW EXCLUSIVE', table: 'users', blocked: 'every write (INSERT, UPDATE, DELETE)' } },
        { messageId: 'missingLockTimeout', line: 5, column: 19, data: { lock: 'ACCESS EXCLUSIVE', table: 'users', blocked: 'every read and write' } },
      ],
    },
    {
      code: nodePgMigrateMigration(`  pgm.createTrigger('users', 'users_sync', { when: 'BEFORE', operation: ['INSERT', 'UPDATE'], level: 'ROW', function: 'users_sync' });
  pgm.dropTrigger('users', 'users_legacy_sync', { ifExists: true });`),
      errors: [
        { messageId: 'missingLockTimeout', line: 6, column: 3, data: { lock: 'SHARE ROW EXCLUSIVE', table: 'users', blocked: 'every write (INSERT, UPDATE, DELETE)' } },
        { messageId: 'missingLockTimeout', line: 7, column: 3, data: { lock: 'ACCESS EXCLUSIVE', table: 'users', blocked: 'every read and write' } },
      ],
    },
    {
      // Postgres ignores SET LOCAL outside a transaction block: a migration without one gets no timeout.
      code: knexMigration(`${lockTimeout}
  await knex.raw('ALTER TABLE users DROP COLUMN legacy');`, { config: 'export const config = { transaction: false };' }),
      errors: [{ messageId: 'localOutsideTransaction', line: 5, column: 19, data: { lock: 'ACCESS EXCLUSIVE', table: 'users', blocked: 'every read and write', line: 4 } }],
    },
    {
      // SET LOCAL ends with its transaction: a statement after an explicit COMMIT runs without it.
      code: kyselyMigration(`  await sql\`SET LOCAL lock_timeout = '2s'\`.execute(db);
  await sql\`COMMIT\`.execute(db);
  await sql\`ALTER TABLE users DROP COLUMN legacy\`.execute(db);`),
      errors: [{ messageId: 'missingLockTimeout', line: 6, column: 13 }],
    },
  ],
});

ruleTester({ lockTimeout: 'connection' }).run('require-lock-timeout (set on the connection)', rule, {
  valid: [knexMigration("  await knex.raw('ALTER TABLE users DROP COLUMN legacy');")],
  invalid: [],
});

ruleTester({ kysely: { disableTransactions: true } }).run('require-lock-timeout (Kysely without transactions)', rule, {
  valid: [
    // The migration opens a transaction of its own, so SET LOCAL lasts until it commits.
    kyselyMigration(`  await db.transaction().execute(async (trx) => {
    await sql\`SET LOCAL lock_timeout = '2s'\`.execute(trx);
    await sql\`ALTER TABLE users DROP COLUMN legacy\`.execute(trx);
  });`),
  ],
  invalid: [
    {
      code: kyselyMigration(`  await sql\`SET LOCAL lock_timeout = '2s'\`.execute(db);
  await db.schema.alterTable('users').dropColumn('legacy').execute();`),
      errors: [{ messageId: 'localOutsideTransaction', line: 5, column: 39, data: { lock: 'ACCESS EXCLUSIVE', table: 'users', blocked: 'every read and write', line: 4 } }],
    },
  ],
});
