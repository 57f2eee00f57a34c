import rule from '../../src/rules/no-direct-set-not-null.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

const setNotNull = 'ALTER TABLE users ALTER COLUMN email SET NOT NULL';

ruleTester().run('no-direct-set-not-null', rule, {
  valid: [
    // The recipe in one file: a CHECK proving no NULLs, validated before SET NOT NULL (here in explicit transactions).
    knexMigration(`  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_present CHECK (email IS NOT NULL) NOT VALID');
  await knex.raw('ALTER TABLE users VALIDATE CONSTRAINT users_email_present');
  await knex.raw('${setNotNull}');
  await knex.raw('ALTER TABLE users DROP CONSTRAINT users_email_present');`, { config: 'export const config = { transaction: false };' }),
    // A CHECK added validated proves it as well (require-not-valid-check reports how it was added).
    kyselyMigration(`  await sql\`ALTER TABLE users ADD CHECK (email IS NOT NULL AND name IS NOT NULL)\`.execute(db);
  await db.schema.alterTable('users').alterColumn('email', (col) => col.setNotNull()).execute();`),
    // A table created in the same migration has no rows to scan.
    knexMigration(`  await knex.schema.createTable('tokens', (table) => table.text('value'));
  await knex.schema.alterTable('tokens', (table) => table.dropNullable('value'));`),
    knexMigration('', { down: `  await knex.raw('${setNotNull}');` }),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.dropNullable('email');
    table.string('name').notNullable().alter();
  });
  await knex.raw('${setNotNull}');`),
      errors: [
        { messageId: 'setNotNull', line: 5, column: 5, endColumn: 32, data: { table: 'users', column: 'email' }, suggestions: [] },
        { messageId: 'setNotNull', line: 6, column: 5, endColumn: 25, data: { table: 'users', column: 'name' }, suggestions: [] },
        { messageId: 'setNotNull', line: 8, column: 19, endColumn: 68, data: { table: 'users', column: 'email' }, suggestions: [] },
      ],
    },
    {
      // A CHECK still NOT VALID, another column's CHECK, or a dropped CHECK proves nothing.
      code: kyselyMigration(`  await sql\`ALTER TABLE users ADD CONSTRAINT users_email_present CHECK (email IS NOT NULL) NOT VALID\`.execute(db);
  await sql\`ALTER TABLE users ADD CONSTRAINT users_name_present CHECK (name IS NOT NULL)\`.execute(db);
  await db.schema.alterTable('users').alterColumn('email', (col) => col.setNotNull()).execute();
  await sql\`ALTER TABLE users DROP CONSTRAINT users_name_present\`.execute(db);
  await sql\`ALTER TABLE users ALTER COLUMN name SET NOT NULL\`.execute(db);`),
      errors: [
        { messageId: 'setNotNull', line: 6, column: 39, endColumn: 86, data: { table: 'users', column: 'email' } },
        { messageId: 'setNotNull', line: 8, column: 13, endColumn: 61, data: { table: 'users', column: 'name' } },
      ],
    },
    {
      code: knexMigration('', { down: `  await knex.raw('${setNotNull}');` }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'setNotNull', line: 8, column: 19 }],
    },
  ],
});

ruleTester({ postgresVersion: 11 }).run('no-direct-set-not-null (Postgres 11)', rule, {
  valid: [],
  invalid: [
    {
      // Before 12, even a validated CHECK does not spare the scan.
      code: knexMigration(`  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_present CHECK (email IS NOT NULL) NOT VALID');
  await knex.raw('ALTER TABLE users VALIDATE CONSTRAINT users_email_present');
  await knex.raw('${setNotNull}');`, { config: 'export const config = { transaction: false };' }),
      errors: [{ messageId: 'setNotNullBefore12', line: 6, column: 19, data: { table: 'users', column: 'email' } }],
    },
  ],
});

ruleTester({ postgresVersion: 18 }).run('no-direct-set-not-null (Postgres 18)', rule, {
  valid: [
    knexMigration("  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_not_null NOT NULL email NOT VALID');"),
    // A validated NOT NULL constraint makes the column NOT NULL already.
    kyselyMigration(`  await sql\`ALTER TABLE users ADD CONSTRAINT users_email_not_null NOT NULL email NOT VALID\`.execute(db);
  await sql\`ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null\`.execute(db);
  await sql\`${setNotNull}\`.execute(db);`),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.raw('${setNotNull}');
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_name_not_null NOT NULL name');`),
      errors: [
        {
          messageId: 'setNotNullNative',
          line: 4,
          column: 19,
          endColumn: 68,
          data: { table: 'users', column: 'email' },
          suggestions: [
            {
              messageId: 'useNativeNotValid',
              output: knexMigration(`  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_not_null NOT NULL email NOT VALID');
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_name_not_null NOT NULL name');`),
            },
          ],
        },
        {
          messageId: 'addNotNull',
          line: 5,
          column: 19,
          endColumn: 85,
          data: { constraint: 'users_name_not_null', table: 'users', column: 'name' },
          suggestions: [
            {
              messageId: 'addNotValid',
              output: knexMigration(`  await knex.raw('${setNotNull}');
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_name_not_null NOT NULL name NOT VALID');`),
            },
          ],
        },
      ],
    },
    {
      // SET NOT NULL validates an invalid NOT NULL constraint, with the scan; builders get no suggestion.
      code: kyselyMigration(`  await sql\`ALTER TABLE users ADD CONSTRAINT users_email_not_null NOT NULL email NOT VALID\`.execute(db);
  await db.schema.alterTable('users').alterColumn('email', (col) => col.setNotNull()).execute();`),
      errors: [{ messageId: 'setNotNullNative', line: 5, column: 39, suggestions: [] }],
    },
  ],
});
