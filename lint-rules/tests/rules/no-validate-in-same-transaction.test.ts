import rule from '../../src/rules/no-validate-in-same-transaction.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

const outsideTransaction = { config: 'export const config = { transaction: false };' };
const addCheck = "ALTER TABLE users ADD CONSTRAINT users_email_present CHECK (email IS NOT NULL) NOT VALID";
const validateCheck = 'ALTER TABLE users VALIDATE CONSTRAINT users_email_present';

ruleTester().run('no-validate-in-same-transaction', rule, {
  valid: [
    // Validating a constraint that an earlier migration added.
    knexMigration(`  await knex.raw("SET LOCAL lock_timeout = '2s'");
  await knex.raw('${validateCheck}');`),
    // Another table's lock does not hold this one.
    knexMigration(`  await knex.schema.alterTable('orders', (table) => table.text('note'));
  await knex.raw('${validateCheck}');`),
    // Outside a transaction every statement commits on its own.
    knexMigration(`  await knex.raw('${addCheck}');
  await knex.raw('${validateCheck}');`, outsideTransaction),
    // An explicit transaction that commits before the validation.
    knexMigration(`  await knex.raw('BEGIN');
  await knex.raw('${addCheck}');
  await knex.raw('COMMIT');
  await knex.raw('${validateCheck}');`, outsideTransaction),
    // A table created in the same migration has no rows to scan.
    kyselyMigration(`  await sql\`
    CREATE TABLE scores (points int);
    ALTER TABLE scores ADD CONSTRAINT scores_points_check CHECK (points >= 0) NOT VALID;
    ALTER TABLE scores VALIDATE CONSTRAINT scores_points_check;
  \`.execute(db);`),
    knexMigration('', { down: `  await knex.raw('${addCheck}');\n  await knex.raw('${validateCheck}');` }),
  ],
  invalid: [
    {
      // Knex wraps the migration in a transaction: the ACCESS EXCLUSIVE lock of the ADD lasts through the scan.
      code: knexMigration(`  await knex.raw('${addCheck}');
  await knex.raw('${validateCheck}');`),
      errors: [{ messageId: 'sameTransactionAsAdd', line: 5, column: 19, endColumn: 76 }],
    },
    {
      code: knexMigration(`  await knex.raw('BEGIN');
  await knex.raw('ALTER TABLE posts ADD CONSTRAINT posts_author_id_fk FOREIGN KEY (author_id) REFERENCES users (id) NOT VALID');
  await knex.raw('ALTER TABLE posts VALIDATE CONSTRAINT posts_author_id_fk');
  await knex.raw('COMMIT');`, outsideTransaction),
      errors: [
        {
          messageId: 'sameTransactionAsAdd',
          line: 6,
          column: 19,
          endColumn: 75,
          data: {
            constraint: 'posts_author_id_fk',
            table: 'posts',
            line: 5,
            reason: 'an explicit BEGIN at line 4 opened it',
            lock: 'SHARE ROW EXCLUSIVE',
            blocked: 'every write (INSERT, UPDATE, DELETE)',
          },
        },
      ],
    },
    {
      // Any earlier statement holding a write-blocking lock on the table keeps it through the scan.
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => table.integer('age'));
  await knex.raw('BEGIN; CREATE INDEX users_age_idx ON users (age); ${validateCheck}; COMMIT');`, outsideTransaction),
      errors: [
        {
          messageId: 'afterLock',
          line: 5,
          column: 69,
          endColumn: 126,
          data: {
            constraint: 'users_email_present',
            table: 'users',
            line: 5,
            reason: 'an explicit BEGIN at line 5 opened it',
            lock: 'SHARE',
            blocked: 'every write (INSERT, UPDATE, DELETE)',
          },
        },
      ],
    },
    {
      // The strongest lock held is named.
      code: knexMigration(`  await knex.schema.alterTable('users', (table) => table.integer('age'));
  await knex.raw('CREATE INDEX users_age_idx ON users (age)');
  await knex.raw('${validateCheck}');`),
      errors: [{ messageId: 'afterLock', line: 6, column: 19, endColumn: 76 }],
    },
    {
      // Kysely's Migrator runs the migration in a transaction.
      code: kyselyMigration(`  await sql\`${addCheck}\`.execute(db);
  await sql\`${validateCheck}\`.execute(db);
  await db.schema.alterTable('users').alterColumn('email', (col) => col.setNotNull()).execute();`),
      errors: [{ messageId: 'sameTransactionAsAdd', line: 5, column: 13, endColumn: 70 }],
    },
    {
      code: knexMigration('', { down: `  await knex.raw('${addCheck}');\n  await knex.raw('${validateCheck}');` }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'sameTransactionAsAdd', line: 9, column: 19 }],
    },
  ],
});

ruleTester({ kysely: { disableTransactions: true } }).run('no-validate-in-same-transaction (Kysely without transactions)', rule, {
  valid: [
    kyselyMigration(`  await sql\`${addCheck}\`.execute(db);
  await sql\`${validateCheck}\`.execute(db);`),
  ],
  invalid: [
    {
      code: kyselyMigration(`  await sql\`BEGIN\`.execute(db);
  await sql\`${addCheck}\`.execute(db);
  await sql\`${validateCheck}\`.execute(db);
  await sql\`COMMIT\`.execute(db);`),
      errors: [{ messageId: 'sameTransactionAsAdd', line: 6, column: 13 }],
    },
  ],
});
