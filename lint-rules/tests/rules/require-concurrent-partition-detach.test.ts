import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/require-concurrent-partition-detach.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql, reports } from '../languages/lint-sql.ts';

const blocked = 'every read and write';

ruleTester().run('require-concurrent-partition-detach', rule, {
  valid: [
    knexMigration("  await knex.raw('ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY');", {
      config: 'export const config = { transaction: false };',
    }),
    kyselyMigration('  await sql`ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY`.execute(db);'),
    // FINALIZE completes an interrupted concurrent detach.
    kyselyMigration('  await sql`ALTER TABLE events DETACH PARTITION events_2023 FINALIZE`.execute(db);'),
    // A partitioned table created in the same migration has no readers yet.
    kyselyMigration(`  await sql\`
    CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at);
    CREATE TABLE events_2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
    ALTER TABLE events DETACH PARTITION events_2023;
  \`.execute(db);`),
    knexMigration('', { down: "  await knex.raw('ALTER TABLE events DETACH PARTITION events_2023');" }),
  ],
  invalid: [
    {
      code: knexMigration("  await knex.raw('ALTER TABLE events DETACH PARTITION events_2023');"),
      errors: [
        {
          messageId: 'detachPartition',
          line: 4,
          column: 19,
          endColumn: 66,
          data: { table: 'events', blocked },
          suggestions: [
            { messageId: 'addConcurrently', output: knexMigration("  await knex.raw('ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY');") },
          ],
        },
      ],
    },
    {
      code: kyselyMigration(`  await sql\`
    SET lock_timeout = '2s';
    ALTER TABLE ONLY \${sql.table('app.events')} DETACH PARTITION app.events_2022;
  \`.execute(db);`),
      errors: [
        {
          messageId: 'detachPartition',
          line: 6,
          column: 5,
          endColumn: 81,
          data: { table: 'app.events', blocked },
          suggestions: [
            {
              messageId: 'addConcurrently',
              output: kyselyMigration(`  await sql\`
    SET lock_timeout = '2s';
    ALTER TABLE ONLY \${sql.table('app.events')} DETACH PARTITION app.events_2022 CONCURRENTLY;
  \`.execute(db);`),
            },
          ],
        },
      ],
    },
    {
      code: knexMigration('', { down: "  await knex.raw('ALTER TABLE events DETACH PARTITION events_2023');" }),
      options: [{ checkDown: true }],
      errors: [
        {
          messageId: 'detachPartition',
          line: 8,
          column: 19,
          suggestions: [
            { messageId: 'addConcurrently', output: knexMigration('', { down: "  await knex.raw('ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY');" }) },
          ],
        },
      ],
    },
  ],
});

// Before Postgres 14 there is no concurrent form to ask for.
ruleTester({ postgresVersion: 13 }).run('require-concurrent-partition-detach (Postgres 13)', rule, {
  valid: [knexMigration("  await knex.raw('ALTER TABLE events DETACH PARTITION events_2023');")],
  invalid: [],
});

ruleTester({ postgresVersion: 14 }).run('require-concurrent-partition-detach (Postgres 14)', rule, {
  valid: [],
  invalid: [
    {
      code: kyselyMigration('  await sql`ALTER TABLE events DETACH PARTITION events_2023`.execute(db);'),
      errors: [
        {
          messageId: 'detachPartition',
          line: 4,
          column: 13,
          suggestions: [
            { messageId: 'addConcurrently', output: kyselyMigration('  await sql`ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY`.execute(db);') },
          ],
        },
      ],
    },
  ],
});

ruleTester().run('require-concurrent-partition-detach (Sequelize, MikroORM, Payload)', rule, {
  valid: [{ code: sequelizeMigration("    await queryInterface.sequelize.query('ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY');"), filename: 'migrations/20240101000000-change.js' }],
  invalid: [
    {
      code: sequelizeMigration("    await queryInterface.sequelize.query('ALTER TABLE events DETACH PARTITION events_2023');"),
      filename: 'migrations/20240101000000-change.js',
      errors: [
        {
          messageId: 'detachPartition',
          line: 6,
          column: 43,
          endColumn: 90,
          data: { table: 'events', blocked },
          suggestions: [
            {
              messageId: 'addConcurrently',
              output: sequelizeMigration("    await queryInterface.sequelize.query('ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY');"),
            },
          ],
        },
      ],
    },
    {
      code: mikroOrmMigration('    this.addSql(`alter table "events" detach partition "events_2023";`);'),
      errors: [
        {
          messageId: 'detachPartition',
          line: 6,
          column: 18,
          endColumn: 69,
          suggestions: [
            { messageId: 'addConcurrently', output: mikroOrmMigration('    this.addSql(`alter table "events" detach partition "events_2023" CONCURRENTLY;`);') },
          ],
        },
      ],
    },
    {
      code: payloadMigration('  await db.execute(sql`ALTER TABLE "events" DETACH PARTITION "events_2023";`)'),
      filename: 'src/migrations/20240101_000000_change.ts',
      errors: [
        {
          messageId: 'detachPartition',
          line: 4,
          column: 24,
          endColumn: 75,
          suggestions: [
            { messageId: 'addConcurrently', output: payloadMigration('  await db.execute(sql`ALTER TABLE "events" DETACH PARTITION "events_2023" CONCURRENTLY;`)') },
          ],
        },
      ],
    },
  ],
});

describe('require-concurrent-partition-detach in .sql files', () => {
  it('reports DETACH PARTITION without CONCURRENTLY', () => {
    const messages = lintSql('ALTER TABLE events DETACH PARTITION events_2023;\n', 'drizzle/0007_detach_events_2023.sql');
    expect(reports(messages, ['require-concurrent-partition-detach'])).toEqual([
      { ruleId: 'live-upgrade/require-concurrent-partition-detach', line: 1, column: 1, endLine: 1, endColumn: 48 },
    ]);
  });
});

ruleTester().run('require-concurrent-partition-detach (node-pg-migrate, TypeORM)', rule, {
  valid: [nodePgMigrateMigration("  pgm.noTransaction();\n  pgm.sql('ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY');")],
  invalid: [
    {
      code: nodePgMigrateMigration("  pgm.sql('ALTER TABLE events DETACH PARTITION events_2023');"),
      errors: [
        {
          messageId: 'detachPartition',
          line: 6,
          column: 12,
          endColumn: 59,
          suggestions: [
            { messageId: 'addConcurrently', output: nodePgMigrateMigration("  pgm.sql('ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY');") },
          ],
        },
      ],
    },
    {
      code: typeormMigration('        await queryRunner.query(`ALTER TABLE "events" DETACH PARTITION "events_2023"`);'),
      errors: [
        {
          messageId: 'detachPartition',
          line: 6,
          column: 34,
          endColumn: 85,
          data: { table: 'events', blocked },
          suggestions: [
            {
              messageId: 'addConcurrently',
              output: typeormMigration('        await queryRunner.query(`ALTER TABLE "events" DETACH PARTITION "events_2023" CONCURRENTLY`);'),
            },
          ],
        },
      ],
    },
  ],
});
