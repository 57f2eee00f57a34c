import rule from '../../src/rules/no-column-type-change.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

const alter = (column: string) => `  await knex.schema.alterTable('users', (table) => {
    ${column}.alter({ alterNullable: false });
  });`;

ruleTester().run('no-column-type-change', rule, {
  valid: [
    // The down migration changes the column back, so the old type is known: widening needs no rewrite.
    knexMigration(alter("table.string('name', 200)"), { down: alter("table.string('name', 100)") }),
    knexMigration("  await knex.raw('ALTER TABLE users ALTER COLUMN bio TYPE text');", {
      down: "  await knex.raw('ALTER TABLE users ALTER COLUMN bio TYPE varchar(500)');",
    }),
    kyselyMigration(
      "  await db.schema.alterTable('orders').alterColumn('price', (col) => col.setDataType('numeric(12, 2)')).execute();",
      "  await db.schema.alterTable('orders').alterColumn('price', (col) => col.setDataType('numeric(10, 2)')).execute();",
    ),
    kyselyMigration('  await sql`ALTER TABLE hosts ALTER COLUMN address TYPE inet USING address::inet`.execute(db);', '  await sql`ALTER TABLE hosts ALTER COLUMN address TYPE cidr`.execute(db);'),
    // A column added earlier in the migration has a known type.
    knexMigration("  await knex.raw('ALTER TABLE users ADD COLUMN code varchar(10); ALTER TABLE users ALTER COLUMN code TYPE varchar(20)');"),
    kyselyMigration(`  await db.schema.createTable('drafts').addColumn('n', 'integer').execute();
  await db.schema.alterTable('drafts').alterColumn('n', (col) => col.setDataType('bigint')).execute();`),
    knexMigration('', { down: "  await knex.raw('ALTER TABLE users ALTER COLUMN age TYPE integer');" }),
  ],
  invalid: [
    {
      code: knexMigration(alter("table.bigInteger('id')")),
      errors: [{ messageId: 'unknownTypeChange', line: 5, column: 5, endColumn: 27, data: { column: 'id', table: 'users', from: '', to: 'bigint' } }],
    },
    {
      code: knexMigration("  await knex.raw('ALTER TABLE users ALTER COLUMN age TYPE bigint');", {
        down: "  await knex.raw('ALTER TABLE users ALTER COLUMN age TYPE integer');",
      }),
      errors: [{ messageId: 'typeChange', line: 4, column: 19, endColumn: 65, data: { column: 'age', table: 'users', from: 'integer', to: 'bigint' } }],
    },
    {
      // A USING that computes new values rewrites the table even between coercible types.
      code: knexMigration("  await knex.raw('ALTER TABLE users ALTER COLUMN email TYPE text USING lower(email)');", {
        down: "  await knex.raw('ALTER TABLE users ALTER COLUMN email TYPE varchar(200)');",
      }),
      errors: [{ messageId: 'typeChange', line: 4, column: 19, data: { column: 'email', table: 'users', from: 'varchar(200)', to: 'text' } }],
    },
    {
      code: kyselyMigration(
        "  await db.schema.alterTable('users').alterColumn('name', (col) => col.setDataType('varchar(50)')).execute();",
        "  await db.schema.alterTable('users').alterColumn('name', (col) => col.setDataType('varchar(100)')).execute();",
      ),
      errors: [{ messageId: 'typeChange', line: 4, column: 39, data: { column: 'name', table: 'users', from: 'varchar(100)', to: 'varchar(50)' } }],
    },
    {
      code: kyselyMigration('  await sql`ALTER TABLE ${sql.table(\'users\')} ALTER COLUMN score TYPE numeric(10, 2)`.execute(db);'),
      errors: [{ messageId: 'unknownTypeChange', line: 4, column: 13, data: { column: 'score', table: 'users', from: '', to: 'numeric(10,2)' } }],
    },
    {
      // Checking down: narrowing back from text is a rewrite.
      code: knexMigration("  await knex.raw('ALTER TABLE users ALTER COLUMN bio TYPE text');", {
        down: "  await knex.raw('ALTER TABLE users ALTER COLUMN bio TYPE varchar(500)');",
      }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'typeChange', line: 8, column: 19, data: { column: 'bio', table: 'users', from: 'text', to: 'varchar(500)' } }],
    },
  ],
});
