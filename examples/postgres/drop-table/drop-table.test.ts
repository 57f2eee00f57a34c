import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  engine,
  matchTraceSnapshot,
  openDatabase,
  scenarioFiles,
  sqlRunner,
  tableFingerprint,
  toolRecipes,
  traceLocks,
  traceLocksWhileWaiting,
  unsafeKnexRecipe,
  walkMigrations,
  type Db,
  type MigrationRunner,
  type Recipe,
  type StepCheck,
  type TestDatabase,
  type TraceSnapshot,
  type TracedStatement,
} from '../../harness/index.ts';
import * as releaseN from './release-n/logins.ts';
import * as releaseN1 from './release-n1/logins.ts';
import { insertSample, SAMPLE_USERS } from './sample-data.ts';

const here = new URL('./', import.meta.url);
const CREATE_STEP = '001_create_users_and_login_events';
const DROP_STEP = '002_drop_login_events';
const UNSAFE_DROP_STEP = '002_drop_login_events_during_rollout';

const variants: Recipe[] = [unsafeKnexRecipe(here, UNSAFE_DROP_STEP), ...toolRecipes(here)];

const UNDEFINED_TABLE = { code: '42P01' };

/** Each release signs the first user in; release N also records the sign-in and reads it back. */
const releases = {
  async n(db: Db) {
    const id = await releaseN.signIn(db, 'user1@example.com', 'Ångström-App/2.0 🙂');
    expect(await releaseN.lastLogin(db, id)).toEqual({ userAgent: 'Ångström-App/2.0 🙂' });
  },
  async n1(db: Db) {
    expect(await releaseN1.signIn(db, 'user1@example.com')).toEqual(expect.any(String));
  },
};

const dropCheck = (): StepCheck<{ rows: number; md5: string }> => ({
  async before(db) {
    await insertSample(db, { withLogins: true });
    return tableFingerprint(db, 'users');
  },
  async check(db, before) {
    expect(await tableFingerprint(db, 'users')).toEqual(before);
    expect((await db.query(`SELECT to_regclass('login_events') AS "table"`)).rows).toEqual([{ table: null }]);
    // Release N writes and reads login_events on every sign-in: both fail once it is gone.
    await expect(releases.n(db)).rejects.toMatchObject(UNDEFINED_TABLE);
    await expect(releaseN.lastLogin(db, '1')).rejects.toMatchObject(UNDEFINED_TABLE);
    await releases.n1(db);
  },
});

const checks: Record<string, StepCheck<any>> = {
  [CREATE_STEP]: {
    async check(db) {
      await insertSample(db, { withLogins: true });
      const { rows } = await db.query(
        `SELECT count(*) FILTER (WHERE user_agent IS NULL) > 0 AS "nullAgents",
                count(DISTINCT user_agent) < count(user_agent) AS "repeatedAgents",
                bool_or(user_agent ~ '[^\\x01-\\x7f]') AS "nonAscii",
                max(length(user_agent)) > 8000 AS "longAgents"
         FROM login_events`,
      );
      expect(rows).toEqual([{ nullAgents: true, repeatedAgents: true, nonAscii: true, longAgents: true }]);
      // Both releases run side by side during the rollout: N+1 simply stops touching login_events.
      await releases.n(db);
      await releases.n1(db);
    },
  },
  // The contract step, once release N is retired.
  [DROP_STEP]: dropCheck(),
  // The same drop shipped with release N+1, while release N still runs.
  [UNSAFE_DROP_STEP]: dropCheck(),
};

const measured: TraceSnapshot['steps'] = [];
let db: TestDatabase;

beforeAll(async () => {
  db = await openDatabase();
});

afterAll(() => db?.close());

describe.each(variants)('$tool', ({ tool, open }) => {
  let runner: MigrationRunner;
  const traced: TraceSnapshot['steps'] = [];

  beforeAll(async () => {
    runner = await open(db);
    const stepChecks = Object.fromEntries(runner.steps.map((step) => [step, checks[step]]));
    await walkMigrations({
      db,
      runner,
      checks: stepChecks,
      async apply(step, up) {
        if (step === CREATE_STEP) return up();
        traced.push({ tool, migration: step, statements: await traceLocks(runner.session, ['users', 'login_events'], up) });
      },
    });
    measured.push(...traced);
  });

  afterAll(async () => {
    await runner?.close();
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  });

  test('the users table keeps every row it had', async () => {
    expect((await tableFingerprint(db, 'users')).rows).toBe(SAMPLE_USERS * 2);
  });

  test('the drop holds ACCESS EXCLUSIVE on users, the table its foreign key references, until commit', () => {
    expect(traced.map(({ migration }) => migration)).toEqual(runner.steps.filter((step) => step !== CREATE_STEP));
    for (const { statements } of traced) {
      expect(statements).toHaveLength(1);
      const [statement] = statements;
      expect(statement.sql).toMatch(/^drop table "?login_events"?;?$/i);
      expect(statement.inTransaction).toBe(true);
      expect(statement.locks).toEqual([{ relation: 'users', mode: 'AccessExclusiveLock' }]);
      expect(statement.rewritten).toEqual([]);
    }
  });
});

test(`the measured traces match trace.${engine}.json`, async () => {
  expect([...new Set(measured.map(({ tool }) => tool))]).toEqual(variants.map(({ tool }) => tool));
  await matchTraceSnapshot(new URL(`trace.${engine}.json`, here), { engine, serverVersion: db.serverVersion, steps: measured });
});

describe('the SQL recipe\'s drop, seen from inside its transaction and from other connections', () => {
  let runner: MigrationRunner;
  let dropLocks: unknown[];
  let dropWaited: TracedStatement['whileRunning'];

  /** The locks DROP TABLE holds before commit, read by oid (the dropped table has no name any more), then rolled back. */
  async function locksOfDrop(): Promise<unknown[]> {
    const { rows: [{ dropped }] } = await db.query<{ dropped: number }>(`SELECT 'login_events'::regclass::oid::int AS dropped`);
    await db.exec(`BEGIN; SET LOCAL lock_timeout = '2s'; DROP TABLE login_events`);
    try {
      const { rows } = await db.query(
        `SELECT CASE relation WHEN $1 THEN 'login_events' ELSE relation::regclass::text END AS relation, mode
         FROM pg_locks WHERE pid = pg_backend_pid() AND (relation = $1 OR relation = 'users'::regclass)
         ORDER BY 1`,
        [dropped],
      );
      return rows;
    } finally {
      await db.exec('ROLLBACK');
    }
  }

  beforeAll(async () => {
    runner = await sqlRunner(db, await scenarioFiles(here, 'sql'));
    await runner.up();
    dropLocks = await locksOfDrop();
    if (engine === 'pglite') return;
    // Another connection keeps a write transaction open on users, the table login_events references.
    const write = `UPDATE users SET display_name = display_name WHERE id = 1`;
    const trace = await traceLocksWhileWaiting(db, runner.session, { tables: ['users', 'login_events'], write }, () => runner.up());
    dropWaited = trace.find(({ whileRunning }) => whileRunning)?.whileRunning;
  });

  afterAll(async () => {
    await runner?.close();
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  });

  test('the drop holds ACCESS EXCLUSIVE on the dropped table and on users until commit', () => {
    expect(dropLocks).toEqual([
      { relation: 'login_events', mode: 'AccessExclusiveLock' },
      { relation: 'users', mode: 'AccessExclusiveLock' },
    ]);
  });

  test.skipIf(engine === 'pglite')('while the drop waits for an open transaction on users, writes to users queue behind it', () => {
    expect(dropWaited).toEqual({
      waitingFor: { lock: 'relation', relation: 'users', mode: 'AccessExclusiveLock' },
      // It already holds login_events and its indexes, so release N's sign-ins are stuck as well.
      locks: [
        { relation: 'login_events', mode: 'AccessExclusiveLock' },
        { relation: 'login_events_pkey', mode: 'AccessExclusiveLock' },
        { relation: 'login_events_user_id_index', mode: 'AccessExclusiveLock' },
      ],
      concurrentWrite: { sql: expect.stringMatching(/^UPDATE users/), completed: false },
    });
  });
});
