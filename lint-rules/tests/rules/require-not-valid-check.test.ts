import rule from '../../src/rules/require-not-valid-check.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

ruleTester().run('require-not-valid-check', rule, {
  valid: [
    knexMigration("  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_age_positive CHECK (age > 0) NOT VALID');"),
    kyselyMigration('  await sql`ALTER TABLE users ADD CONSTRAINT users_age_positive CHECK (age > 0) NOT VALID`.execute(db);'),
    // A table created in the same migration is empty: checking it costs nothing.
    knexMigration(`  await knex.schema.createTable('scores', (table) => {
    table.integer('points').checkPositive();
  });
  await knex.schema.alterTable('scores', (table) => {
    table.check('?? >= 0', ['points'], 'scores_points_check');
  });`),
    kyselyMigration(`  await sql\`CREATE TABLE scores (points int)\`.execute(db);
  await sql\`ALTER TABLE scores ADD CONSTRAINT scores_points_check CHECK (points >= 0)\`.execute(db);`),
    knexMigration('', { down: "  await knex.raw('ALTER TABLE users ADD CHECK (age > 0)');" }),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => {
    table.check('?? > 0', ['age'], 'users_age_positive');
    table.integer('score').checkPositive();
  });`),
      errors: [
        { messageId: 'addCheck', line: 5, column: 5, endColumn: 57, data: { constraint: 'users_age_positive', table: 'users' }, suggestions: [] },
        { messageId: 'inlineCheck', line: 6, column: 5, endColumn: 27, data: { column: 'score', table: 'users' } },
      ],
    },
    {
      code: knexMigration(`  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_age_positive CHECK (age > 0)');
  await knex.raw('ALTER TABLE users ADD COLUMN rank int CHECK (rank > 0)');`),
      errors: [
        {
          messageId: 'addCheck',
          line: 4,
          column: 19,
          endColumn: 86,
          data: { constraint: 'users_age_positive', table: 'users' },
          suggestions: [
            {
              messageId: 'addNotValid',
              output: knexMigration(`  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_age_positive CHECK (age > 0) NOT VALID');
  await knex.raw('ALTER TABLE users ADD COLUMN rank int CHECK (rank > 0)');`),
            },
          ],
        },
        { messageId: 'inlineCheck', line: 5, column: 19, endColumn: 73, data: { column: 'rank', table: 'users' } },
      ],
    },
    {
      code: kyselyMigration(`  await db.schema.alterTable('users').addCheckConstraint('users_age_positive', sql\`age > 0\`).execute();
  await db.schema.alterTable('users').addColumn('rank', 'integer', (col) => col.check(sql\`rank > 0\`)).execute();`),
      errors: [
        { messageId: 'addCheck', line: 4, column: 39, endColumn: 93, data: { constraint: 'users_age_positive', table: 'users' }, suggestions: [] },
        { messageId: 'inlineCheck', line: 5, column: 39, endColumn: 102, data: { column: 'rank', table: 'users' } },
      ],
    },
    {
      code: kyselyMigration(`  await sql\`
    SET lock_timeout = '2s';
    ALTER TABLE users ADD CHECK (age > 0);
  \`.execute(db);`),
      errors: [
        {
          messageId: 'addCheck',
          line: 6,
          column: 5,
          endColumn: 42,
          data: { constraint: '(unnamed)', table: 'users' },
          suggestions: [
            {
              messageId: 'addNotValid',
              output: kyselyMigration(`  await sql\`
    SET lock_timeout = '2s';
    ALTER TABLE users ADD CHECK (age > 0) NOT VALID;
  \`.execute(db);`),
            },
          ],
        },
      ],
    },
    {
      code: knexMigration('', { down: "  await knex.raw('ALTER TABLE users ADD CHECK (age > 0)');" }),
      options: [{ checkDown: true }],
      errors: [
        {
          messageId: 'addCheck',
          line: 8,
          column: 19,
          suggestions: [{ messageId: 'addNotValid', output: knexMigration('', { down: "  await knex.raw('ALTER TABLE users ADD CHECK (age > 0) NOT VALID');" }) }],
        },
      ],
    },
  ],
});
