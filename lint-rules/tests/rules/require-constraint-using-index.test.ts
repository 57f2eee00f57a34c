import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/require-constraint-using-index.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql, reports } from '../languages/lint-sql.ts';

ruleTester().run('require-constraint-using-index', rule, {
  valid: [
    // The recipe: the index is built concurrently first, then the constraint takes it over.
    knexMigration("  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx');"),
    kyselyMigration('  await sql`ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_idx`.execute(db);'),
    // useConstraint: false makes Knex build a unique index, which is not a constraint.
    knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.unique(['email'], { useConstraint: false });
  });`),
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
      // On Postgres, Knex sends table.unique() as ADD CONSTRAINT … UNIQUE, named as Knex names it.
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.unique(['email']);
    table.unique(['nickname'], { indexName: 'users_nickname_key', deferrable: 'deferred' });
  });`),
      errors: [
        { messageId: 'addConstraint', line: 5, column: 5, data: { kind: 'UNIQUE', constraint: 'users_email_unique', table: 'users' } },
        { messageId: 'addConstraint', line: 6, column: 5, data: { kind: 'UNIQUE', constraint: 'users_nickname_key', table: 'users' } },
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

ruleTester().run('require-constraint-using-index (Sequelize, MikroORM, Payload)', rule, {
  valid: [
    {
      code: sequelizeMigration("    await queryInterface.sequelize.query('ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key');"),
      filename: 'migrations/20240101000000-change.js',
    },
  ],
  invalid: [
    {
      code: sequelizeMigration(`    await queryInterface.addConstraint('users', { type: 'unique', fields: ['email'], name: 'users_email_key' });
    await queryInterface.addColumn('users', 'code', { type: Sequelize.TEXT, unique: true });`),
      filename: 'migrations/20240101000000-change.js',
      errors: [
        { messageId: 'addConstraint', line: 6, column: 11, endColumn: 112, data: { kind: 'UNIQUE', constraint: 'users_email_key', table: 'users' } },
        { messageId: 'inlineConstraint', line: 7, column: 11, endColumn: 92, data: { column: 'code', kind: 'UNIQUE', table: 'users' } },
      ],
    },
    {
      code: mikroOrmMigration('    this.addSql(`alter table "user" add constraint "user_email_unique" unique ("email");`);'),
      errors: [{ messageId: 'addConstraint', line: 6, column: 18, endColumn: 88, data: { kind: 'UNIQUE', constraint: 'user_email_unique', table: 'user' } }],
    },
    {
      code: payloadMigration('  await db.execute(sql`ALTER TABLE "users" ADD CONSTRAINT "users_email_unique" UNIQUE("email");`)'),
      filename: 'src/migrations/20240101_000000_change.ts',
      errors: [{ messageId: 'addConstraint', line: 4, column: 24, endColumn: 95 }],
    },
  ],
});

describe('require-constraint-using-index in .sql files', () => {
  it('reports ADD UNIQUE and accepts USING INDEX', () => {
    const lint = (code: string) => reports(lintSql(code, 'migrations/0042_user_email_key.sql'), ['require-constraint-using-index']);
    expect(lint('ALTER TABLE "User" ADD CONSTRAINT "User_email_key" UNIQUE ("email");\n')).toEqual([
      { ruleId: 'live-upgrade/require-constraint-using-index', line: 1, column: 1, endLine: 1, endColumn: 68 },
    ]);
    expect(lint('ALTER TABLE "User" ADD CONSTRAINT "User_email_key" UNIQUE USING INDEX "User_email_key";\n')).toEqual([]);
  });
});

ruleTester().run('require-constraint-using-index (node-pg-migrate, TypeORM)', rule, {
  valid: [nodePgMigrateMigration("  pgm.addConstraint('users', 'users_email_key', 'UNIQUE USING INDEX users_email_key');")],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.addConstraint('users', 'users_email_key', { unique: ['email'] });"),
      errors: [{ messageId: 'addConstraint', line: 6, column: 3, endColumn: 71, data: { kind: 'UNIQUE', constraint: 'users_email_key', table: 'users' } }],
    },
    {
      code: typeormMigration("        await queryRunner.createUniqueConstraint('user', new TableUnique({ name: 'UQ_user_email', columnNames: ['email'] }));"),
      errors: [{ messageId: 'addConstraint', line: 6, column: 15, endColumn: 125, data: { kind: 'UNIQUE', constraint: 'UQ_user_email', table: 'user' } }],
    },
  ],
});
