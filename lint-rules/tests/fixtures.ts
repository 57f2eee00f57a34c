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
