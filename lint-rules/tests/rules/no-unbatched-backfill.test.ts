import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-unbatched-backfill.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql } from '../languages/lint-sql.ts';

const noTransaction = { config: 'export const config = { transaction: false };' };

ruleTester().run('no-unbatched-backfill', rule, {
  valid: [
    knexMigration("  await knex.raw('UPDATE users SET nickname = name WHERE id BETWEEN 1 AND 1000');"),
    // Outside a transaction the column is committed before the batch runs.
    knexMigration(`  await knex.raw('ALTER TABLE users ADD COLUMN nickname text');
  await knex.raw('UPDATE users SET nickname = name WHERE id BETWEEN 1 AND 1000');`, noTransaction),
    // Nobody reads a table created in the same migration.
    knexMigration(`  await knex.schema.createTable('audit', (table) => table.bigIncrements('id'));
  await knex.raw('ALTER TABLE audit ADD COLUMN note text');
  await knex.raw("UPDATE audit SET note = ''");`),
    kyselyMigration("  await sql`INSERT INTO settings (key, value) VALUES ('theme', 'dark')`.execute(db);"),
    // Query-builder forms with a WHERE.
    knexMigration("  await knex('users').where('id', '<', 1000).update({ plan: 'free' });"),
    kyselyMigration("  await db.updateTable('users').set({ plan: 'free' }).where('id', '<', 1000).execute();"),
    knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.text('plan');
  });
  await knex.transaction(async (trx) => {
    await trx('users').where('id', '<', 1000).update({ plan: 'free' });
  });`, noTransaction),
    // `down` is not checked by default.
    knexMigration('', { down: "  await knex.raw('DELETE FROM sessions');" }),
    // Sequelize commits the column before the batch: it does not wrap migrations.
    sequelizeMigration(`    await queryInterface.addColumn('users', 'plan', { type: Sequelize.TEXT });
    await queryInterface.bulkUpdate('users', { plan: 'free' }, { id: { [Sequelize.Op.lt]: 1000 } });`),
  ],
  invalid: [
    {
      code: knexMigration("  await knex.raw('UPDATE users SET nickname = name');"),
      errors: [{ messageId: 'wholeTable', line: 4, column: 19, data: { statement: 'UPDATE', table: 'users' } }],
    },
    {
      code: kyselyMigration('  await sql`DELETE FROM public.sessions`.execute(db);'),
      errors: [{ messageId: 'wholeTable', line: 4, column: 13, data: { statement: 'DELETE', table: 'sessions' } }],
    },
    {
      code: knexMigration(`  await knex.raw('ALTER TABLE users ADD COLUMN nickname text');
  await knex.raw('UPDATE users SET nickname = name WHERE id BETWEEN 1 AND 1000');`),
      errors: [
        {
          messageId: 'withSchemaChange',
          line: 5,
          column: 19,
          data: { statement: 'UPDATE', table: 'users', line: '4', lock: 'ACCESS EXCLUSIVE', blocked: 'every read and write' },
        },
      ],
    },
    {
      // The index build that follows holds SHARE on the table from the same transaction.
      code: kyselyMigration(`  await sql\`UPDATE users SET email = lower(email)\`.execute(db);
  await db.schema.createIndex('users_email_idx').on('users').column('email').execute();`),
      errors: [{ messageId: 'withSchemaChange', line: 4, column: 13, data: { statement: 'UPDATE', table: 'users', line: '5', lock: 'SHARE', blocked: 'every write (INSERT, UPDATE, DELETE)' } }],
    },
    {
      code: knexMigration("  await knex('users').update({ plan: 'free' });\n  await knex.table('sessions').del();"),
      errors: [
        { messageId: 'wholeTable', line: 4, column: 9, endColumn: 47, data: { statement: 'UPDATE', table: 'users' } },
        { messageId: 'wholeTable', line: 5, column: 9, data: { statement: 'DELETE', table: 'sessions' } },
      ],
    },
    {
      code: kyselyMigration(`  await db.schema.alterTable('users').addColumn('plan', 'text').execute();
  await db.updateTable('users').set({ plan: 'free' }).where('id', '<', 1000).execute();
  await db.deleteFrom('sessions as s').execute();`),
      errors: [
        { messageId: 'withSchemaChange', line: 5, column: 9, endColumn: 77, data: { statement: 'UPDATE', table: 'users', line: '4', lock: 'ACCESS EXCLUSIVE', blocked: 'every read and write' } },
        { messageId: 'wholeTable', line: 6, column: 9, data: { statement: 'DELETE', table: 'sessions' } },
      ],
    },
    {
      code: nodePgMigrateMigration(`  pgm.addColumns('users', { plan: { type: 'text' } });
  pgm.sql("UPDATE users SET plan = 'free'");`, ''),
      errors: [{ messageId: 'withSchemaChange', line: 7, column: 12, data: { statement: 'UPDATE', table: 'users', line: '6', lock: 'ACCESS EXCLUSIVE', blocked: 'every read and write' } }],
    },
    {
      code: typeormMigration('        await queryRunner.query(`DELETE FROM "session"`);'),
      errors: [{ messageId: 'wholeTable', line: 6, column: 34, data: { statement: 'DELETE', table: 'session' } }],
    },
    {
      code: sequelizeMigration("    await queryInterface.bulkUpdate('users', { plan: 'free' }, {});"),
      errors: [{ messageId: 'wholeTable', line: 6, column: 11, data: { statement: 'UPDATE', table: 'users' } }],
    },
    {
      code: mikroOrmMigration(`    this.addSql(\`alter table "user" add column "plan" varchar(255) null;\`);
    this.addSql(\`update "user" set "plan" = 'free' where "id" < 1000;\`);`),
      errors: [{ messageId: 'withSchemaChange', line: 7, column: 18, data: { statement: 'UPDATE', table: 'user', line: '6', lock: 'ACCESS EXCLUSIVE', blocked: 'every read and write' } }],
    },
    {
      code: payloadMigration('  await db.execute(sql`DELETE FROM "sessions";`);'),
      errors: [{ messageId: 'wholeTable', line: 4, column: 24 }],
    },
    {
      code: knexMigration('', { down: "  await knex.raw('DELETE FROM sessions');" }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'wholeTable', line: 8, column: 19 }],
    },
  ],
});

describe('no-unbatched-backfill in .sql files', () => {
  const reports = (code: string, filename: string) =>
    lintSql(code, filename)
      .filter((message) => message.ruleId === 'live-upgrade/no-unbatched-backfill')
      .map(({ messageId, line, column }) => ({ messageId, line, column }));

  it('reports a backfill inside the BEGIN … COMMIT that changes the table', () => {
    const code = `BEGIN;
ALTER TABLE users ADD COLUMN nickname text;
UPDATE users SET nickname = name WHERE id < 1000;
COMMIT;
`;
    expect(reports(code, 'migrations/0004_nickname.sql')).toEqual([{ messageId: 'withSchemaChange', line: 3, column: 1 }]);
  });

  it('reports an UPDATE of a whole table in a Prisma migration.sql', () => {
    const code = '-- Backfill\nUPDATE "User" SET "nickname" = "name";\n';
    expect(reports(code, 'prisma/migrations/20240101000000_nickname/migration.sql')).toEqual([{ messageId: 'wholeTable', line: 2, column: 1 }]);
  });
});
