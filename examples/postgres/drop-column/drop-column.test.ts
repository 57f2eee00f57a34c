import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  engine,
  matchTraceSnapshot,
  openDatabase,
  tableFingerprint,
  toolRecipes,
  traceLocks,
  unsafeKnexRecipe,
  walkMigrations,
  type Db,
  type MigrationRunner,
  type Recipe,
  type StepCheck,
  type TestDatabase,
  type TraceSnapshot,
} from '../../harness/index.ts';
import * as releaseN from './release-n/users.ts';
import * as releaseN1 from './release-n1/users.ts';
import { insertSampleUsers, profileSample, SAMPLE_ROWS } from './sample-data.ts';

const here = new URL('./', import.meta.url);
const CREATE_STEP = '001_create_users';
const ALLOW_NULL_STEP = '002_allow_users_nickname_null';
const DROP_STEP = '003_drop_users_nickname';
const UNSAFE_DROP_STEP = '002_drop_users_nickname';
// The columns that stay: every value in them must survive the drop.
const KEPT_COLUMNS = '(SELECT id, email, display_name FROM users)';

const variants: Recipe[] = [unsafeKnexRecipe(here, UNSAFE_DROP_STEP), ...toolRecipes(here)];

/** Each release signs a user up and reads it back; a release that cannot fails with the Postgres error. */
const releases = {
  async n(db: Db) {
    const user = { email: 'zoë@example.com', displayName: 'Zoë Ångström', nickname: 'zoë 🙂' };
    const id = await releaseN.signUp(db, user);
    expect(await releaseN.findUser(db, id)).toEqual({ id, ...user });
  },
  async n1(db: Db) {
    const user = { email: null, displayName: '山田 太郎' };
    const id = await releaseN1.signUp(db, user);
    expect(await releaseN1.findUser(db, id)).toEqual({ id, ...user });
  },
};

const NOT_NULL_VIOLATION = { code: '23502' };
const UNDEFINED_COLUMN = { code: '42703' };

async function nicknameColumn(db: Db) {
  const { rows } = await db.query(
    `SELECT attname LIKE '%pg.dropped%' AS dropped, attisdropped AS "isDropped", attnotnull AS "notNull"
     FROM pg_attribute WHERE attrelid = 'users'::regclass AND attnum = 4`,
  );
  return rows[0];
}

const dropCheck = (): StepCheck<{ rows: number; md5: string }> => ({
  async before(db) {
    await insertSampleUsers(db);
    return tableFingerprint(db, KEPT_COLUMNS);
  },
  async check(db, before) {
    expect(await tableFingerprint(db, KEPT_COLUMNS)).toEqual(before);
    // DROP COLUMN only marks the column dropped in the catalog; the row data stays until rewritten.
    expect(await nicknameColumn(db)).toEqual({ dropped: true, isDropped: true, notNull: false });
    // Release N names nickname in every query: its inserts and its reads break once the column is gone.
    await expect(releases.n(db)).rejects.toMatchObject(UNDEFINED_COLUMN);
    await expect(releaseN.findUser(db, '1')).rejects.toMatchObject(UNDEFINED_COLUMN);
    await releases.n1(db);
  },
});

const checks: Record<string, StepCheck<any>> = {
  [CREATE_STEP]: {
    async check(db) {
      expect(await tableFingerprint(db, 'users')).toEqual({ rows: 0, md5: expect.any(String) });
      await releases.n(db);
      // Release N+1 does not send nickname, which is still NOT NULL: it has to wait for 002.
      await expect(releases.n1(db)).rejects.toMatchObject(NOT_NULL_VIOLATION);
    },
  },
  [ALLOW_NULL_STEP]: {
    async before(db) {
      await insertSampleUsers(db);
      return tableFingerprint(db, 'users');
    },
    async check(db, before) {
      expect(await tableFingerprint(db, 'users')).toEqual(before);
      expect(await nicknameColumn(db)).toEqual({ dropped: false, isDropped: false, notNull: false });
      // Both releases run side by side during the rollout.
      await releases.n(db);
      await releases.n1(db);
    },
  },
  // The contract step, once release N is retired.
  [DROP_STEP]: dropCheck(),
  // The same drop shipped with release N+1, while release N still runs.
  [UNSAFE_DROP_STEP]: dropCheck(),
};

const TRACED_STEPS = [ALLOW_NULL_STEP, DROP_STEP, UNSAFE_DROP_STEP];
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
        if (!TRACED_STEPS.includes(step)) return up();
        traced.push({ tool, migration: step, statements: await traceLocks(runner.session, ['users'], up) });
      },
    });
    measured.push(...traced);
  });

  afterAll(async () => {
    await runner?.close();
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  });

  test('the sample data has NULLs, repeated emails, non-ASCII names and long values', async () => {
    const profile = await profileSample(db);
    expect(profile.rows).toBeGreaterThanOrEqual(SAMPLE_ROWS);
    expect(profile.nullEmails).toBeGreaterThan(0);
    expect(profile.repeatedEmails).toBeGreaterThan(0);
    expect(profile.nonAsciiNames).toBeGreaterThan(0);
    expect(profile.longestName).toBeGreaterThan(8_000);
  });

  test('each step sends one ALTER TABLE that holds ACCESS EXCLUSIVE on users until commit and rewrites nothing', () => {
    expect(traced.map(({ migration }) => migration)).toEqual(runner.steps.filter((step) => TRACED_STEPS.includes(step)));
    for (const { statements } of traced) {
      expect(statements).toHaveLength(1);
      const [statement] = statements;
      expect(statement.sql).toMatch(/^alter table "?users"?\s+(alter|drop)/i);
      expect(statement.inTransaction).toBe(true);
      expect(statement.locks).toContainEqual({ relation: 'users', mode: 'AccessExclusiveLock' });
      expect(statement.rewritten).toEqual([]);
    }
  });
});

test(`the measured traces match trace.${engine}.json`, async () => {
  expect([...new Set(measured.map(({ tool }) => tool))]).toEqual(variants.map(({ tool }) => tool));
  await matchTraceSnapshot(new URL(`trace.${engine}.json`, here), { engine, serverVersion: db.serverVersion, steps: measured });
});
