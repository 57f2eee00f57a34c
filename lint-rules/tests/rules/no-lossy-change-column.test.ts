import rule from '../../src/rules/no-lossy-change-column.ts';
import { knexMigration, kyselyMigration, ruleTester, typeormMigration } from '../fixtures.ts';

const alterUsers = (column: string) => `  await knex.schema.alterTable('users', (table) => {
    ${column};
  });`;

ruleTester().run('no-lossy-change-column', rule, {
  valid: [
    // Knex drops the default and NOT NULL, then sets what the chain restates.
    knexMigration(alterUsers("table.string('name', 200).notNullable().defaultTo('').alter()")),
    knexMigration(alterUsers("table.integer('age').defaultTo(0).alter({ alterNullable: false })")),
    knexMigration(alterUsers("table.integer('age').nullable().defaultTo(0).alter()")),
    kyselyMigration("  await db.schema.alterTable('users').alterColumn('name', (col) => col.setDataType('text')).execute();"),
    knexMigration("  await knex.raw('ALTER TABLE users ALTER COLUMN name DROP DEFAULT, ALTER COLUMN name DROP NOT NULL');"),
    knexMigration(`  await knex.schema.createTable('drafts', (table) => table.string('title'));
  await knex.schema.alterTable('drafts', (table) => table.text('title').alter());`),
    knexMigration('', { down: alterUsers("table.string('name', 100).alter()") }),
  ],
  invalid: [
    {
      code: knexMigration(alterUsers("table.string('name', 200).alter()")),
      errors: [
        { messageId: 'droppedDefault', line: 5, column: 5, endColumn: 30, data: { call: 'Knex .alter()', column: 'name', table: 'users' } },
        { messageId: 'droppedNotNull', line: 5, column: 5, endColumn: 30, data: { call: 'Knex .alter()', column: 'name', table: 'users' } },
      ],
    },
    {
      code: knexMigration(alterUsers("table.bigInteger('id').notNullable().alter()")),
      errors: [{ messageId: 'droppedDefault', line: 5, column: 5, data: { call: 'Knex .alter()', column: 'id', table: 'users' } }],
    },
    {
      code: knexMigration(alterUsers("table.integer('age').defaultTo(0).alter({ alterType: false })")),
      errors: [{ messageId: 'droppedNotNull', line: 5, column: 5, data: { call: 'Knex .alter()', column: 'age', table: 'users' } }],
    },
    {
      code: knexMigration('', { down: alterUsers("table.string('name', 100).alter({ alterNullable: false })") }),
      options: [{ checkDown: true }],
      errors: [{ messageId: 'droppedDefault', line: 9, column: 5 }],
    },
  ],
});

ruleTester().run('no-lossy-change-column (TypeORM)', rule, {
  valid: [
    // A precision change is an ALTER COLUMN … TYPE, which keeps the values.
    typeormMigration(
      "        await queryRunner.changeColumn('order', new TableColumn({ name: 'price', type: 'numeric', precision: 10, scale: 2 }), new TableColumn({ name: 'price', type: 'numeric', precision: 12, scale: 2 }));",
    ),
  ],
  invalid: [
    {
      // A length change makes TypeORM drop the column and add it again.
      code: typeormMigration("        await queryRunner.changeColumn('user', 'bio', new TableColumn({ name: 'bio', type: 'varchar', length: '500', isNullable: true }));"),
      errors: [{ messageId: 'droppedColumn', line: 6, column: 15, endColumn: 138, data: { call: 'changeColumn()', column: 'bio', table: 'user' } }],
    },
  ],
});
