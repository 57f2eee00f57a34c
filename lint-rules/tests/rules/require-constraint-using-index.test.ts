import rule from '../../src/rules/require-constraint-using-index.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

ruleTester().run('require-constraint-using-index', rule, {
  valid: [
    // The recipe: the index is built concurrently first, then the constraint takes it over.
    knexMigration("  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx');"),
    kyselyMigration('  await sql`ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_idx`.execute(db);'),
    // A table created in the same migration has no rows to index.
    knexMigration(`  await knex.schema.createTable('tokens', (table) => table.text('value'));
  await knex.schema.alterTable('tokens', (table) => {
    table.primary(['value'], 'tokens_pkey');
    table.string('hash').unique();
  });`),
    kyselyMigration(`  await db.schema.createTable('tokens').addColumn('value', 'text').execute();
  await db.schema.alterTable('tokens').addUniqueConstraint('tokens_value_key', ['value']).execute();`),
    knexMigration('', { down: "  await knex.raw('ALTER TABLE users ADD PRIMARY KEY (id)');" }),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.primary(['id'], 'users_pkey');
    table.string('email').unique();
  });`),
      errors: [
        { messageId: 'addConstraint', line: 5, column: 5, endColumn: 40, data: { kind: 'PRIMARY KEY', constraint: 'users_pkey', table: 'users' } },
        { messageId: 'inlineConstraint', line: 6, column: 5, endColumn: 26, data: { column: 'email', kind: 'UNIQUE', table: 'users' } },
      ],
    },
    {
      code: knexMigration(`  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)');
  await knex.raw('ALTER TABLE users ADD PRIMARY KEY (id)');
  await knex.raw('ALTER TABLE users ADD COLUMN code text UNIQUE');`),
      errors: [
        { messageId: 'addConstraint', line: 4, column: 19, endColumn: 82, data: { kind: 'UNIQUE', constraint: 'users_email_key', table: 'users' } },
        { messageId: 'addConstraint', line: 5, column: 19, endColumn: 57, data: { kind: 'PRIMARY KEY', constraint: '(unnamed)', table: 'users' } },
        { messageId: 'inlineConstraint', line: 6, column: 19, endColumn: 64, data: { column: 'code', kind: 'UNIQUE', table: 'users' } },
      ],
    },
    {
      code: kyselyMigration(`  await db.schema.alterTable('users').addUniqueConstraint('users_email_key', ['email']).execute();
  await db.schema.alterTable('users').addPrimaryKeyConstraint('users_pkey', ['id']).execute();
  await db.schema.alterTable('users').addColumn('code', 'text', (col) => col.unique()).execute();
  await sql\`ALTER TABLE users ADD UNIQUE (nickname)\`.execute(db);`),
      errors: [
        { messageId: 'addConstraint', line: 4, column: 39, endColumn: 88, data: { kind: 'UNIQUE', constraint: 'users_email_key', table: 'users' } },
        { messageId: 'addConstraint', line: 5, column: 39, endColumn: 84, data: { kind: 'PRIMARY KEY', constraint: 'users_pkey', table: 'users' } },
        { messageId: 'inlineConstraint', line: 6, column: 39, endColumn: 87, data: { column: 'code', kind: 'UNIQUE', table: 'users' } },
        { messageId: 'addConstraint', line: 7, column: 13, endColumn: 52, data: { kind: 'UNIQUE', constraint: '(unnamed)', table: 'users' } },
      ],
    },
    {
      code: knexMigration('', { down: "  await knex.raw('ALTER TABLE users ADD PRIMARY KEY (id)');" }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'addConstraint', line: 8, column: 19 }],
    },
  ],
});
