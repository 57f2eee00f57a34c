import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-direct-set-not-null.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql } from '../languages/lint-sql.ts';

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

ruleTester().run('no-direct-set-not-null (Sequelize, MikroORM, Payload)', rule, {
  valid: [
    {
      // The recipe's last step, with the CHECK added and validated in the same file.
      code: sequelizeMigration(`    await queryInterface.addConstraint('users', { type: 'check', fields: ['email'], name: 'users_email_present', where: { email: { [Sequelize.Op.ne]: null } } });
    await queryInterface.changeColumn('users', 'email', { type: Sequelize.STRING, allowNull: false });`),
      filename: 'migrations/20240101000000-change.js',
    },
  ],
  invalid: [
    {
      code: sequelizeMigration("    await queryInterface.changeColumn('users', 'email', { type: Sequelize.STRING, allowNull: false });"),
      filename: 'migrations/20240101000000-change.js',
      errors: [{ messageId: 'setNotNull', line: 6, column: 11, endColumn: 102, data: { table: 'users', column: 'email' }, suggestions: [] }],
    },
    {
      code: mikroOrmMigration('    this.addSql(`alter table "user" alter column "email" set not null;`);'),
      errors: [{ messageId: 'setNotNull', line: 6, column: 18, endColumn: 70, data: { table: 'user', column: 'email' }, suggestions: [] }],
    },
    {
      code: payloadMigration('  await db.execute(sql`ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;`)'),
      filename: 'src/migrations/20240101_000000_change.ts',
      errors: [{ messageId: 'setNotNull', line: 4, column: 24, endColumn: 77, suggestions: [] }],
    },
  ],
});

describe('no-direct-set-not-null in .sql files', () => {
  const filename = 'prisma/migrations/20240101000000_user_email_required/migration.sql';
  const lint = (code: string, settings = {}) => lintSql(code, filename, settings).filter((message) => message.ruleId === 'live-upgrade/no-direct-set-not-null');

  it('reports SET NOT NULL, and on Postgres 18 suggests the NOT NULL … NOT VALID constraint', () => {
    const code = '-- AlterTable\nALTER TABLE "User" ALTER COLUMN "email" SET NOT NULL;\n';
    expect(lint(code).map(({ messageId, line, column, endColumn }) => ({ messageId, line, column, endColumn }))).toEqual([
      { messageId: 'setNotNull', line: 2, column: 1, endColumn: 53 },
    ]);
    const [native] = lint(code, { postgresVersion: 18 });
    expect(native).toMatchObject({ messageId: 'setNotNullNative', line: 2, column: 1 });
    expect(native?.suggestions?.map((suggestion) => suggestion.fix.text)).toEqual([
      'ALTER TABLE "User" ADD CONSTRAINT "User_email_not_null" NOT NULL "email" NOT VALID',
    ]);
  });
});

ruleTester().run('no-direct-set-not-null (node-pg-migrate, TypeORM)', rule, {
  valid: [
    nodePgMigrateMigration(`  pgm.addConstraint('users', 'users_email_present', 'CHECK (email IS NOT NULL) NOT VALID');
  pgm.sql('ALTER TABLE users VALIDATE CONSTRAINT users_email_present');
  pgm.alterColumn('users', 'email', { notNull: true });`),
  ],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.alterColumn('users', 'email', { notNull: true });"),
      errors: [{ messageId: 'setNotNull', line: 6, column: 3, endColumn: 55, data: { table: 'users', column: 'email' }, suggestions: [] }],
    },
    {
      code: typeormMigration('        await queryRunner.query(`ALTER TABLE "user" ALTER COLUMN "email" SET NOT NULL`);'),
      errors: [{ messageId: 'setNotNull', line: 6, column: 34, endColumn: 86, data: { table: 'user', column: 'email' }, suggestions: [] }],
    },
  ],
});
