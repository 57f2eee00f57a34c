import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  clientDb,
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
  type TraceSnapshot,
} from '../../harness/index.ts';
import { createMigrator } from './kysely/migrator.ts';
import * as releaseN from './release-n/users.ts';
import * as releaseN1 from './release-n1/users.ts';
import { insertSampleUsers, profileSample, SAMPLE_ROWS } from './sample-data.ts';

const here = new URL('./', import.meta.url);
const CREATE = '001_create_users';
const EXPAND = '002_add_users_full_name';
const BACKFILL = '003_backfill_users_full_name';
const CONTRACT = '004_drop_users_name';
const UNSAFE_RENAME = '002_rename_users_name';
const BATCH_SIZE = 2_500; // as in each tool's backfill
// The user data under the old and the new column name: fingerprints compare values, not names.
const BY_NAME = '(SELECT id, email, name FROM users)';
const BY_FULL_NAME = '(SELECT id, email, full_name FROM users)';

const variants: Recipe[] = [unsafeKnexRecipe(here, UNSAFE_RENAME), ...toolRecipes(here, { createMigrator })];

const db = await openDatabase();
afterAll(() => db.close());

// --- What each release does at each step -------------------------------------------------------

const releases = {
  async n(db: Db) {
    const user = { email: 'zoë@example.com', name: 'Zoë Ångström' };
    const id = await releaseN.signUp(db, user);
    expect(await releaseN.findUser(db, id)).toEqual({ id, ...user });
  },
  async n1(db: Db) {
    const user = { email: null, fullName: '山田 太郎' };
    const id = await releaseN1.signUp(db, user);
    expect(await releaseN1.findUser(db, id)).toEqual({ id, ...user });
  },
};

// Each value is written by one release and read by the other, then overwritten with the next one.
const NAMES = ['José Núñez 🙂', null, '山田 太郎 '.repeat(3_000), 'Plain Ascii'];

/** Both releases side by side: every write of one is what the other reads, in both directions. */
async function expectNamesShared(db: Db) {
  for (const [index, name] of NAMES.entries()) {
    const next = NAMES[(index + 1) % NAMES.length];
    const fromN = await releaseN.signUp(db, { email: null, name });
    const fromN1 = await releaseN1.signUp(db, { email: 'taro@example.com', fullName: name });
    expect(await releaseN1.findUser(db, fromN)).toEqual({ id: fromN, email: null, fullName: name });
    expect(await releaseN.findUser(db, fromN1)).toEqual({ id: fromN1, email: 'taro@example.com', name });

    await releaseN.changeName(db, fromN1, next);
    await releaseN1.changeName(db, fromN, next);
    expect((await releaseN1.findUser(db, fromN1))?.fullName).toBe(next);
    expect((await releaseN.findUser(db, fromN))?.name).toBe(next);
  }
}

type Outcome = 'works' | { code: string };
const UNDEFINED_COLUMN = { code: '42703' };

const outcomes: Record<string, { n: Outcome; n1: Outcome }> = {
  [CREATE]: { n: 'works', n1: UNDEFINED_COLUMN },
  [EXPAND]: { n: 'works', n1: 'works' },
  [BACKFILL]: { n: 'works', n1: 'works' },
  // The contract step, once release N is retired: had it still run, every query of it would fail.
  [CONTRACT]: { n: UNDEFINED_COLUMN, n1: 'works' },
  // The rename shipped with release N+1, while release N still runs.
  [UNSAFE_RENAME]: { n: UNDEFINED_COLUMN, n1: 'works' },
};

async function expectReleases(db: Db, step: string) {
  const { n, n1 } = outcomes[step];
  for (const [release, outcome] of [['n', n], ['n1', n1]] as const) {
    if (outcome === 'works') await releases[release](db);
    else await expect(releases[release](db)).rejects.toMatchObject(outcome);
  }
  // Release N's reads fail as well as its writes.
  if (n !== 'works') await expect(releaseN.findUser(db, '1')).rejects.toMatchObject(UNDEFINED_COLUMN);
  if (n === 'works' && n1 === 'works') await expectNamesShared(db);
}

// --- The schema and the data after each step ----------------------------------------------------

/** The columns of users and the triggers on it. */
async function usersShape(db: Db) {
  const { rows } = await db.query<{ columns: string[]; triggers: string[] }>(
    `SELECT array(SELECT attname::text FROM pg_attribute WHERE attrelid = 'users'::regclass AND attnum > 0
                  AND NOT attisdropped ORDER BY attnum) AS columns,
            array(SELECT tgname::text FROM pg_trigger WHERE tgrelid = 'users'::regclass AND NOT tgisinternal) AS triggers`,
  );
  return rows[0];
}

const shapeAfter: Record<string, Awaited<ReturnType<typeof usersShape>>> = {
  [EXPAND]: { columns: ['id', 'email', 'name', 'full_name'], triggers: ['users_sync_full_name'] },
  [BACKFILL]: { columns: ['id', 'email', 'name', 'full_name'], triggers: ['users_sync_full_name'] },
  [CONTRACT]: { columns: ['id', 'email', 'full_name'], triggers: [] },
  [UNSAFE_RENAME]: { columns: ['id', 'email', 'full_name'], triggers: [] },
};

async function unsyncedRows(db: Db): Promise<number> {
  const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM users WHERE full_name IS DISTINCT FROM name');
  return rows[0].count;
}

async function syncFunctionExists(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ exists: boolean }>(`SELECT to_regproc('users_sync_full_name') IS NOT NULL AS exists`);
  return rows[0].exists;
}

type Fingerprint = Awaited<ReturnType<typeof tableFingerprint>>;

const checks: Record<string, StepCheck<any>> = {
  [CREATE]: {
    async check(db) {
      expect(await tableFingerprint(db, 'users')).toEqual({ rows: 0, md5: expect.any(String) });
      await expectReleases(db, CREATE);
    },
  },
  [EXPAND]: {
    async before(db) {
      await insertSampleUsers(db, SAMPLE_ROWS, 'name');
      return tableFingerprint(db, BY_NAME);
    },
    async check(db, before: Fingerprint) {
      expect(await tableFingerprint(db, BY_NAME)).toEqual(before);
      expect(await usersShape(db)).toEqual(shapeAfter[EXPAND]);
      // The rows from before 002 wait for the backfill: full_name is NULL wherever name is not.
      const { rows } = await db.query<{ named: number }>('SELECT count(name)::int AS named FROM users');
      expect(await unsyncedRows(db)).toBe(rows[0].named);
      await expectReleases(db, EXPAND);
    },
  },
  [BACKFILL]: {
    async before(db) {
      // Release N keeps writing during the rollout; the trigger fills full_name on its inserts.
      const { rows } = await db.query<{ last: number }>('SELECT max(id)::int AS last FROM users');
      await insertSampleUsers(db, SAMPLE_ROWS / 10, 'name');
      const { rows: unsynced } = await db.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM users WHERE id > $1 AND full_name IS DISTINCT FROM name',
        [rows[0].last],
      );
      expect(unsynced[0].count).toBe(0);
      return tableFingerprint(db, BY_NAME);
    },
    async check(db, before: Fingerprint) {
      expect(await tableFingerprint(db, BY_NAME)).toEqual(before);
      // Every value of name, NULLs and 18 kB names included, is now in full_name too.
      expect(await tableFingerprint(db, BY_FULL_NAME)).toEqual(before);
      expect(await unsyncedRows(db)).toBe(0);
      expect(await usersShape(db)).toEqual(shapeAfter[BACKFILL]);
      await expectReleases(db, BACKFILL);
    },
  },
  [CONTRACT]: {
    async before(db) {
      await insertSampleUsers(db, SAMPLE_ROWS / 10, 'full_name');
      const fingerprint = await tableFingerprint(db, BY_FULL_NAME);
      expect(await tableFingerprint(db, BY_NAME)).toEqual(fingerprint);
      return fingerprint;
    },
    async check(db, before: Fingerprint) {
      expect(await tableFingerprint(db, BY_FULL_NAME)).toEqual(before);
      expect(await usersShape(db)).toEqual(shapeAfter[CONTRACT]);
      expect(await syncFunctionExists(db)).toBe(false);
      await expectReleases(db, CONTRACT);
    },
  },
  [UNSAFE_RENAME]: {
    async before(db) {
      await insertSampleUsers(db, SAMPLE_ROWS, 'name');
      return tableFingerprint(db, BY_NAME);
    },
    async check(db, before: Fingerprint) {
      // A rename keeps every value: it changes the catalog only.
      expect(await tableFingerprint(db, BY_FULL_NAME)).toEqual(before);
      expect(await usersShape(db)).toEqual(shapeAfter[UNSAFE_RENAME]);
      await expectReleases(db, UNSAFE_RENAME);
    },
  },
};

// --- Locks and rewrites ------------------------------------------------------------------------

const LOCK_ORDER = ['RowExclusiveLock', 'ShareRowExclusiveLock', 'AccessExclusiveLock'];
const measured: TraceSnapshot['steps'] = [];

describe.each(variants)('$tool', ({ tool, open }) => {
  let runner: MigrationRunner;
  let batches = 0;
  const traced: TraceSnapshot['steps'] = [];
  const statementsOf = (step: string) => traced.find(({ migration }) => migration === step)?.statements ?? [];

  beforeAll(async () => {
    runner = await open(db);
    await walkMigrations({
      db,
      runner,
      checks: Object.fromEntries(runner.steps.map((step) => [step, checks[step]])),
      async apply(step, up) {
        if (step === CREATE) return up();
        if (step === BACKFILL) {
          const { rows } = await db.query<{ last: number }>('SELECT max(id)::int AS last FROM users');
          batches = Math.ceil(rows[0].last / BATCH_SIZE);
        }
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
    const profile = await profileSample(db, 'full_name');
    expect(profile.rows).toBeGreaterThanOrEqual(SAMPLE_ROWS);
    expect(profile.nullEmails).toBeGreaterThan(0);
    expect(profile.nullNames).toBeGreaterThan(0);
    expect(profile.repeatedEmails).toBeGreaterThan(0);
    expect(profile.nonAsciiNames).toBeGreaterThan(0);
    expect(profile.longestName).toBeGreaterThan(8_000);
  });

  test('no step rewrites users or its index', () => {
    expect(traced.length).toBeGreaterThan(0);
    for (const { statements } of traced) for (const { rewritten } of statements) expect(rewritten).toEqual([]);
  });

  test('the schema steps hold ACCESS EXCLUSIVE on users until their migration commits', () => {
    for (const step of [EXPAND, CONTRACT, UNSAFE_RENAME].filter((step) => runner.steps.includes(step))) {
      const statements = statementsOf(step);
      expect(statements.length).toBeGreaterThan(0);
      expect(statements.every(({ inTransaction }) => inTransaction)).toBe(true);
      const modes = statements.flatMap(({ locks }) => locks ?? []).filter(({ relation }) => relation === 'users').map(({ mode }) => mode);
      const strongest = modes.sort((a, b) => LOCK_ORDER.indexOf(b) - LOCK_ORDER.indexOf(a))[0];
      expect({ step, strongest }).toEqual({ step, strongest: 'AccessExclusiveLock' });
    }
  });

  if (tool === 'knex (unsafe)') {
    test('the rename is one ALTER TABLE', () => {
      const [rename, ...rest] = statementsOf(UNSAFE_RENAME);
      expect(rest).toEqual([]);
      expect(rename.sql).toMatch(/^alter table "users" rename "name" to "full_name"$/i);
    });
  } else {
    test('CREATE TRIGGER takes SHARE ROW EXCLUSIVE on users, in the same transaction as ADD COLUMN', () => {
      const createTrigger = statementsOf(EXPAND).find(({ sql }) => /create trigger/i.test(sql));
      expect(createTrigger?.locks).toContainEqual({ relation: 'users', mode: 'ShareRowExclusiveLock' });
      expect(createTrigger?.locks).toContainEqual({ relation: 'users', mode: 'AccessExclusiveLock' });
    });

    test('the backfill commits batch by batch, outside a transaction', () => {
      const statements = statementsOf(BACKFILL);
      expect(statements.length).toBeGreaterThan(0);
      expect(statements.every(({ inTransaction }) => !inTransaction)).toBe(true);
      const updates = statements.filter(({ sql }) => /^update/i.test(sql.trim()));
      // The SQL file loops inside one DO block; the other tools send one UPDATE per batch.
      expect(updates).toHaveLength(tool === 'sql' ? 0 : batches);
      expect(batches).toBeGreaterThan(1);
    });
  }
});

// --- Beside a writing release (a real server: PGlite has one session) -----------------------------

describe.skipIf(engine === 'pglite')('release N renaming users on its own connection while 003 backfills', () => {
  test('every row ends with both columns equal, its renames included', async () => {
    const [knex] = toolRecipes(here, { tools: ['knex'] });
    const runner = await knex.open(db);
    const releaseNConnection = clientDb(await db.connect());
    try {
      expect([await runner.up(), await runner.up()]).toEqual([CREATE, EXPAND]);
      await insertSampleUsers(db, SAMPLE_ROWS, 'name');
      let backfilling = true;
      let renames = 0;
      const renaming = (async () => {
        while (backfilling) {
          const id = String(1 + ((renames * 797) % SAMPLE_ROWS));
          await releaseN.changeName(releaseNConnection, id, `renamed during the backfill #${renames++} ✓`);
        }
      })();
      try {
        expect(await runner.up()).toBe(BACKFILL);
      } finally {
        backfilling = false;
        await renaming;
      }
      expect(renames).toBeGreaterThan(0);
      expect(await unsyncedRows(db)).toBe(0);
      const { rows } = await db.query<{ renamed: number }>(
        `SELECT count(*)::int AS renamed FROM users WHERE full_name LIKE 'renamed during the backfill #%'`,
      );
      expect(rows[0].renamed).toBeGreaterThan(0);
    } finally {
      await releaseNConnection.close();
      await runner.close();
      await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    }
  });
});

test(`the measured traces match trace.${engine}.json`, async () => {
  expect([...new Set(measured.map(({ tool }) => tool))]).toEqual(variants.map(({ tool }) => tool));
  await matchTraceSnapshot(new URL(`trace.${engine}.json`, here), { engine, serverVersion: db.serverVersion, steps: measured });
});
