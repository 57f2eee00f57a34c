import { readdir, readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import knex, { type Knex } from 'knex';
import { Kysely, PostgresDialect, type Migration, type MigrationProvider, type MigrationResultSet, type Migrator } from 'kysely';
import { parse } from 'libpg-query';
import { runner as nodePgMigrate, type MigrationBuilder } from 'node-pg-migrate';
import type { TestDatabase } from './database.ts';
import { Session } from './session.ts';

// #region runner
/** Applies a migration history one step at a time, through the tool the migrations are written for. */
export interface MigrationRunner {
  /** The connection the migrations run on (trace it with `traceLocks`). */
  readonly session: Session;
  /** Step names in order: file names without extension, the same for every tool. */
  readonly steps: readonly string[];
  /** Applies the next pending step and returns its name. */
  up(): Promise<string>;
  /**
   * Applies every pending step at once, as the tool's deploy command does (Knex `migrate.latest()`,
   * Kysely `migrateToLatest()`, node-pg-migrate's CLI with its default `--single-transaction`),
   * and returns their names.
   */
  latest(): Promise<string[]>;
  close(): Promise<void>;
}
// #endregion runner

const stepName = (file: string) => basename(file, extname(file));

// The modules are imported here rather than by the tool, so TypeScript migrations load through
// the test runner's transform; the tool still decides how and in which transaction to run them.
async function importMigrations<M>(files: readonly string[]): Promise<Map<string, M>> {
  const modules = await Promise.all(files.map((file) => import(pathToFileURL(file).href) as Promise<M>));
  return new Map(files.map((file, index) => [stepName(file), modules[index]]));
}

/** Knex's migrator over `files` (in order). Each migration's `config.transaction` is honoured. */
export async function knexRunner(db: TestDatabase, files: readonly string[]): Promise<MigrationRunner> {
  const modules = await importMigrations<Knex.Migration>(files);
  const session = await Session.open(db);
  const instance = knex({
    client: 'pg',
    connectionPool: session,
    migrations: {
      migrationSource: {
        getMigrations: async () => [...modules.keys()],
        getMigrationName: (name: string) => name,
        getMigration: async (name: string) => modules.get(name)!,
      },
    },
  });
  return {
    session,
    steps: [...modules.keys()],
    async up() {
      const [, applied] = await instance.migrate.up();
      return single(applied);
    },
    async latest() {
      const [, applied] = await instance.migrate.latest();
      return applied.map(stepName);
    },
    async close() {
      await instance.destroy();
      await session.end();
    },
  };
}

/**
 * Kysely's Migrator over `files` (in order). `createMigrator` is the project's own factory, so its
 * options (such as `disableTransactions`) are the ones that run.
 */
export async function kyselyRunner(
  db: TestDatabase,
  files: readonly string[],
  createMigrator: (db: Kysely<any>, provider: MigrationProvider) => Migrator,
): Promise<MigrationRunner> {
  const modules = await importMigrations<Migration>(files);
  const session = await Session.open(db);
  const kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: session }) });
  const migrator = createMigrator(kysely, { getMigrations: async () => Object.fromEntries(modules) });
  return {
    session,
    steps: [...modules.keys()],
    async up() {
      return single(await migrationNames(migrator.migrateUp()));
    },
    latest: () => migrationNames(migrator.migrateToLatest()),
    close: () => kysely.destroy(),
  };
}

/** The migrations a Kysely Migrator run applied; its error, if any, thrown as is. */
async function migrationNames(migration: Promise<MigrationResultSet>): Promise<string[]> {
  const { error, results } = await migration;
  if (error) throw error;
  return (results ?? []).map((result) => result.migrationName);
}

/** A node-pg-migrate migration module: `up(pgm)` (and `down`) build the SQL through `pgm.*`. */
interface NodePgMigrateModule {
  up: (pgm: MigrationBuilder) => Promise<void> | void;
  down?: ((pgm: MigrationBuilder) => Promise<void> | void) | false;
}

/**
 * node-pg-migrate's own runner over `files` (in order), one migration per `up()`. Each migration
 * gets its own transaction unless it calls `pgm.noTransaction()`, as with the CLI's
 * `--no-single-transaction`; the SQL that runs is what the `pgm.*` calls generate.
 */
export async function nodePgMigrateRunner(db: TestDatabase, files: readonly string[]): Promise<MigrationRunner> {
  const modules = await importMigrations<NodePgMigrateModule>(files);
  const session = await Session.open(db);
  const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
  // One `up()` is `count: 1` without a single transaction; the CLI's defaults are `latest()`.
  async function run(options: { count: number; singleTransaction: boolean }): Promise<string[]> {
    const client = await session.connect();
    try {
      const applied = await nodePgMigrate({
        dbClient: client,
        // The exact files, in the order node-pg-migrate sorts them; escaped so no name acts as a pattern.
        dir: files.map((file) => file.replace(/[*?[\]{}()!@+]/g, '\\$&')),
        useGlob: true,
        migrationLoaderStrategies: [
          {
            extensions: ['.ts'],
            loader: async (paths) => paths.map((path) => ({ id: path, filePaths: [path], actions: modules.get(stepName(path))! })),
          },
        ],
        migrationsTable: 'pgmigrations',
        direction: 'up',
        ...options,
        logger: silent,
      });
      return applied.map((migration) => stepName(migration.name));
    } catch (error) {
      // node-pg-migrate leaves a failed migration's transaction open on a client it did not
      // open; the CLI closes its connection, which rolls back and frees the advisory lock.
      await client.probe('ROLLBACK');
      await client.probe('SELECT pg_advisory_unlock_all()');
      throw error;
    } finally {
      client.release();
    }
  }
  return {
    session,
    steps: [...modules.keys()],
    up: async () => single(await run({ count: 1, singleTransaction: false })),
    latest: () => run({ count: Infinity, singleTransaction: true }),
    close: () => session.end(),
  };
}

/** The numbered migration files in `directory` (`001_name.ts`, `002_name.sql`, …), in order. */
export async function migrationFiles(directory: URL): Promise<string[]> {
  const names = (await readdir(directory)).filter((name) => /^\d+_.*\.(ts|sql)$/.test(name)).sort();
  return names.map((name) => fileURLToPath(new URL(name, directory)));
}

/**
 * Plain `.sql` files, each run the way a simple-query batch runs: several statements form one
 * transaction, a single statement runs on its own (so CREATE INDEX CONCURRENTLY goes alone in its
 * file). Statements are sent one by one so that tracers see each of them.
 */
export async function sqlRunner(db: TestDatabase, files: readonly string[]): Promise<MigrationRunner> {
  const scripts = await Promise.all(files.map(async (file) => splitStatements(await readFile(file, 'utf8'))));
  const session = await Session.open(db);
  let applied = 0;
  const runner: MigrationRunner = {
    session,
    steps: files.map(stepName),
    async up() {
      const statements = scripts[applied];
      if (!statements) throw new Error('No pending SQL migration');
      const client = await session.connect();
      try {
        await runScript(client, statements);
      } finally {
        client.release();
      }
      return stepName(files[applied++]);
    },
    // One file after another, as a deploy script feeding each file to psql would.
    async latest() {
      const names: string[] = [];
      while (applied < files.length) names.push(await runner.up());
      return names;
    },
    close: () => session.end(),
  };
  return runner;
}

async function runScript(client: { query(sql: string): Promise<unknown> }, statements: string[]) {
  if (statements.length === 1) {
    await client.query(statements[0]);
    return;
  }
  await client.query('BEGIN');
  try {
    for (const statement of statements) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** The statements of a SQL script, split by the Postgres parser, without leading comment lines. */
export async function splitStatements(script: string): Promise<string[]> {
  const bytes = Buffer.from(script); // the parser reports UTF-8 byte offsets
  const { stmts = [] } = await parse(script);
  return stmts.map(({ stmt_location = 0, stmt_len }) => {
    const text = bytes.subarray(stmt_location, stmt_len ? stmt_location + stmt_len : undefined).toString();
    return text.replace(/^(\s*--[^\n]*\n)*/, '').trim();
  });
}

function single(names: readonly string[]): string {
  if (names.length !== 1) throw new Error(`Expected one migration to run, ran ${names.length}: ${names.join(', ')}`);
  return stepName(names[0]);
}
