import rule from '../../src/rules/no-truncate.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

ruleTester().run('no-truncate', rule, {
  valid: [
    knexMigration(`  await knex.schema.createTable('import_rows', (table) => table.text('line'));
  await knex('import_rows').truncate();`),
    knexMigration("  await knex('users').where('id', 1).delete();"),
    knexMigration('', { down: "  await knex('users').truncate();" }),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex('sessions').truncate();
  await knex.table('audit_log').truncate();`),
      errors: [
        { messageId: 'truncate', line: 4, column: 9, endColumn: 36, data: { tables: 'sessions' } },
        { messageId: 'truncate', line: 5, column: 9, endColumn: 43, data: { tables: 'audit_log' } },
      ],
    },
    {
      code: knexMigration(`  await knex.transaction(async (trx) => {
    await trx('sessions').truncate();
  });`),
      errors: [{ messageId: 'truncate', line: 5, column: 11, data: { tables: 'sessions' } }],
    },
    {
      code: knexMigration("  await knex.raw('TRUNCATE users, public.orders CASCADE');"),
      errors: [{ messageId: 'truncateCascade', line: 4, column: 19, endColumn: 56, data: { tables: 'users, orders' } }],
    },
    {
      code: kyselyMigration('  await sql`TRUNCATE TABLE audit_log RESTART IDENTITY`.execute(db);'),
      errors: [{ messageId: 'truncate', line: 4, column: 13, data: { tables: 'audit_log' } }],
    },
    {
      code: knexMigration('', { down: "  await knex('users').truncate();" }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'truncate', line: 8, column: 9 }],
    },
  ],
});
