import type { Tool } from './tools';

/** The default sample data: enough rows that a table rewrite takes visible time. */
export const DEFAULT_SCHEMA = `CREATE TABLE users (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  name varchar(100),
  bio varchar(500),
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO users (email, name)
SELECT 'user' || i || '@example.com', 'User ' || i FROM generate_series(1, 10000) AS i;

CREATE TABLE orders (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id),
  total_cents integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO orders (user_id, total_cents)
SELECT 1 + i % 10000, i % 5000 FROM generate_series(1, 30000) AS i;
CREATE INDEX orders_user_id_idx ON orders (user_id);

CREATE TABLE events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO events (kind) SELECT 'signup' FROM generate_series(1, 5000);
`;

/** A migration per tool that the plugin reports: widening a column's type rewrites the table. */
export const SAMPLE_MIGRATIONS: Record<Tool, string> = {
  knex: `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (table) => {
    table.bigInteger('total_cents').notNullable().alter();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (table) => {
    table.integer('total_cents').notNullable().alter();
  });
}
`,
  kysely: `import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orders').alterColumn('total_cents', (col) => col.setDataType('bigint')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orders').alterColumn('total_cents', (col) => col.setDataType('integer')).execute();
}
`,
  'node-pg-migrate': `import type { MigrationBuilder } from 'node-pg-migrate';

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.alterColumn('orders', 'total_cents', { type: 'bigint' });
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.alterColumn('orders', 'total_cents', { type: 'integer' });
}
`,
  typeorm: `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WidenOrdersTotal1704067200000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE orders ALTER COLUMN total_cents TYPE integer');
  }
}
`,
  sequelize: `'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.changeColumn('orders', 'total_cents', { type: Sequelize.BIGINT, allowNull: false });
  },

  async down(queryInterface, Sequelize) {
    await queryInterface.changeColumn('orders', 'total_cents', { type: Sequelize.INTEGER, allowNull: false });
  },
};
`,
  'mikro-orm': `import { Migration } from '@mikro-orm/migrations';

export class Migration20240101000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;');
  }

  override async down(): Promise<void> {
    this.addSql('ALTER TABLE orders ALTER COLUMN total_cents TYPE integer;');
  }
}
`,
  sql: `ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;
`,
};
