/** A corpus of migration files: each operation written for several tools, and the same operations as .sql. */

interface OperationForms {
  sql: string;
  knex: string;
  kysely: string;
  pgm: string;
}

const OPERATIONS: ((n: number) => OperationForms)[] = [
  (n) => ({
    sql: `ALTER TABLE users_${n} ADD COLUMN age integer NOT NULL DEFAULT 0;`,
    knex: `await knex.schema.alterTable('users_${n}', (table) => { table.integer('age').notNullable().defaultTo(0); });`,
    kysely: `await db.schema.alterTable('users_${n}').addColumn('age', 'integer', (col) => col.notNull().defaultTo(0)).execute();`,
    pgm: `pgm.addColumns('users_${n}', { age: { type: 'integer', notNull: true, default: 0 } });`,
  }),
  (n) => ({
    sql: `CREATE INDEX users_${n}_email_idx ON users_${n} (email);`,
    knex: `await knex.schema.alterTable('users_${n}', (table) => { table.index(['email'], 'users_${n}_email_idx'); });`,
    kysely: `await db.schema.createIndex('users_${n}_email_idx').on('users_${n}').column('email').execute();`,
    pgm: `pgm.createIndex('users_${n}', 'email', { name: 'users_${n}_email_idx' });`,
  }),
  (n) => ({
    sql: `ALTER TABLE orders_${n} ADD CONSTRAINT orders_${n}_user_fk FOREIGN KEY (user_id) REFERENCES users_${n} (id) NOT VALID;`,
    knex: `await knex.raw('ALTER TABLE orders_${n} ADD CONSTRAINT orders_${n}_user_fk FOREIGN KEY (user_id) REFERENCES users_${n} (id) NOT VALID');`,
    kysely: `await sql\`ALTER TABLE orders_${n} ADD CONSTRAINT orders_${n}_user_fk FOREIGN KEY (user_id) REFERENCES users_${n} (id) NOT VALID\`.execute(db);`,
    pgm: `pgm.sql('ALTER TABLE orders_${n} ADD CONSTRAINT orders_${n}_user_fk FOREIGN KEY (user_id) REFERENCES users_${n} (id) NOT VALID');`,
  }),
  (n) => ({
    sql: `ALTER TABLE users_${n} RENAME COLUMN name TO full_name;`,
    knex: `await knex.schema.alterTable('users_${n}', (table) => { table.renameColumn('name', 'full_name'); });`,
    kysely: `await db.schema.alterTable('users_${n}').renameColumn('name', 'full_name').execute();`,
    pgm: `pgm.renameColumn('users_${n}', 'name', 'full_name');`,
  }),
  (n) => ({
    sql: `ALTER TABLE users_${n} DROP COLUMN legacy;`,
    knex: `await knex.schema.alterTable('users_${n}', (table) => { table.dropColumn('legacy'); });`,
    kysely: `await db.schema.alterTable('users_${n}').dropColumn('legacy').execute();`,
    pgm: `pgm.dropColumns('users_${n}', ['legacy']);`,
  }),
  (n) => ({
    sql: `CREATE TABLE audit_${n} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now());`,
    knex: `await knex.schema.createTable('audit_${n}', (table) => { table.bigIncrements('id'); table.jsonb('payload').notNullable(); table.timestamp('created_at').notNullable().defaultTo(knex.fn.now()); });`,
    kysely: `await db.schema.createTable('audit_${n}').addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey()).addColumn('payload', 'jsonb', (col) => col.notNull()).execute();`,
    pgm: `pgm.createTable('audit_${n}', { id: 'id', payload: { type: 'jsonb', notNull: true } });`,
  }),
  () => ({
    sql: `SET lock_timeout = '2s';`,
    knex: `await knex.raw("SET LOCAL lock_timeout = '2s'");`,
    kysely: `await sql\`SET LOCAL lock_timeout = '2s'\`.execute(db);`,
    pgm: `pgm.sql("SET LOCAL lock_timeout = '2s'");`,
  }),
];

type Tool = 'knex' | 'kysely' | 'pgm';
const TOOLS: Tool[] = ['knex', 'kysely', 'pgm'];

function wrap(tool: Tool, body: string[]): string {
  const lines = body.map((line) => `  ${line}`).join('\n');
  switch (tool) {
    case 'knex':
      return `import type { Knex } from 'knex';\n\nexport async function up(knex: Knex): Promise<void> {\n${lines}\n}\n\nexport async function down(knex: Knex): Promise<void> {}\n`;
    case 'kysely':
      return `import { type Kysely, sql } from 'kysely';\n\nexport async function up(db: Kysely<any>): Promise<void> {\n${lines}\n}\n\nexport async function down(db: Kysely<any>): Promise<void> {}\n`;
    case 'pgm':
      return `import type { MigrationBuilder } from 'node-pg-migrate';\n\nexport async function up(pgm: MigrationBuilder): Promise<void> {\n${lines}\n}\n\nexport async function down(pgm: MigrationBuilder): Promise<void> {}\n`;
  }
}

export interface CorpusFile {
  path: string;
  text: string;
}

/** `count` files: half TS migrations across tools, half the same operations as .sql files. */
export function generateCorpus(count: number): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (let i = 0; i < count / 2; i++) {
    const operations = [0, 1, 2, 3].map((k) => OPERATIONS[(i + k * 3) % OPERATIONS.length]!(i));
    const tool = TOOLS[i % TOOLS.length]!;
    const stamp = String(20240101000000 + i);
    files.push({ path: `ts/migrations/${stamp}_change_${i}.ts`, text: wrap(tool, operations.map((op) => op[tool])) });
    files.push({ path: `sql/migrations/${stamp}_change_${i}.sql`, text: `${operations.map((op) => op.sql).join('\n')}\n` });
  }
  return files;
}
