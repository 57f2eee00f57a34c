import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-concurrent-index-on-partitioned-table.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql, reports } from '../languages/lint-sql.ts';

const outsideTransaction = { config: 'export const config = { transaction: false };' };

ruleTester().run('no-concurrent-index-on-partitioned-table', rule, {
  valid: [
    // Not known to be partitioned: the linter sees no PARTITION BY and no setting names it.
    knexMigration("  await knex.raw('CREATE INDEX CONCURRENTLY events_at_idx ON events (at)');", outsideTransaction),
    // The recipe: an invalid index ON ONLY the parent, concurrent builds on the partitions, ATTACH.
    kyselyMigration(`  await sql\`CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at)\`.execute(db);
  await sql\`CREATE INDEX events_at_idx ON ONLY events (at)\`.execute(db);
  await sql\`CREATE INDEX CONCURRENTLY events_2023_at_idx ON events_2023 (at)\`.execute(db);
  await sql\`ALTER INDEX events_at_idx ATTACH PARTITION events_2023_at_idx\`.execute(db);`),
    // A table of the same name created without PARTITION BY.
    knexMigration(`  await knex.schema.createTable('events', (table) => table.bigIncrements('id'));
  await knex.raw('CREATE INDEX CONCURRENTLY events_id_idx ON events (id)');`),
    knexMigration('', {
      down: `  await knex.raw('CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at)');
  await knex.raw('CREATE INDEX CONCURRENTLY events_at_idx ON events (at)');`,
    }),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.raw('CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at)');
  await knex.raw('CREATE INDEX CONCURRENTLY events_at_idx ON events (at)');
  await knex.raw('CREATE INDEX CONCURRENTLY events_id_idx ON ONLY public.events (id)');`),
      errors: [
        { messageId: 'partitionedTable', line: 5, column: 19, endColumn: 73, data: { table: 'events', evidence: 'created with PARTITION BY at line 4' } },
        { messageId: 'partitionedTable', line: 6, column: 19, endColumn: 85, data: { table: 'events', evidence: 'created with PARTITION BY at line 4' } },
      ],
    },
    {
      code: kyselyMigration(`  await sql\`
    CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at);
    CREATE INDEX CONCURRENTLY events_at_idx ON \${sql.table('events')} (at);
  \`.execute(db);`),
      errors: [{ messageId: 'partitionedTable', line: 6, column: 5, data: { table: 'events', evidence: 'created with PARTITION BY at line 5' } }],
    },
    {
      code: knexMigration('', {
        down: `  await knex.raw('CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at)');
  await knex.raw('CREATE INDEX CONCURRENTLY events_at_idx ON events (at)');`,
      }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'partitionedTable', line: 9, column: 19 }],
    },
  ],
});

ruleTester({ partitionedTables: ['events', 'audit.log'] }).run('no-concurrent-index-on-partitioned-table (setting)', rule, {
  valid: [knexMigration("  await knex.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');", outsideTransaction)],
  invalid: [
    {
      code: knexMigration(`  await knex.raw('CREATE INDEX CONCURRENTLY events_at_idx ON public.events (at)');
  await knex.raw('CREATE INDEX CONCURRENTLY log_at_idx ON audit.log (at)');`, outsideTransaction),
      errors: [
        { messageId: 'partitionedTable', line: 4, column: 19, data: { table: 'events', evidence: "listed in settings['live-upgrade'].partitionedTables" } },
        { messageId: 'partitionedTable', line: 5, column: 19, data: { table: 'audit.log', evidence: "listed in settings['live-upgrade'].partitionedTables" } },
      ],
    },
    {
      code: kyselyMigration('  await sql`CREATE UNIQUE INDEX CONCURRENTLY events_id_idx ON events (id)`.execute(db);'),
      errors: [{ messageId: 'partitionedTable', line: 4, column: 13, endColumn: 74 }],
    },
  ],
});

ruleTester({ partitionedTables: ['events'] }).run('no-concurrent-index-on-partitioned-table (Sequelize, MikroORM, Payload)', rule, {
  valid: [{ code: sequelizeMigration("    await queryInterface.addIndex('users', ['email'], { name: 'users_email_idx', concurrently: true });"), filename: 'migrations/20240101000000-change.js' }],
  invalid: [
    {
      code: sequelizeMigration("    await queryInterface.addIndex('events', ['at'], { name: 'events_at_idx', concurrently: true });"),
      filename: 'migrations/20240101000000-change.js',
      errors: [
        { messageId: 'partitionedTable', line: 6, column: 11, endColumn: 99, data: { table: 'events', evidence: "listed in settings['live-upgrade'].partitionedTables" } },
      ],
    },
    {
      code: mikroOrmMigration('    this.addSql(`create index concurrently "events_at_index" on "events" ("at");`);'),
      errors: [{ messageId: 'partitionedTable', line: 6, column: 18, endColumn: 80 }],
    },
    {
      code: payloadMigration('  await db.execute(sql`CREATE INDEX CONCURRENTLY "events_at_idx" ON "events" ("at");`)'),
      filename: 'src/migrations/20240101_000000_change.ts',
      errors: [{ messageId: 'partitionedTable', line: 4, column: 24, endColumn: 84 }],
    },
  ],
});

describe('no-concurrent-index-on-partitioned-table in .sql files', () => {
  it('reports a concurrent build on a table the file partitions', () => {
    const code = 'CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at);\n--> statement-breakpoint\nCREATE INDEX CONCURRENTLY events_at_idx ON events (at);\n';
    expect(reports(lintSql(code, 'drizzle/0001_events.sql'), ['no-concurrent-index-on-partitioned-table'])).toEqual([
      { ruleId: 'live-upgrade/no-concurrent-index-on-partitioned-table', line: 3, column: 1, endLine: 3, endColumn: 55 },
    ]);
  });
});

ruleTester({ partitionedTables: ['events'], typeorm: { migrationsTransactionMode: 'each' } }).run(
  'no-concurrent-index-on-partitioned-table (node-pg-migrate, TypeORM)',
  rule,
  {
    valid: [
      nodePgMigrateMigration("  pgm.noTransaction();\n  pgm.createIndex('events_2024', 'at', { name: 'events_2024_at_idx', concurrently: true });"),
    ],
    invalid: [
      {
        code: nodePgMigrateMigration("  pgm.noTransaction();\n  pgm.createIndex('events', 'at', { name: 'events_at_idx', concurrently: true });"),
        errors: [{ messageId: 'partitionedTable', line: 7, column: 3, endColumn: 81, data: { table: 'events', evidence: "listed in settings['live-upgrade'].partitionedTables" } }],
      },
      {
        code: typeormMigration('        await queryRunner.query(`CREATE INDEX CONCURRENTLY "IDX_events_at" ON "events" ("at")`);', {
          members: '    public transaction = false;',
        }),
        errors: [{ messageId: 'partitionedTable', line: 6, column: 34, endColumn: 94 }],
      },
    ],
  },
);
