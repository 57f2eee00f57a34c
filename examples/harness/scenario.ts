import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import type { TestDatabase } from './database.ts';
import { knexRunner, kyselyRunner, migrationFiles, nodePgMigrateRunner, splitStatements, sqlRunner, type MigrationRunner } from './migrations.ts';

export type Tool = 'knex' | 'kysely' | 'node-pg-migrate' | 'sql';
export type CreateMigrator = (db: Kysely<any>, provider: MigrationProvider) => Migrator;

/** One way to run a scenario's migrations: a tool's folder, or the naive variant from unsafe/. */
export interface Recipe {
  tool: string;
  open(db: TestDatabase): Promise<MigrationRunner>;
}

const TOOLS: readonly Tool[] = ['knex', 'kysely', 'node-pg-migrate', 'sql'];

/** Kysely's Migrator with its defaults: on Postgres every pending migration runs inside one transaction. */
export const defaultMigrator: CreateMigrator = (db, provider) => new Migrator({ db, provider });

/** The statements of the scenario's SQL migration `sql/<step>.sql`, one string each. */
export async function scenarioSqlStatements(scenario: URL, step: string): Promise<string[]> {
  return splitStatements(await readFile(new URL(`sql/${step}.sql`, scenario), 'utf8'));
}

/** The numbered migrations of a scenario folder (`knex`, `sql`, `sql-pg18`…), in order. */
export function scenarioFiles(scenario: URL, folder: string): Promise<string[]> {
  return migrationFiles(new URL(`${folder}/`, scenario));
}

/** The same recipe as each tool writes it, in the scenario's tool folders, run by that tool's runner. */
export function toolRecipes(
  scenario: URL,
  { createMigrator = defaultMigrator, tools = TOOLS }: { createMigrator?: CreateMigrator; tools?: readonly Tool[] } = {},
): Recipe[] {
  const runners: Record<Tool, (db: TestDatabase, files: string[]) => Promise<MigrationRunner>> = {
    knex: knexRunner,
    kysely: (db, files) => kyselyRunner(db, files, createMigrator),
    'node-pg-migrate': nodePgMigrateRunner,
    sql: sqlRunner,
  };
  return tools.map((tool) => ({ tool, open: async (db) => runners[tool](db, await scenarioFiles(scenario, tool)) }));
}

/** The naive Knex migration `unsafe/<step>.ts`, run after the first `keep` safe Knex migrations. */
export function unsafeKnexRecipe(scenario: URL, step: string, keep = 1): Recipe {
  const unsafe = fileURLToPath(new URL(`unsafe/${step}.ts`, scenario));
  return {
    tool: 'knex (unsafe)',
    open: async (db) => knexRunner(db, [...(await scenarioFiles(scenario, 'knex')).slice(0, keep), unsafe]),
  };
}
