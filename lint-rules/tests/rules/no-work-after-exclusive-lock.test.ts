import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-work-after-exclusive-lock.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql } from '../languages/lint-sql.ts';

const noTransaction = { config: 'export const config = { transaction: false };' };

ruleTester().run('no-work-after-exclusive-lock', rule, {
  valid: [
    knexMigration(`  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('ALTER TABLE users ADD COLUMN nickname text, ADD COLUMN bio text');`),
    // A SHARE lock (CREATE INDEX) lets reads through; what follows it is not reported.
    knexMigration(`  await knex.raw('CREATE INDEX users_email_idx ON users (email)');
  await knex.raw('ANALYZE users');`),
    // Outside a transaction each statement releases its lock when it ends.
    knexMigration(`  await knex.raw('ALTER TABLE users ADD COLUMN nickname text');
  await knex.raw('CREATE INDEX CONCURRENTLY users_nickname_idx ON users (nickname)');`, noTransaction),
    // A table created in this migration is not in use.
    knexMigration(`  await knex.raw('CREATE TABLE audit (id bigint)');
  await knex.raw('ALTER TABLE audit ADD COLUMN note text');
  await knex.raw('CREATE INDEX audit_note_idx ON audit (note)');`),
    // Kysely sends the columns of one alterTable chain as one ALTER TABLE.
    kyselyMigration("  await db.schema.alterTable('users').addColumn('nickname', 'text').addColumn('bio', 'text').execute();"),
    // Sequelize runs each call on its own.
    sequelizeMigration(`    await queryInterface.addColumn('users', 'nickname', { type: Sequelize.TEXT });
    await queryInterface.addIndex('users', ['nickname'], { name: 'users_nickname', concurrently: true });`),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.raw('ALTER TABLE users ADD COLUMN nickname text');
  await knex.raw('UPDATE users SET nickname = name WHERE id < 1000');
  await knex.raw('COMMENT ON COLUMN users.nickname IS $$shown in the header$$');`),
      errors: [
        { messageId: 'workWhileLocked', line: 5, column: 19, data: { table: 'users', line: '4', blocked: 'every read and write' } },
        { messageId: 'workWhileLocked', line: 6, column: 19 },
      ],
    },
    {
      code: kyselyMigration(`  await sql\`ALTER TABLE users RENAME COLUMN name TO full_name\`.execute(db);
  await db.schema.alterTable('orders').addColumn('note', 'text').execute();`),
      errors: [{ messageId: 'workWhileLocked', line: 5, column: 40, data: { table: 'users', line: '4', blocked: 'every read and write' } }],
    },
    {
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.dropColumn('legacy');
  });
  await knex.raw('CREATE INDEX users_email_idx ON users (email)');`),
      errors: [{ messageId: 'workWhileLocked', line: 7, column: 19, data: { table: 'users', line: '5', blocked: 'every read and write' } }],
    },
    {
      code: nodePgMigrateMigration(`  pgm.addColumns('users', { nickname: { type: 'text' } });
  pgm.createIndex('users', 'nickname');`, ''),
      errors: [{ messageId: 'workWhileLocked', line: 7, column: 3, data: { table: 'users', line: '6', blocked: 'every read and write' } }],
    },
    {
      code: typeormMigration(`        await queryRunner.query(\`ALTER TABLE "user" ADD "nickname" character varying\`);
        await queryRunner.query(\`CREATE INDEX "IDX_user_nickname" ON "user" ("nickname") \`);`),
      errors: [{ messageId: 'workWhileLocked', line: 7, column: 34 }],
    },
    {
      // A transaction the migration opens with knex.transaction(): the lock lasts until its callback ends.
      code: knexMigration(`  await knex.transaction(async (trx) => {
    await trx.schema.alterTable('users', (table) => table.renameColumn('name', 'full_name'));
    await trx('users').where('id', '<', 1000).update({ nickname: trx.ref('full_name') });
  });`, { config: 'export const config = { transaction: false };' }),
      errors: [{ messageId: 'workWhileLocked', line: 6, column: 11, data: { table: 'users', line: '5', blocked: 'every read and write' } }],
    },
    {
      code: kyselyMigration(`  await db.transaction().execute(async (trx) => {
    await trx.schema.alterTable('users').renameColumn('name', 'full_name').execute();
    await trx.updateTable('users').set({ nickname: 'x' }).where('id', '<', 1000).execute();
  });`),
      errors: [{ messageId: 'workWhileLocked', line: 6, column: 11 }],
    },
    {
      code: mikroOrmMigration(`    this.addSql(\`alter table "user" add column "nickname" varchar(255) null;\`);
    this.addSql(\`create index "user_nickname_index" on "user" ("nickname");\`);`),
      errors: [{ messageId: 'workWhileLocked', line: 7, column: 18, data: { table: 'user', line: '6', blocked: 'every read and write' } }],
    },
    {
      code: payloadMigration(`  await db.execute(sql\`ALTER TABLE "pages" ADD COLUMN "slug" varchar;\`);
  await db.execute(sql\`CREATE UNIQUE INDEX "pages_slug_idx" ON "pages" USING btree ("slug");\`);`),
      errors: [{ messageId: 'workWhileLocked', line: 5, column: 24 }],
    },
    {
      // Inside the transaction the migration opens and passes to each call.
      code: sequelizeMigration(`    await queryInterface.sequelize.transaction(async (transaction) => {
      await queryInterface.renameColumn('users', 'name', 'full_name', { transaction });
      await queryInterface.addColumn('users', 'nickname', { type: Sequelize.TEXT }, { transaction });
    });`),
      errors: [{ messageId: 'workWhileLocked', line: 8, column: 13, data: { table: 'users', line: '7', blocked: 'every read and write' } }],
    },
  ],
});

describe('no-work-after-exclusive-lock in .sql files', () => {
  it('reports the statements after the lock in a node-pg-migrate file', () => {
    const code = `-- Up Migration
ALTER TABLE users ADD COLUMN nickname text;
CREATE INDEX users_nickname_idx ON users (nickname);

-- Down Migration
ALTER TABLE users DROP COLUMN nickname;
`;
    const reports = lintSql(code, 'migrations/1700000000000_nickname.sql')
      .filter((message) => message.ruleId === 'live-upgrade/no-work-after-exclusive-lock')
      .map(({ messageId, line, column }) => ({ messageId, line, column }));
    expect(reports).toEqual([{ messageId: 'workWhileLocked', line: 3, column: 1 }]);
  });
});
