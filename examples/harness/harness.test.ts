import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  nodePgMigrateRunner,
  openDatabase,
  Session,
  splitStatements,
  sqlRunner,
  tableFingerprint,
  traceLocks,
  walkMigrations,
  type StepCheck,
  type TestDatabase,
} from './index.ts';

let directory: string;

/** Writes numbered migrations (`.sql` or `.ts`) to a temporary folder and returns their paths. */
async function writeMigrations(extension: 'sql' | 'ts', sources: Record<string, string>): Promise<string[]> {
  return Promise.all(
    Object.entries(sources).map(async ([name, source]) => {
      const file = join(directory, `${name}.${extension}`);
      await writeFile(file, source);
      return file;
    }),
  );
}

const sqlMigrations = (scripts: Record<string, string>) => writeMigrations('sql', scripts);

let db: TestDatabase;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'harness-'));
  db = await openDatabase();
});

afterAll(async () => {
  await db?.close();
  await rm(directory, { recursive: true, force: true });
});

describe('openDatabase', () => {
  test('gives a new, empty database on every call', async () => {
    await db.exec('CREATE TABLE IF NOT EXISTS leftover (id int)');
    const other = await openDatabase();
    try {
      const { rows } = await other.query(`SELECT to_regclass('leftover') AS found`);
      expect(rows).toEqual([{ found: null }]);
      expect(other.serverVersion).toBe(db.serverVersion);
    } finally {
      await other.close();
    }
  });
});

describe('traceLocks', () => {
  let session: Session;

  beforeAll(async () => {
    await db.exec(`DROP TABLE IF EXISTS accounts;
      CREATE TABLE accounts (id int PRIMARY KEY, note text);
      INSERT INTO accounts SELECT n, 'note ' || n FROM generate_series(1, 1000) AS n`);
    session = await Session.open(db);
  });

  afterAll(() => session?.end());

  async function inTransaction(statements: string[]) {
    const client = await session.connect();
    try {
      await client.query('BEGIN');
      for (const statement of statements) await client.query(statement);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }

  test('reads the locks after each statement and sees rewrites through relfilenode', async () => {
    const trace = await traceLocks(session, ['accounts'], () =>
      inTransaction([
        `ALTER TABLE accounts ADD COLUMN active boolean NOT NULL DEFAULT true`,
        `SELECT 1`, // names no traced table: not recorded
        `ALTER TABLE accounts ALTER COLUMN id TYPE bigint`,
      ]),
    );
    expect(trace.map(({ sql, rewritten }) => ({ sql, rewritten }))).toEqual([
      { sql: 'ALTER TABLE accounts ADD COLUMN active boolean NOT NULL DEFAULT true', rewritten: [] },
      { sql: 'ALTER TABLE accounts ALTER COLUMN id TYPE bigint', rewritten: ['accounts', 'accounts_pkey'] },
    ]);
    expect(trace[0].inTransaction).toBe(true);
    expect(trace[0].locks).toContainEqual({ relation: 'accounts', mode: 'AccessExclusiveLock' });
    expect(trace[1].locks).toContainEqual({ relation: 'accounts_pkey', mode: 'AccessExclusiveLock' });
  });

  test('records no locks for a statement outside a transaction: they are gone when it ends', async () => {
    const trace = await traceLocks(session, ['accounts'], async () => {
      const client = await session.connect();
      await client.query('CREATE INDEX CONCURRENTLY accounts_note_idx ON accounts (note)');
      client.release();
    });
    expect(trace).toEqual([
      { sql: 'CREATE INDEX CONCURRENTLY accounts_note_idx ON accounts (note)', inTransaction: false, locks: null, rewritten: [] },
    ]);
  });
});

// #region walk-test
describe('walkMigrations', () => {
  const history = {
    '001_create_notes': 'CREATE TABLE notes (id int PRIMARY KEY, body text);',
    '002_trim_bodies': "ALTER TABLE notes ADD COLUMN tag text; UPDATE notes SET body = left(body, 3), tag = 'x';",
  };
  const seedAndFingerprint: StepCheck<{ rows: number; md5: string }> = {
    async before(db) {
      await db.exec(`INSERT INTO notes SELECT n, 'body ' || n FROM generate_series(1, 100) AS n`);
      return tableFingerprint(db, '(SELECT id, body FROM notes)');
    },
    async check(db, before) {
      expect(await tableFingerprint(db, '(SELECT id, body FROM notes)')).toEqual(before);
    },
  };

  test('refuses a history with a step that has no data check, before running anything', async () => {
    const runner = await sqlRunner(db, await sqlMigrations(history));
    try {
      await expect(
        walkMigrations({ db, runner, checks: { '001_create_notes': { check: async () => undefined } } }),
      ).rejects.toThrow('Migration steps without a data check: 002_trim_bodies');
      expect((await db.query(`SELECT to_regclass('notes') AS found`)).rows).toEqual([{ found: null }]);
    } finally {
      await runner.close();
    }
  });

  test('catches a step that loses data', async () => {
    const runner = await sqlRunner(db, await sqlMigrations(history));
    const applied: string[] = [];
    try {
      await expect(
        walkMigrations({
          db,
          runner,
          checks: { '001_create_notes': { check: async () => undefined }, '002_trim_bodies': seedAndFingerprint },
          apply: async (step, up) => applied.push(await up()),
        }),
      ).rejects.toThrow(/expected/);
      expect(applied).toEqual(['001_create_notes', '002_trim_bodies']);
    } finally {
      await runner.close();
      await db.exec('DROP TABLE notes');
    }
  });
});
// #endregion walk-test

describe('nodePgMigrateRunner', () => {
  const history = {
    '001_create_tasks': `export const up = (pgm) => {
      pgm.createTable('tasks', { id: 'id', title: { type: 'text', notNull: true } });
    };`,
    '002_index_tasks_title': `export const up = (pgm) => {
      pgm.noTransaction();
      pgm.createIndex('tasks', 'title', { concurrently: true });
    };`,
    '003_add_tasks_done': `export const up = (pgm) => {
      pgm.addColumn('tasks', { done: { type: 'boolean', notNull: true, default: false } });
    };`,
  };

  test('runs one migration per step with the SQL the pgm calls build, in a transaction unless pgm.noTransaction()', async () => {
    const runner = await nodePgMigrateRunner(db, await writeMigrations('ts', history));
    try {
      expect(runner.steps).toEqual(Object.keys(history));
      const traces = [];
      for (const step of runner.steps) {
        traces.push(await traceLocks(runner.session, ['tasks'], async () => expect(await runner.up()).toBe(step)));
      }
      const [create, index, addColumn] = traces.map((trace) => trace.map(({ sql, inTransaction }) => ({ sql, inTransaction })));
      expect(create).toEqual([{ sql: expect.stringMatching(/^CREATE TABLE "tasks"/), inTransaction: true }]);
      expect(index).toEqual([{ sql: 'CREATE INDEX CONCURRENTLY "tasks_title_index" ON "tasks" ("title");', inTransaction: false }]);
      expect(addColumn).toEqual([
        { sql: 'ALTER TABLE "tasks"\n  ADD "done" boolean DEFAULT false NOT NULL;', inTransaction: true },
      ]);
      expect(traces[2][0].locks).toContainEqual({ relation: 'tasks', mode: 'AccessExclusiveLock' });
      const { rows } = await db.query('SELECT name FROM pgmigrations ORDER BY id');
      expect(rows.map(({ name }) => name)).toEqual(Object.keys(history));
      await expect(runner.up()).rejects.toThrow('Expected one migration to run, ran 0');
    } finally {
      await runner.close();
      await db.exec('DROP TABLE tasks, pgmigrations');
    }
  });

  test('rolls a failed migration back: its statements and its pgmigrations row', async () => {
    const runner = await nodePgMigrateRunner(
      db,
      await writeMigrations('ts', {
        '001_create_tasks': history['001_create_tasks'],
        '002_broken': `export const up = (pgm) => {
          pgm.addColumn('tasks', { done: 'boolean' });
          pgm.sql('SELECT missing_column FROM tasks');
        };`,
      }),
    );
    try {
      await runner.up();
      await expect(runner.up()).rejects.toThrow('column "missing_column" does not exist');
      const { rows } = await db.query(`SELECT
        (SELECT count(*)::int FROM pgmigrations) AS recorded,
        (SELECT count(*)::int FROM information_schema.columns WHERE table_name = 'tasks' AND column_name = 'done') AS done_columns`);
      expect(rows).toEqual([{ recorded: 1, done_columns: 0 }]);
    } finally {
      await runner.close();
      await db.exec('DROP TABLE tasks, pgmigrations');
    }
  });
});

test('splitStatements splits where the Postgres parser does, without the comments between statements', async () => {
  const script = "-- #region up\nSELECT ';' AS semicolon;\n/* block; comment */ SELECT 2;\n-- #endregion up\n";
  expect(await splitStatements(script)).toEqual(["SELECT ';' AS semicolon", 'SELECT 2']);
});
