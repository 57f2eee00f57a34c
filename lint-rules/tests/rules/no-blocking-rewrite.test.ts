import rule from '../../src/rules/no-blocking-rewrite.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

ruleTester().run('no-blocking-rewrite', rule, {
  valid: [
    knexMigration("  await knex.raw('VACUUM ANALYZE users; ALTER TABLE users SET (fillfactor = 70)');"),
    knexMigration(`  await knex.schema.createTable('staging_rows', (table) => table.text('line'));
  await knex.raw('ALTER TABLE staging_rows SET UNLOGGED');`),
    knexMigration('', { down: "  await knex.raw('ALTER TABLE events SET LOGGED');" }),
  ],
  invalid: [
    {
      code: knexMigration("  await knex.raw('VACUUM FULL users; CLUSTER orders USING orders_pkey');"),
      errors: [
        { messageId: 'maintenance', line: 4, column: 19, endColumn: 36, data: { command: 'VACUUM FULL', target: 'users'} },
        { messageId: 'maintenance', line: 4, column: 38, data: { command: 'CLUSTER', target: 'orders'} },
      ],
    },
    {
      code: knexMigration("  await knex.raw('VACUUM FULL');"),
      settings: { 'live-upgrade': { postgresVersion: 19 } },
      errors: [
        {
          messageId: 'maintenanceRepack',
          line: 4,
          column: 19,
          data: { command: 'VACUUM FULL', target: 'every table of the database' },
        },
      ],
    },
    {
      code: kyselyMigration('  await sql`ALTER TABLE events SET UNLOGGED, SET TABLESPACE archive`.execute(db);'),
      errors: [
        { messageId: 'storage', line: 4, column: 13, data: { command: 'SET UNLOGGED', target: 'events' } },
        { messageId: 'storage', line: 4, column: 13, data: { command: 'SET TABLESPACE', target: 'events' } },
      ],
    },
    {
      code: kyselyMigration('  await sql`ALTER TABLE events SET ACCESS METHOD heap2`.execute(db);'),
      errors: [{ messageId: 'storage', line: 4, column: 13, endColumn: 55, data: { command: 'SET ACCESS METHOD', target: 'events' } }],
    },
    {
      code: knexMigration('', { down: "  await knex.raw('ALTER TABLE events SET LOGGED');" }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'storage', line: 8, column: 19 }],
    },
  ],
});
