import { describe, expect, it } from 'vitest';
import { lines, lintMigration } from './record-migration.ts';

const WRAPPED = {
  wrapped: true,
  reason: 'MikroORM runs each migration in a transaction (`transactional: true`), inside one for the whole run (`allOrNothing: true`)',
  optOut:
    'override `isTransactional()` to return false and set `allOrNothing: false` in the migrations config too: with the default `true` the run keeps a master transaction open and a CONCURRENTLY statement waits on it forever (mikro-orm#4775)',
};

describe('MikroORM migrations', () => {
  it('reads the backtick templates of the 6.x/7.x generator, escapes included', () => {
    const migration = lines(
      "import { Migration } from '@mikro-orm/migrations';",
      '',
      'export class Migration20240115103000 extends Migration {',
      '',
      '  override async up(): Promise<void> {',
      '    this.addSql(`alter table "product" add column "price_label" varchar(255) not null default \'\\$0.00\', add column "note" text null;`);',
      '    this.addSql(`comment on column "product"."note" is \'shown as \\`note\\`\'; create index "product_note_index" on "product" ("note");`);',
      '    this.addSql(`alter table "product" rename column "name" to "title";`);',
      '  }',
      '',
      '  override async down(): Promise<void> {',
      '    this.addSql(`alter table "product" rename column "title" to "name";`);',
      '    this.addSql(`alter table "product" drop column "price_label", drop column "note";`);',
      '  }',
      '',
      '}',
    );
    const result = lintMigration(migration, 'migrations/Migration20240115103000.ts');
    expect(result.migration).toMatchObject({ tool: 'mikro-orm', transaction: WRAPPED });
    expect(result.reports).toEqual([
      // One statement with two ADD COLUMN actions: one report.
      ['require-lock-timeout', 6, 18],
      ['require-concurrent-index-creation', 7, 77],
      ['require-lock-timeout', 7, 77],
      ['no-rename-column', 8, 18],
      ['require-lock-timeout', 8, 18],
    ]);
    expect(result.operations).toMatchObject([
      { kind: 'addColumn', table: 'product', column: { name: 'price_label', type: 'varchar(255)', notNull: true, default: { text: "'$0.00'" } }, origin: 'sql', at: [6, 18] },
      { kind: 'addColumn', table: 'product', column: { name: 'note', type: 'text', notNull: false }, at: [6, 18] },
      { origin: 'sql', at: [7, 18] },
      { kind: 'createIndex', table: 'product', name: 'product_note_index', concurrently: false, at: [7, 77] },
      { kind: 'renameColumn', table: 'product', column: 'name', newName: 'title', at: [8, 18] },
      { kind: 'renameColumn', direction: 'down', at: [12, 18] },
      { kind: 'dropColumn', column: 'price_label', direction: 'down', at: [13, 18] },
      { kind: 'dropColumn', column: 'note', direction: 'down', at: [13, 18] },
    ]);
  });

  it('reads the single-quoted strings of older generators and honours isTransactional() returning false', () => {
    const migration = lines(
      "import { Migration } from '@mikro-orm/migrations';",
      '',
      'export class Migration20240115104000 extends Migration {',
      '',
      '  isTransactional(): boolean {',
      '    return false;',
      '  }',
      '',
      '  async up(): Promise<void> {',
      '    this.addSql(\'alter table "post" alter column "status" set default \\\'draft\\\';\');',
      '    this.addSql(\'create index concurrently if not exists "post_status_index" on "post" ("status");\');',
      '  }',
      '',
      '  async down(): Promise<void> {',
      '    this.addSql(\'drop index concurrently if exists "post_status_index";\');',
      '  }',
      '',
      '}',
    );
    const result = lintMigration(migration, 'migrations/Migration20240115104000.ts');
    expect(result.migration.transaction).toEqual({
      wrapped: false,
      reason:
        "this migration's `isTransactional()` returns false (for that to hold, set `allOrNothing: false` in the migrations config too: with the default `true` the run keeps a master transaction open and a CONCURRENTLY statement waits on it forever (mikro-orm#4775))",
      optOut: WRAPPED.optOut,
    });
    expect(result.reports).toEqual([['require-lock-timeout', 10, 18]]);
    expect(result.operations).toMatchObject([
      { kind: 'setDefault', table: 'post', column: 'status', default: { text: "'draft'", volatile: false }, at: [10, 18] },
      { kind: 'createIndex', table: 'post', name: 'post_status_index', concurrently: true, ifNotExists: true, at: [11, 18] },
      { kind: 'dropIndex', names: ['post_status_index'], concurrently: true, direction: 'down', at: [15, 18] },
    ]);
  });

  it('binds `this` in JavaScript emit, also inside arrow functions, and reports CONCURRENTLY in the default transaction', () => {
    const migration = lines(
      "'use strict';",
      "Object.defineProperty(exports, '__esModule', { value: true });",
      "const { Migration } = require('@mikro-orm/migrations');",
      '',
      'class Migration20240116090000 extends Migration {',
      '',
      '  async up() {',
      '    this.addSql(\'create index concurrently "book_title_index" on "book" ("title");\');',
      '    await this.execute(`set lock_timeout = \'3s\'`);',
      '    this.addSql(\'alter table "book" drop column "isbn";\');',
      "    ['fiction', 'poetry'].forEach((tag) => this.addSql(`insert into \"tag\" (\"name\") values ('${tag}');`));",
      '    const statements = loadStatements();',
      '    statements.forEach(function (sql) { this.addSql(sql); });',
      '  }',
      '',
      '}',
      'exports.Migration20240116090000 = Migration20240116090000;',
    );
    const result = lintMigration(migration, 'migrations/Migration20240116090000.js');
    expect(result.migration).toMatchObject({ tool: 'mikro-orm', transaction: WRAPPED });
    expect(result.reports).toEqual([
      ['no-concurrently-in-transaction', 8, 18],
      ['no-drop-column', 10, 18],
    ]);
    expect(result.messages.find((message) => message.line === 8)?.message).toBe(
      `CREATE INDEX CONCURRENTLY cannot run inside a transaction block, and ${WRAPPED.reason}: the migration fails when it runs. To run it, ${WRAPPED.optOut}, and keep this statement alone in its migration.`,
    );
    // `this` inside the `function` callback is not the migration: that call is not read.
    expect(result.operations).toMatchObject([
      { kind: 'createIndex', table: 'book', concurrently: true, at: [8, 18] },
      { kind: 'setting', name: 'lock_timeout', value: '3s', at: [9, 25] },
      { kind: 'dropColumn', table: 'book', column: 'isbn', at: [10, 18] },
      { kind: 'dataChange', statement: 'insert', table: 'tag', at: [11, 57] },
    ]);
  });

  it('reports SQL it cannot see and leaves the transaction unknown when isTransactional() is computed', () => {
    const migration = lines(
      'import { Migration } from "@medusajs/framework/mikro-orm/migrations";',
      '',
      'export class Migration20260101000000 extends Migration {',
      '  override isTransactional(): boolean {',
      "    return process.env.MIGRATIONS_TRANSACTIONAL !== 'false';",
      '  }',
      '',
      '  override async up(): Promise<void> {',
      '    const knex = this.getKnex();',
      "    this.addSql(knex.schema.alterTable('order', (table) => table.index('status')).toQuery());",
      '    this.addSql(`create index concurrently "order_status_index" on "order" ("status"`);',
      '  }',
      '}',
    );
    const result = lintMigration(migration, 'src/modules/orders/migrations/Migration20260101000000.ts');
    expect(result.migration).toMatchObject({
      tool: 'mikro-orm',
      transaction: { wrapped: undefined, reason: "this migration's `isTransactional()` is decided when it runs" },
    });
    expect(result.reports).toEqual([
      ['no-opaque-sql', 10, 5],
      // The statement ends before its closing parenthesis: reported at its last character.
      ['no-sql-syntax-error', 11, 84],
    ]);
    expect(result.operations).toMatchObject([
      { kind: 'opaque', reason: 'the SQL passed to addSql() is not written in the migration (a query builder or a variable)', at: [10, 5] },
      { kind: 'syntaxError', at: [11, 84] },
    ]);
  });
});
