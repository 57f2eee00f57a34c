import rule from '../../src/rules/require-not-valid-foreign-key.ts';
import { knexMigration, kyselyMigration, ruleTester } from '../fixtures.ts';

ruleTester().run('require-not-valid-foreign-key', rule, {
  valid: [
    knexMigration("  await knex.raw('ALTER TABLE posts ADD CONSTRAINT posts_user_id_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID');"),
    kyselyMigration('  await sql`ALTER TABLE posts VALIDATE CONSTRAINT posts_user_id_fk`.execute(db);'),
    // A table created in the same migration is empty: its foreign keys validate nothing.
    knexMigration(`  await knex.schema.createTable('comments', (table) => {
    table.bigIncrements('id');
    table.bigInteger('post_id').references('id').inTable('posts');
  });
  await knex.schema.alterTable('comments', (table) => {
    table.foreign('post_id', 'comments_post_id_fk').references('posts.id');
  });`),
    kyselyMigration(`  await db.schema.createTable('comments').addColumn('id', 'bigint').execute();
  await db.schema.alterTable('comments').addColumn('post_id', 'bigint', (col) => col.references('posts.id')).execute();`),
    knexMigration('', { down: "  await knex.raw('ALTER TABLE posts ADD FOREIGN KEY (user_id) REFERENCES users (id)');" }),
  ],
  invalid: [
    {
      code: knexMigration(`  await knex.schema.alterTable('posts', (table) => {
    table.foreign('user_id', 'posts_user_id_fk').references('users.id');
    table.integer('author_id').references('id').inTable('authors');
  });`),
      errors: [
        {
          messageId: 'addForeignKey',
          line: 5,
          column: 5,
          endColumn: 49,
          data: { constraint: 'posts_user_id_fk', table: 'posts', referenced: 'users' },
          suggestions: [],
        },
        { messageId: 'inlineReference', line: 6, column: 5, endColumn: 31, data: { column: 'author_id', table: 'posts', referenced: 'authors' } },
      ],
    },
    {
      code: knexMigration(`  await knex.raw('ALTER TABLE posts ADD CONSTRAINT posts_user_id_fk FOREIGN KEY (user_id) REFERENCES users (id)');
  await knex.raw('ALTER TABLE posts ADD COLUMN editor_id bigint REFERENCES users');`),
      errors: [
        {
          messageId: 'addForeignKey',
          line: 4,
          column: 19,
          endColumn: 112,
          data: { constraint: 'posts_user_id_fk', table: 'posts', referenced: 'users' },
          suggestions: [
            {
              messageId: 'addNotValid',
              output: knexMigration(`  await knex.raw('ALTER TABLE posts ADD CONSTRAINT posts_user_id_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID');
  await knex.raw('ALTER TABLE posts ADD COLUMN editor_id bigint REFERENCES users');`),
            },
          ],
        },
        { messageId: 'inlineReference', line: 5, column: 19, endColumn: 81, data: { column: 'editor_id', table: 'posts', referenced: 'users' } },
      ],
    },
    {
      code: kyselyMigration(`  await db.schema.alterTable('posts').addForeignKeyConstraint('posts_user_id_fk', ['user_id'], 'users', ['id']).execute();
  await db.schema.alterTable('posts').addColumn('author_id', 'bigint', (col) => col.references('authors.id')).execute();`),
      errors: [
        { messageId: 'addForeignKey', line: 4, column: 39, endColumn: 112, data: { constraint: 'posts_user_id_fk', table: 'posts', referenced: 'users' }, suggestions: [] },
        { messageId: 'inlineReference', line: 5, column: 39, endColumn: 110, data: { column: 'author_id', table: 'posts', referenced: 'authors' } },
      ],
    },
    {
      // Appending NOT VALID to a statement with several actions would change the last one: no suggestion.
      code: kyselyMigration(`  await sql\`ALTER TABLE posts ADD FOREIGN KEY (org_id) REFERENCES orgs (id)\`.execute(db);
  await sql\`ALTER TABLE posts ADD FOREIGN KEY (org_id) REFERENCES orgs (id), ADD COLUMN note text\`.execute(db);`),
      errors: [
        {
          messageId: 'addForeignKey',
          line: 4,
          column: 13,
          endColumn: 76,
          data: { constraint: '(unnamed)', table: 'posts', referenced: 'orgs' },
          suggestions: [
            {
              messageId: 'addNotValid',
              output: kyselyMigration(`  await sql\`ALTER TABLE posts ADD FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID\`.execute(db);
  await sql\`ALTER TABLE posts ADD FOREIGN KEY (org_id) REFERENCES orgs (id), ADD COLUMN note text\`.execute(db);`),
            },
          ],
        },
        { messageId: 'addForeignKey', line: 5, column: 13, suggestions: [] },
      ],
    },
    {
      code: knexMigration('', { down: "  await knex.raw('ALTER TABLE posts ADD FOREIGN KEY (user_id) REFERENCES users (id)');" }),
      options: [{ checkDown: true }],
      errors: [
        {
          messageId: 'addForeignKey',
          line: 8,
          column: 19,
          suggestions: [
            { messageId: 'addNotValid', output: knexMigration('', { down: "  await knex.raw('ALTER TABLE posts ADD FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID');" }) },
          ],
        },
      ],
    },
  ],
});
