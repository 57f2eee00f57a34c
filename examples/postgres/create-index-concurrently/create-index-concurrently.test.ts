import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  engine,
  matchTraceSnapshot,
  openDatabase,
  tableFingerprint,
  toolRecipes,
  traceLocks,
  traceLocksWhileWaiting,
  unsafeKnexRecipe,
  walkMigrations,
  type Db,
  type MigrationRunner,
  type StepCheck,
  type TestDatabase,
  type TracedStatement,
  type TraceSnapshot,
} from '../../harness/index.ts';
import { createMigrator } from './kysely/migrator.ts';
import { insertSampleUsers, profileSample, SAMPLE_ROWS } from './sample-data.ts';

const here = new URL('./', import.meta.url);
const INDEX_STEP = '002_add_users_email_index';
// A write another connection tries while the index is being built (rolled back afterwards).
const WRITE_DURING_BUILD = `INSERT INTO users (email, display_name) VALUES ('written-during-the-build@example.com', 'Writer')`;

async function indexState(db: Db) {
  const { rows } = await db.query<{ valid: boolean; definition: string }>(
    `SELECT indisvalid AS valid, pg_get_indexdef(indexrelid) AS definition
     FROM pg_index WHERE indexrelid = 'users_email_idx'::regclass`,
  );
  return rows[0];
}

const checks: Record<string, StepCheck<any>> = {
  '001_create_users': {
    async check(db) {
      expect(await tableFingerprint(db, 'users')).toEqual({ rows: 0, md5: expect.any(String) });
    },
  },
  [INDEX_STEP]: {
    async before(db) {
      await insertSampleUsers(db);
      return tableFingerprint(db, 'users');
    },
    async check(db, before) {
      expect(await tableFingerprint(db, 'users')).toEqual(before);
      expect(await indexState(db)).toEqual({
        valid: true,
        definition: 'CREATE INDEX users_email_idx ON public.users USING btree (email)',
      });
    },
  },
};

interface Variant {
  tool: string;
  /** Whether the index step builds CONCURRENTLY (outside a transaction). */
  concurrent: boolean;
  open(db: TestDatabase): Promise<MigrationRunner>;
}

const variants: Variant[] = [
  { ...unsafeKnexRecipe(here, INDEX_STEP), concurrent: false },
  ...toolRecipes(here, { createMigrator, tools: ['knex', 'kysely', 'sql'] }).map((recipe) => ({ ...recipe, concurrent: true })),
];

const measured: TraceSnapshot['steps'] = [];
let serverVersion: number;

describe.each(variants)('$tool', ({ tool, concurrent, open }) => {
  let db: TestDatabase;
  let runner: MigrationRunner;
  let trace: TracedStatement[];

  beforeAll(async () => {
    db = await openDatabase();
    serverVersion = db.serverVersion;
    runner = await open(db);
    await walkMigrations({
      db,
      runner,
      checks,
      async apply(step, up) {
        if (step !== INDEX_STEP) return up();
        trace =
          db.engine === 'postgres'
            ? await traceLocksWhileWaiting(db, runner.session, { tables: ['users'], write: WRITE_DURING_BUILD }, up)
            : await traceLocks(runner.session, ['users'], up);
        measured.push({ tool, migration: step, statements: trace });
      },
    });
  });

  afterAll(async () => {
    await runner?.close();
    await db?.close();
  });

  test('the sample data has NULLs, repeated emails, non-ASCII names and long values', async () => {
    const profile = await profileSample(db);
    expect(profile.rows).toBe(SAMPLE_ROWS);
    expect(profile.nullEmails).toBeGreaterThan(0);
    expect(profile.repeatedEmails).toBeGreaterThan(0);
    expect(profile.nonAsciiNames).toBeGreaterThan(0);
    expect(profile.longestBio).toBeGreaterThan(8_000);
  });

  test('the index step sends one CREATE INDEX and rewrites nothing', () => {
    expect(trace).toHaveLength(1);
    expect(trace[0].sql).toMatch(concurrent ? /^create index concurrently/i : /^create index (?!concurrently)/i);
    expect(trace[0].rewritten).toEqual([]);
  });

  if (concurrent) {
    test('runs outside a transaction block', () => {
      expect(trace[0].inTransaction).toBe(false);
      expect(trace[0].locks).toBeNull();
    });
  } else {
    test('holds a SHARE lock on users until the migration commits', () => {
      expect(trace[0].inTransaction).toBe(true);
      expect(trace[0].locks).toContainEqual({ relation: 'users', mode: 'ShareLock' });
      expect(trace[0].locks).toContainEqual({ relation: 'users_email_idx', mode: 'AccessExclusiveLock' });
    });
  }

  test.runIf(engine === 'postgres')('while the build waits for an open write transaction', () => {
    const seen = trace[0].whileRunning!;
    if (concurrent) {
      // Waits for the older transaction to finish, holding only SHARE UPDATE EXCLUSIVE on users.
      expect(seen.waitingFor).toEqual({ lock: 'virtualxid', relation: null, mode: 'ShareLock' });
      expect(seen.locks).toContainEqual({ relation: 'users', mode: 'ShareUpdateExclusiveLock' });
      expect(seen.locks).not.toContainEqual(expect.objectContaining({ relation: 'users', mode: 'ShareLock' }));
      expect(seen.concurrentWrite).toEqual({ sql: WRITE_DURING_BUILD, completed: true });
    } else {
      // Queued for SHARE on users: every later writer queues behind it.
      expect(seen.waitingFor).toEqual({ lock: 'relation', relation: 'users', mode: 'ShareLock' });
      expect(seen.concurrentWrite).toEqual({ sql: WRITE_DURING_BUILD, completed: false });
    }
  });
});

test(`the measured traces match trace.${engine}.json`, async () => {
  expect(measured.map(({ tool }) => tool)).toEqual(variants.map(({ tool }) => tool));
  await matchTraceSnapshot(new URL(`trace.${engine}.json`, here), { engine, serverVersion, steps: measured });
});
