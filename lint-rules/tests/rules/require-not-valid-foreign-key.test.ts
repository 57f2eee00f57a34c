import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/require-not-valid-foreign-key.ts';
import { knexMigration, kyselyMigration, mikroOrmMigration, nodePgMigrateMigration, payloadMigration, ruleTester, sequelizeMigration, typeormMigration } from '../fixtures.ts';
import { lintSql, reports } from '../languages/lint-sql.ts';

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

ruleTester().run('require-not-valid-foreign-key (Sequelize, MikroORM, Payload)', rule, {
  valid: [
    {
      code: sequelizeMigration("    await queryInterface.sequelize.query('ALTER TABLE posts ADD CONSTRAINT posts_author_id_fk FOREIGN KEY (author_id) REFERENCES users (id) NOT VALID');"),
      filename: 'migrations/20240101000000-change.js',
    },
  ],
  invalid: [
    {
      code: sequelizeMigration(`    await queryInterface.addConstraint('posts', { type: 'foreign key', fields: ['author_id'], name: 'posts_author_id_fk', references: { table: 'users', field: 'id' } });
    await queryInterface.addColumn('posts', 'editor_id', { type: Sequelize.BIGINT, references: { model: 'users', key: 'id' } });`),
      filename: 'migrations/20240101000000-change.js',
      errors: [
        { messageId: 'addForeignKey', line: 6, column: 11, endColumn: 169, data: { constraint: 'posts_author_id_fk', table: 'posts', referenced: 'users' }, suggestions: [] },
        { messageId: 'inlineReference', line: 7, column: 11, endColumn: 128, data: { column: 'editor_id', table: 'posts', referenced: 'users' } },
      ],
    },
    {
      // The statement `migration:create` generates for a ManyToOne relation.
      code: mikroOrmMigration('    this.addSql(`alter table "post" add constraint "post_author_id_foreign" foreign key ("author_id") references "user" ("id") on update cascade;`);'),
      errors: [
        {
          messageId: 'addForeignKey',
          line: 6,
          column: 18,
          endColumn: 145,
          data: { constraint: 'post_author_id_foreign', table: 'post', referenced: 'user' },
          suggestions: [
            {
              messageId: 'addNotValid',
              output: mikroOrmMigration('    this.addSql(`alter table "post" add constraint "post_author_id_foreign" foreign key ("author_id") references "user" ("id") on update cascade NOT VALID;`);'),
            },
          ],
        },
      ],
    },
    {
      code: payloadMigration('  await db.execute(sql`ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;`)'),
      filename: 'src/migrations/20240101_000000_change.ts',
      errors: [
        {
          messageId: 'addForeignKey',
          line: 4,
          column: 24,
          endColumn: 187,
          data: { constraint: 'posts_author_id_users_id_fk', table: 'posts', referenced: 'users' },
          suggestions: [
            {
              messageId: 'addNotValid',
              output: payloadMigration(
                '  await db.execute(sql`ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action NOT VALID;`)',
              ),
            },
          ],
        },
      ],
    },
  ],
});

describe('require-not-valid-foreign-key in .sql files', () => {
  it('reports the ADD FOREIGN KEY of the up section', () => {
    const code = '-- Up Migration\nALTER TABLE posts ADD CONSTRAINT posts_author_id_fk FOREIGN KEY (author_id) REFERENCES users (id);\n\n-- Down Migration\nALTER TABLE posts DROP CONSTRAINT posts_author_id_fk;\n';
    expect(reports(lintSql(code, 'migrations/1700000000000_posts-author-fk.sql'), ['require-not-valid-foreign-key'])).toEqual([
      { ruleId: 'live-upgrade/require-not-valid-foreign-key', line: 2, column: 1, endLine: 2, endColumn: 98 },
    ]);
  });
});

ruleTester().run('require-not-valid-foreign-key (node-pg-migrate, TypeORM)', rule, {
  valid: [
    nodePgMigrateMigration("  pgm.addConstraint('posts', 'posts_author_id_fk', 'FOREIGN KEY (author_id) REFERENCES users (id) NOT VALID');"),
    typeormMigration('        await queryRunner.query(`ALTER TABLE "post" ADD CONSTRAINT "FK_post_author" FOREIGN KEY ("authorId") REFERENCES "user"("id") NOT VALID`);'),
  ],
  invalid: [
    {
      code: nodePgMigrateMigration(`  pgm.addConstraint('posts', 'posts_author_id_fk', { foreignKeys: { columns: 'author_id', references: 'users(id)' } });
  pgm.addColumns('posts', { editor_id: { type: 'bigint', references: 'users' } });`),
      errors: [
        { messageId: 'addForeignKey', line: 6, column: 3, endColumn: 119, data: { constraint: 'posts_author_id_fk', table: 'posts', referenced: 'users' }, suggestions: [] },
        { messageId: 'inlineReference', line: 7, column: 3, endColumn: 82, data: { column: 'editor_id', table: 'posts', referenced: 'users' } },
      ],
    },
    {
      code: typeormMigration(
        "        await queryRunner.createForeignKey('post', new TableForeignKey({ name: 'FK_post_author', columnNames: ['authorId'], referencedTableName: 'user', referencedColumnNames: ['id'] }));",
      ),
      errors: [{ messageId: 'addForeignKey', line: 6, column: 15, endColumn: 187, data: { constraint: 'FK_post_author', table: 'post', referenced: 'user' }, suggestions: [] }],
    },
  ],
});
