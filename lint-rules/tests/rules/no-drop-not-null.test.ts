import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-drop-not-null.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql, reports } from '../languages/lint-sql.ts';

ruleTester().run('no-drop-not-null', rule, {
  valid: [
    // A column of a table created, or a column added, in the same migration: no reader expects it yet.
    knexMigration(`  await knex.schema.createTable('tokens', (table) => table.text('value').notNullable());
  await knex.schema.alterTable('tokens', (table) => table.setNullable('value'));`),
    kyselyMigration(`  await sql\`ALTER TABLE users ADD COLUMN nickname text NOT NULL DEFAULT ''\`.execute(db);
  await sql\`ALTER TABLE users ALTER COLUMN nickname DROP NOT NULL\`.execute(db);`),
    // Knex .notNullable().alter() drops NOT NULL and sets it again.
    knexMigration("  await knex.schema.alterTable('users', (table) => table.string('name').notNullable().alter());"),
    // down undoes a SET NOT NULL of up.
    knexMigration("  await knex.raw('ALTER TABLE users ALTER COLUMN email SET NOT NULL');", {
      down: "  await knex.raw('ALTER TABLE users ALTER COLUMN email DROP NOT NULL');",
    }),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.setNullable('phone');
  });
  await knex.raw('ALTER TABLE users ALTER COLUMN email DROP NOT NULL');`),
      errors: [
        { messageId: 'dropNotNull', line: 5, column: 5, endColumn: 31, data: { table: 'users', column: 'phone' } },
        { messageId: 'dropNotNull', line: 7, column: 19, endColumn: 69, data: { table: 'users', column: 'email' } },
      ],
    },
    {
      code: kyselyMigration(`  await db.schema.alterTable('users').alterColumn('phone', (col) => col.dropNotNull()).execute();
  await sql\`ALTER TABLE \${sql.table('app.users')} ALTER email DROP NOT NULL\`.execute(db);`),
      errors: [
        { messageId: 'dropNotNull', line: 4, column: 39, endColumn: 87, data: { table: 'users', column: 'phone' } },
        { messageId: 'dropNotNull', line: 5, column: 13, data: { table: 'app.users', column: 'email' } },
      ],
    },
    {
      code: knexMigration('', { down: "  await knex.raw('ALTER TABLE users ALTER COLUMN email DROP NOT NULL');" }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'dropNotNull', line: 8, column: 19 }],
    },
  ],
});

ruleTester().run('no-drop-not-null (Sequelize, MikroORM, Payload)', rule, {
  valid: [],
  invalid: [
    {
      code: sequelizeMigration("    await queryInterface.changeColumn('users', 'phone', { type: Sequelize.STRING, allowNull: true });"),
      filename: 'migrations/20240101000000-change.js',
      errors: [{ messageId: 'dropNotNull', line: 6, column: 11, endColumn: 101, data: { table: 'users', column: 'phone' } }],
    },
    {
      code: mikroOrmMigration('    this.addSql(`alter table "user" alter column "phone" drop not null;`);'),
      errors: [{ messageId: 'dropNotNull', line: 6, column: 18, endColumn: 71, data: { table: 'user', column: 'phone' } }],
    },
    {
      code: payloadMigration('  await db.execute(sql`ALTER TABLE "users" ALTER COLUMN "phone" DROP NOT NULL;`)'),
      filename: 'src/migrations/20240101_000000_change.ts',
      errors: [{ messageId: 'dropNotNull', line: 4, column: 24, endColumn: 78 }],
    },
  ],
});

describe('no-drop-not-null in .sql files', () => {
  it('reports DROP NOT NULL', () => {
    const code = '-- AlterTable\nALTER TABLE "User" ALTER COLUMN "phone" DROP NOT NULL;\n';
    expect(reports(lintSql(code, 'prisma/migrations/20240101000000_user_phone_optional/migration.sql'), ['no-drop-not-null'])).toEqual([
      { ruleId: 'live-upgrade/no-drop-not-null', line: 2, column: 1, endLine: 2, endColumn: 54 },
    ]);
  });
});

ruleTester().run('no-drop-not-null (node-pg-migrate, TypeORM)', rule, {
  valid: [nodePgMigrateMigration("  pgm.addColumns('users', { contact_phone: { type: 'text' } });")],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.alterColumn('users', 'phone', { notNull: false });"),
      errors: [{ messageId: 'dropNotNull', line: 6, column: 3, endColumn: 56, data: { table: 'users', column: 'phone' } }],
    },
    {
      code: typeormMigration('        await queryRunner.query(`ALTER TABLE "user" ALTER COLUMN "phone" DROP NOT NULL`);'),
      errors: [{ messageId: 'dropNotNull', line: 6, column: 34, endColumn: 87, data: { table: 'user', column: 'phone' } }],
    },
  ],
});
