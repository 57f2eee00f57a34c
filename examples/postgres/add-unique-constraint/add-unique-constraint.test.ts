import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractRegion } from '../../../src/components/regions.ts';
import {
  engine,
  matchTraceSnapshot,
  openDatabase,
  scenarioFiles,
  splitStatements,
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
  type TracedStatement,
  type TraceSnapshot,
} from '../../harness/index.ts';
import { createMigrator } from './kysely/migrator.ts';
import * as releaseN from './release-n/users.ts';
import * as releaseN1 from './release-n1/users.ts';
import { insertSampleUsers, profileSample } from './sample-data.ts';

const here = new URL('./', import.meta.url);
const CREATE_STEP = '001_create_users';
const DEDUPLICATE_STEP = '002_delete_duplicate_users';
const INDEX_STEP = '003_create_users_email_key_index';
const CONSTRAINT_STEP = '004_add_users_email_key_constraint';
const UNSAFE_STEP = '003_add_users_email_key';
// A write another connection tries while a step waits (rolled back afterwards).
const WRITE_MEANWHILE = `INSERT INTO users (email, display_name) VALUES ('written-meanwhile@example.com', 'Writer')`;
const UNIQUE_VIOLATION = { code: '23505' };

const variants: Recipe[] = [unsafeKnexRecipe(here, UNSAFE_STEP, 2), ...toolRecipes(here, { createMigrator })];

/** The queries of duplicates.sql, by region. */
async function duplicates(db: Db, region: 'find' | 'find-conflicts') {
  const script = await readFile(new URL('duplicates.sql', here), 'utf8');
  const [query] = await splitStatements(extractRegion(script, 'duplicates.sql', region));
  return (await db.query(query)).rows;
}

/** Each release signs the same user up twice, as a double-submitted form does. */
const releases = {
  async n(db: Db, email: string) {
    const user = { email, displayName: 'Zoë Ångström' };
    const first = await releaseN.signUp(db, user);
    const second = await releaseN.signUp(db, user);
    expect(await releaseN.findUsersByEmail(db, email)).toEqual([
      { id: first, ...user },
      { id: second, ...user },
    ]);
  },
  async n1(db: Db, email: string) {
    const user = { email, displayName: '山田 太郎' };
    const id = await releaseN1.signUp(db, user);
    expect(await releaseN1.signUp(db, user)).toBe(id);
    expect(await releaseN1.findUserByEmail(db, email)).toEqual({ id, ...user });
  },
};

/** Once the unique index exists, release N's second INSERT fails: it has to be gone by then. */
async function releaseNIsRefused(db: Db, email: string) {
  await expect(releases.n(db, email)).rejects.toMatchObject(UNIQUE_VIOLATION);
}

async function emailKey(db: Db) {
  const { rows } = await db.query(
    `SELECT i.indisvalid AS valid, i.indisunique AS "unique",
            (SELECT contype FROM pg_constraint c WHERE c.conindid = i.indexrelid) AS constraint
     FROM pg_index i WHERE i.indexrelid = to_regclass('users_email_key')`,
  );
  return rows[0];
}

// Every distinct user: deleting exact copies must leave this as it was.
const DISTINCT_USERS = '(SELECT DISTINCT email, display_name, bio FROM users)';

const withSample = (batch: number) => async (db: Db) => {
  await insertSampleUsers(db, { batch, copies: false });
  return tableFingerprint(db, 'users');
};

const constraintCheck = (step: string, batch: number): StepCheck<{ rows: number; md5: string }> => ({
  before: withSample(batch),
  async check(db, before) {
    expect(await tableFingerprint(db, 'users')).toEqual(before);
    expect(await emailKey(db)).toEqual({ valid: true, unique: true, constraint: 'u' });
    await releaseNIsRefused(db, `${step}.n@example.com`);
    await releases.n1(db, `${step}.n1@example.com`);
  },
});

const checks: Record<string, StepCheck<any>> = {
  [CREATE_STEP]: {
    async check(db) {
      expect(await tableFingerprint(db, 'users')).toEqual({ rows: 0, md5: expect.any(String) });
      // Both releases run side by side during the rollout; release N still stores duplicates.
      await releases.n(db, 'zoë@example.com');
      await releases.n1(db, 'yamada@example.com');
    },
  },
  [DEDUPLICATE_STEP]: {
    async before(db) {
      await insertSampleUsers(db, { batch: 2, copies: true });
      expect(await duplicates(db, 'find')).not.toEqual([]);
      expect(await duplicates(db, 'find-conflicts')).toEqual([]);
      return { distinct: await tableFingerprint(db, DISTINCT_USERS), profile: await profileSample(db) };
    },
    async check(db, before) {
      expect(await duplicates(db, 'find')).toEqual([]);
      expect(await tableFingerprint(db, DISTINCT_USERS)).toEqual(before.distinct);
      const after = await profileSample(db);
      expect(after.rows).toBeLessThan(before.profile.rows);
      expect(after.nullEmails).toBe(before.profile.nullEmails); // NULL is nobody's duplicate
      // Release N still works on this schema, but it is retired before this step: a double submit
      // now would bring a duplicate back and make 003 fail (see the test below).
      await db.query('BEGIN');
      await releases.n(db, 'retired.n@example.com').finally(() => db.query('ROLLBACK'));
      await releases.n1(db, `${DEDUPLICATE_STEP}.n1@example.com`);
    },
  },
  [INDEX_STEP]: {
    before: withSample(3),
    async check(db, before) {
      expect(await tableFingerprint(db, 'users')).toEqual(before);
      expect(await emailKey(db)).toEqual({ valid: true, unique: true, constraint: null });
      await releaseNIsRefused(db, `${INDEX_STEP}.n@example.com`);
      await releases.n1(db, `${INDEX_STEP}.n1@example.com`);
    },
  },
  [CONSTRAINT_STEP]: constraintCheck(CONSTRAINT_STEP, 4),
  [UNSAFE_STEP]: constraintCheck(UNSAFE_STEP, 3),
};

const measured: TraceSnapshot['steps'] = [];
let db: TestDatabase;

beforeAll(async () => {
  db = await openDatabase();
});

afterAll(() => db?.close());

const resetSchema = () => db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');

/** The steps that wait for an open write transaction on the real server, to show what they block. */
const WATCHED_STEPS = [INDEX_STEP, UNSAFE_STEP];

describe.each(variants)('$tool', ({ tool, open }) => {
  let runner: MigrationRunner;
  const traced = new Map<string, TracedStatement[]>();

  beforeAll(async () => {
    runner = await open(db);
    await walkMigrations({
      db,
      runner,
      checks: Object.fromEntries(runner.steps.map((step) => [step, checks[step]])),
      async apply(step, up) {
        if (step === CREATE_STEP) return up();
        const statements =
          db.engine === 'postgres' && WATCHED_STEPS.includes(step)
            ? await traceLocksWhileWaiting(db, runner.session, { tables: ['users'], write: WRITE_MEANWHILE }, up)
            : await traceLocks(runner.session, ['users'], up);
        traced.set(step, statements);
        measured.push({ tool, migration: step, statements });
      },
    });
  });

  afterAll(async () => {
    await runner?.close();
    await resetSchema();
  });

  test('the sample data has NULLs, non-ASCII names and long values, and no duplicate left', async () => {
    const profile = await profileSample(db);
    expect(profile.nullEmails).toBeGreaterThan(0);
    expect(profile.nonAsciiNames).toBeGreaterThan(0);
    expect(profile.longestBio).toBeGreaterThan(8_000);
    expect(profile.repeatedEmails).toBe(0);
  });

  test('deleting the copies takes row locks only', () => {
    const [statement, ...others] = traced.get(DEDUPLICATE_STEP)!;
    expect(others).toEqual([]);
    expect(statement.sql).toMatch(/^delete from "?users"? as "?copy"?/i);
    expect(statement.rewritten).toEqual([]);
    if (statement.inTransaction) {
      // ROW EXCLUSIVE to delete, ACCESS SHARE to read the originals: neither blocks the application.
      expect(statement.locks!.filter(({ relation }) => relation === 'users')).toEqual([
        { relation: 'users', mode: 'AccessShareLock' },
        { relation: 'users', mode: 'RowExclusiveLock' },
      ]);
    }
  });

  if (tool.endsWith('(unsafe)')) {
    test('ADD CONSTRAINT … UNIQUE builds the index under ACCESS EXCLUSIVE until the migration commits', () => {
      const [statement, ...others] = traced.get(UNSAFE_STEP)!;
      expect(others).toEqual([]);
      expect(statement.sql).toBe('alter table "users" add constraint "users_email_key" unique ("email")');
      expect(statement.inTransaction).toBe(true);
      expect(statement.locks).toContainEqual({ relation: 'users', mode: 'AccessExclusiveLock' });
      expect(statement.rewritten).toEqual([]);
    });

    test.runIf(engine === 'postgres')('queued behind an open write transaction, it blocks the writes after it', () => {
      const [statement] = traced.get(UNSAFE_STEP)!;
      expect(statement.whileRunning!.waitingFor).toEqual({ lock: 'relation', relation: 'users', mode: 'AccessExclusiveLock' });
      expect(statement.whileRunning!.concurrentWrite).toEqual({ sql: WRITE_MEANWHILE, completed: false });
    });
    return;
  }

  test('the unique index is built concurrently, outside a transaction', () => {
    const [statement, ...others] = traced.get(INDEX_STEP)!;
    expect(others).toEqual([]);
    expect(statement.sql).toMatch(/^CREATE UNIQUE INDEX CONCURRENTLY "?users_email_key"? ON "?users"? \("?email"?\);?$/);
    expect(statement.inTransaction).toBe(false);
    expect(statement.locks).toBeNull();
    expect(statement.rewritten).toEqual([]);
  });

  test.runIf(engine === 'postgres')('while it waits for an open write transaction, writes go through', () => {
    const seen = traced.get(INDEX_STEP)![0].whileRunning!;
    expect(seen.waitingFor).toEqual({ lock: 'virtualxid', relation: null, mode: 'ShareLock' });
    expect(seen.locks).toContainEqual({ relation: 'users', mode: 'ShareUpdateExclusiveLock' });
    expect(seen.concurrentWrite).toEqual({ sql: WRITE_MEANWHILE, completed: true });
  });

  test('USING INDEX takes ACCESS EXCLUSIVE for a moment and rebuilds nothing', () => {
    const [statement, ...others] = traced.get(CONSTRAINT_STEP)!;
    expect(others).toEqual([]);
    expect(statement.sql).toMatch(/^ALTER TABLE "?users"?\s+ADD CONSTRAINT "?users_email_key"? UNIQUE USING INDEX users_email_key;?$/);
    expect(statement.inTransaction).toBe(true);
    expect(statement.locks).toContainEqual({ relation: 'users', mode: 'AccessExclusiveLock' });
    // users_email_key keeps its relfilenode: the index built in 003 is the one the constraint uses.
    expect(statement.rewritten).toEqual([]);
  });
});

test(`the measured traces match trace.${engine}.json`, async () => {
  expect([...new Set(measured.map(({ tool }) => tool))]).toEqual(variants.map(({ tool }) => tool));
  await matchTraceSnapshot(new URL(`trace.${engine}.json`, here), { engine, serverVersion: db.serverVersion, steps: measured });
});

test('release N still running after 002 brings a duplicate back, and 003 fails with an INVALID index', async () => {
  const runner = await sqlRunner(db, await scenarioFiles(here, 'sql'));
  try {
    await runner.up(); // 001
    await insertSampleUsers(db, { batch: 2, copies: true });
    await runner.up(); // 002
    expect(await duplicates(db, 'find')).toEqual([]);
    await releases.n(db, 'double-submit@example.com');
    await expect(runner.up()).rejects.toMatchObject({
      ...UNIQUE_VIOLATION,
      message: 'could not create unique index "users_email_key"',
      detail: 'Key (email)=(double-submit@example.com) is duplicated.',
    });
    // The failed build leaves its index behind, invalid: drop it before trying again
    // (see the create-index-concurrently example).
    expect(await emailKey(db)).toEqual({ valid: false, unique: true, constraint: null });
  } finally {
    await runner.close();
    await resetSchema();
  }
});
