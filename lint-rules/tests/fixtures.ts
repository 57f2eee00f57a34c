import { RuleTester } from '@typescript-eslint/rule-tester';

/** A RuleTester whose files sit in a migrations folder, as the presets expect. */
export function ruleTester(settings: Record<string, unknown> = {}): RuleTester {
  return new RuleTester({ settings: { 'live-upgrade': settings } });
}

export const MIGRATION_FILENAME = 'migrations/20240101000000_change.ts';

/** A Knex TypeScript migration as `knex migrate:make` writes it, with `up` holding `body`. */
export function knexMigration(body: string, { config = '', down = '' } = {}): string {
  return `import type { Knex } from 'knex';
${config}
export async function up(knex: Knex): Promise<void> {
${body}
}

export async function down(knex: Knex): Promise<void> {
${down}
}
`;
}

/** A Kysely migration as kysely-ctl writes it. */
export function kyselyMigration(body: string, down = ''): string {
  return `import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
${body}
}

export async function down(db: Kysely<any>): Promise<void> {
${down}
}
`;
}

/** A sequelize-cli migration as `sequelize-cli migration:generate` writes it. */
export function sequelizeMigration(body: string, down = ''): string {
  return `'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
${body}
  },

  async down(queryInterface, Sequelize) {
${down}
  },
};
`;
}

/** A MikroORM migration class as `mikro-orm migration:create` writes it; `members` go before `up`. */
export function mikroOrmMigration(body: string, { down = '', members = '' } = {}): string {
  return `import { Migration } from '@mikro-orm/migrations';

export class Migration20240101000000 extends Migration {
${members}
  override async up(): Promise<void> {
${body}
  }

  override async down(): Promise<void> {
${down}
  }
}
`;
}

/** A Payload migration (drizzle-orm's \`sql\` through \`db.execute\`), as \`payload migrate:create\` writes it. */
export function payloadMigration(body: string, down = ''): string {
  return `import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres';

export async function up({ db }: MigrateUpArgs): Promise<void> {
${body}
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
${down}
}
`;
}

/** A node-pg-migrate migration as `node-pg-migrate create` writes it from the TypeScript template. */
export function nodePgMigrateMigration(body: string, down = ''): string {
  return `import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';

export const shorthands: ColumnDefinitions | undefined = undefined;

export async function up(pgm: MigrationBuilder): Promise<void> {
${body}
}

export async function down(pgm: MigrationBuilder): Promise<void> {
${down}
}
`;
}

/** A TypeORM migration class as `typeorm migration:create` writes it; `members` go before `up`. */
export function typeormMigration(body: string, { down = '', members = '' } = {}): string {
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class Change1704067200000 implements MigrationInterface {
${members}
    public async up(queryRunner: QueryRunner): Promise<void> {
${body}
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
${down}
    }
}
`;
}
