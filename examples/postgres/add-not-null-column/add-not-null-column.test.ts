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
  unsafeKnexRecipe,
  walkMigrations,
  withDebugMessages,
  type Db,
  type MigrationRunner,
  type StepCheck,
  type TestDatabase,
  type TraceSnapshot,
} from '../../harness/index.ts';
import { createMigrator } from './kysely/migrator.ts';
import * as releaseN from './release-n/accounts.ts';
import * as releaseN1 from './release-n1/accounts.ts';
import { insertSampleAccounts, profileSample, SAMPLE_ROWS } from './sample-data.ts';

const here = new URL('./', import.meta.url);
const CREATE = '001_create_accounts';
const ADD_COLUMN = '002_add_accounts_search_name';
const BACKFILL = '003_backfill_accounts_search_name';
const ADD_CHECK = '004_add_accounts_search_name_check';
const VALIDATE_CHECK = '005_validate_accounts_search_name_check';
const SET_NOT_NULL = '006_set_accounts_search_name_not_null';
const DROP_CHECK = '007_drop_accounts_search_name_check';
const ADD_NOT_NULL_NOT_VALID = '004_add_accounts_search_name_not_null'; // PostgreSQL 18
const VALIDATE_NOT_NULL = '005_validate_accounts_search_name_not_null'; // PostgreSQL 18
const UNSAFE_FILL = '003_fill_accounts_search_name'; // backfill and SET NOT NULL in one transaction
const BATCH_SIZE = 2_500; // as in each tool's backfill
// The columns release N knows: no step may change a value in them.
const RELEASE_N_COLUMNS = '(SELECT id, email, display_name, bio FROM accounts)';

const db = await openDatabase();
afterAll(() => db.close());

interface Variant {
  tool: string;
  /** `check`: the CHECK recipe; `native`: NOT NULL … NOT VALID (PostgreSQL 18); `unsafe`: fill and SET NOT NULL at once. */
  recipe: 'check' | 'native' | 'unsafe';
  minVersion?: number;
  open(db: TestDatabase): Promise<MigrationRunner>;
}

const variants: Variant[] = [
  { ...unsafeKnexRecipe(here, UNSAFE_FILL, 2), recipe: 'unsafe' },
  ...toolRecipes(here, { createMigrator }).map((recipe): Variant => ({ ...recipe, recipe: 'check' })),
  {
    tool: 'sql (PostgreSQL 18)',
    recipe: 'native',
    minVersion: 18,
    open: async (db) => sqlRunner(db, [...(await scenarioFiles(here, 'sql')).slice(0, 3), ...(await scenarioFiles(here, 'sql-pg18'))]),
  },
];

// --- What each release does at each step -------------------------------------------------------

let signUps = 0;

const releases = {
  async n(db: Db) {
    const account = { email: null, displayName: 'José Núñez', bio: '🙂'.repeat(100) };
    const id = await releaseN.openAccount(db, account);
    expect(await releaseN.findAccount(db, id)).toEqual({ id, ...account });
  },
  async n1(db: Db) {
    const account = { email: 'taro@example.com', displayName: `山田 太郎 #new-${++signUps}`, bio: null };
    const id = await releaseN1.openAccount(db, account);
    expect(await releaseN1.searchAccounts(db, account.displayName)).toEqual([{ id, ...account }]);
  },
};

type Outcome = 'works' | 'retired' | { code: string };
const UNDEFINED_COLUMN = { code: '42703' };
const CHECK_VIOLATION = { code: '23514' };
const NOT_NULL_VIOLATION = { code: '23502' };

// Release N leaves search_name NULL. It must be gone before the backfill, or rows it writes after
// the backfill would make VALIDATE fail; from 004 on, Postgres rejects its inserts.
const outcomes: Record<string, { n: Outcome; n1: Outcome }> = {
  [CREATE]: { n: 'works', n1: UNDEFINED_COLUMN },
  [ADD_COLUMN]: { n: 'works', n1: 'works' },
  [BACKFILL]: { n: 'retired', n1: 'works' },
  [ADD_CHECK]: { n: CHECK_VIOLATION, n1: 'works' },
  [VALIDATE_CHECK]: { n: CHECK_VIOLATION, n1: 'works' },
  [SET_NOT_NULL]: { n: NOT_NULL_VIOLATION, n1: 'works' }, // NOT NULL is checked before CHECK constraints
  [DROP_CHECK]: { n: NOT_NULL_VIOLATION, n1: 'works' },
  [ADD_NOT_NULL_NOT_VALID]: { n: NOT_NULL_VIOLATION, n1: 'works' },
  [VALIDATE_NOT_NULL]: { n: NOT_NULL_VIOLATION, n1: 'works' },
  [UNSAFE_FILL]: { n: NOT_NULL_VIOLATION, n1: 'works' },
};

async function expectReleases(db: Db, step: string) {
  for (const release of ['n', 'n1'] as const) {
    const outcome = outcomes[step][release];
    if (outcome === 'works') await releases[release](db);
    else if (outcome !== 'retired') await expect(releases[release](db)).rejects.toMatchObject(outcome);
  }
}

// --- The schema and the data after each step ----------------------------------------------------

/** attnotnull of search_name, and the CHECK and NOT NULL constraints on it alone. */
async function searchNameState(db: Db) {
  const { rows } = await db.query<{ notNull: boolean; constraints: string[] }>(
    `SELECT a.attnotnull AS "notNull",
            coalesce(array_agg(c.conname || ' ' || c.contype::text || CASE WHEN c.convalidated THEN ' valid' ELSE ' not valid' END
                               ORDER BY c.conname) FILTER (WHERE c.conname IS NOT NULL), '{}') AS constraints
     FROM pg_attribute a
     LEFT JOIN pg_constraint c ON c.conrelid = a.attrelid AND c.conkey = ARRAY[a.attnum] AND c.contype IN ('c', 'n')
     WHERE a.attrelid = 'accounts'::regclass AND a.attname = 'search_name'
     GROUP BY a.attnotnull`,
  );
  return rows[0];
}

// From PostgreSQL 18, a column's NOT NULL is a constraint of its own (contype 'n').
const notNullConstraint = db.serverVersion >= 18 ? ['accounts_search_name_not_null n valid'] : [];
const CHECK = 'accounts_search_name_check c';

const schemaAfter: Record<string, Awaited<ReturnType<typeof searchNameState>>> = {
  [ADD_COLUMN]: { notNull: false, constraints: [] },
  [BACKFILL]: { notNull: false, constraints: [] },
  [ADD_CHECK]: { notNull: false, constraints: [`${CHECK} not valid`] },
  [VALIDATE_CHECK]: { notNull: false, constraints: [`${CHECK} valid`] },
  [SET_NOT_NULL]: { notNull: true, constraints: [`${CHECK} valid`, ...notNullConstraint] },
  [DROP_CHECK]: { notNull: true, constraints: notNullConstraint },
  // Not yet validated, yet already enforced for new rows: attnotnull is set.
  [ADD_NOT_NULL_NOT_VALID]: { notNull: true, constraints: ['accounts_search_name_not_null n not valid'] },
  [VALIDATE_NOT_NULL]: { notNull: true, constraints: ['accounts_search_name_not_null n valid'] },
  [UNSAFE_FILL]: { notNull: true, constraints: notNullConstraint },
};

/** Rows inserted before each step: release N's rows up to the backfill, release N+1's after it. */
function sampleRowsBefore(step: string): { rows: number; withSearchName: boolean } {
  if (step === ADD_COLUMN) return { rows: SAMPLE_ROWS, withSearchName: false };
  return { rows: SAMPLE_ROWS / 10, withSearchName: ![BACKFILL, UNSAFE_FILL].includes(step) };
}

async function unfilledRows(db: Db): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM accounts WHERE search_name IS DISTINCT FROM lower(display_name)',
  );
  return rows[0].count;
}

function checkFor(step: string): StepCheck<any> {
  if (step === CREATE) {
    return {
      async check(db) {
        expect(await tableFingerprint(db, 'accounts')).toEqual({ rows: 0, md5: expect.any(String) });
        await expectReleases(db, step);
      },
    };
  }
  return {
    async before(db) {
      const { rows, withSearchName } = sampleRowsBefore(step);
      await insertSampleAccounts(db, rows, withSearchName);
      return tableFingerprint(db, RELEASE_N_COLUMNS);
    },
    async check(db, before) {
      expect(await tableFingerprint(db, RELEASE_N_COLUMNS)).toEqual(before);
      expect(await searchNameState(db)).toEqual(schemaAfter[step]);
      if (step !== ADD_COLUMN) expect(await unfilledRows(db)).toBe(0);
      // Release N+1 finds the sample accounts release N opened (one per sample) once they are backfilled.
      if ([ADD_COLUMN, BACKFILL].includes(step)) {
        expect(await releaseN1.searchAccounts(db, 'Zoë ÅNGSTRÖM #5')).toHaveLength(step === ADD_COLUMN ? 0 : 2);
      }
      await expectReleases(db, step);
    },
  };
}

// --- Locks, rewrites and Postgres' own account of the NOT NULL check ----------------------------

/** The strongest lock each step's DDL holds on accounts until its transaction ends. */
const STEP_LOCK: Record<string, string> = {
  [ADD_COLUMN]: 'AccessExclusiveLock',
  [ADD_CHECK]: 'AccessExclusiveLock',
  [VALIDATE_CHECK]: 'ShareUpdateExclusiveLock',
  [SET_NOT_NULL]: 'AccessExclusiveLock',
  [DROP_CHECK]: 'AccessExclusiveLock',
  [ADD_NOT_NULL_NOT_VALID]: 'AccessExclusiveLock',
  [VALIDATE_NOT_NULL]: 'ShareUpdateExclusiveLock',
  [UNSAFE_FILL]: 'AccessExclusiveLock',
};
const LOCK_ORDER = ['RowExclusiveLock', 'ShareUpdateExclusiveLock', 'AccessExclusiveLock'];

// With client_min_messages = debug1, SET NOT NULL says whether it scanned the table.
const PROVEN_BY_CHECK = 'existing constraints on column "accounts.search_name" are sufficient to prove that it does not contain nulls';
const SCANNED = 'verifying table "accounts"';
const NOT_NULL_STEPS = [SET_NOT_NULL, UNSAFE_FILL];

const measured: TraceSnapshot['steps'] = [];

for (const { tool, recipe, minVersion = 0, open } of variants) {
  describe.skipIf(db.serverVersion < minVersion)(tool, () => {
    let runner: MigrationRunner;
    let batches = 0;
    const traced: TraceSnapshot['steps'] = [];
    const debugMessages: string[] = [];

    beforeAll(async () => {
      runner = await open(db);
      await walkMigrations({
        db,
        runner,
        checks: Object.fromEntries(runner.steps.map((step) => [step, checkFor(step)])),
        async apply(step, up) {
          if (step === CREATE) return up();
          if (step === BACKFILL) {
            const { rows } = await db.query<{ last: number }>('SELECT max(id)::int AS last FROM accounts');
            batches = Math.ceil(rows[0].last / BATCH_SIZE);
          }
          const trace = NOT_NULL_STEPS.includes(step)
            ? await withDebugMessages(runner.session, debugMessages, () => traceLocks(runner.session, ['accounts'], up))
            : await traceLocks(runner.session, ['accounts'], up);
          traced.push({ tool, migration: step, statements: trace });
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
      expect(profile.rows).toBeGreaterThan(SAMPLE_ROWS);
      expect(profile.nullEmails).toBeGreaterThan(0);
      expect(profile.repeatedEmails).toBeGreaterThan(0);
      expect(profile.nonAsciiNames).toBeGreaterThan(0);
      expect(profile.longestBio).toBeGreaterThan(8_000);
    });

    test('no step rewrites accounts or its index', () => {
      for (const { statements } of traced) for (const { rewritten } of statements) expect(rewritten).toEqual([]);
    });

    test('each schema step holds the lock it needs on accounts, and no stronger one', () => {
      // A step that ran outside a transaction released its locks when its statement ended.
      const inTransaction = traced.filter(({ migration, statements }) => migration in STEP_LOCK && statements.some((s) => s.inTransaction));
      expect(inTransaction.length).toBeGreaterThanOrEqual(2);
      for (const { migration, statements } of inTransaction) {
        const held = statements.flatMap(({ locks }) => locks ?? []).filter(({ relation }) => relation === 'accounts');
        const strongest = held.map(({ mode }) => mode).sort((a, b) => LOCK_ORDER.indexOf(b) - LOCK_ORDER.indexOf(a))[0];
        expect({ migration, strongest }).toEqual({ migration, strongest: STEP_LOCK[migration] });
      }
    });

    if (recipe === 'unsafe') {
      test('the fill keeps every row locked until SET NOT NULL has scanned the table under ACCESS EXCLUSIVE', () => {
        const [update, setNotNull] = traced.find(({ migration }) => migration === UNSAFE_FILL)!.statements;
        expect(update.sql).toBe('UPDATE accounts SET search_name = lower(display_name)');
        expect(update.inTransaction).toBe(true);
        expect(setNotNull.sql).toMatch(/set not null$/);
        expect(debugMessages).toContain(SCANNED);
        expect(debugMessages).not.toContain(PROVEN_BY_CHECK);
      });
    } else {
      test('the backfill commits batch by batch, outside a transaction', () => {
        const { statements } = traced.find(({ migration }) => migration === BACKFILL)!;
        expect(statements.every(({ inTransaction }) => !inTransaction)).toBe(true);
        const updates = statements.filter(({ sql }) => /^update/i.test(sql));
        // The SQL file loops inside one DO block; the other tools send one UPDATE per batch.
        expect(updates).toHaveLength(tool.startsWith('sql') ? 0 : batches);
        expect(batches).toBeGreaterThan(1);
      });
    }

    if (recipe === 'check') {
      test('SET NOT NULL skips the scan: the validated CHECK proves there is no NULL', () => {
        expect(debugMessages).toContain(PROVEN_BY_CHECK);
        expect(debugMessages).not.toContain(SCANNED);
      });
    }
  });
}

describe('knex (unsafe): a NOT NULL column without a default', () => {
  test('fails on a table with rows and changes nothing; on an empty table it breaks release N', async () => {
    const runner = await unsafeKnexRecipe(here, ADD_COLUMN).open(db);
    try {
      await runner.up();
      await insertSampleAccounts(db, SAMPLE_ROWS / 10, false);
      const before = await tableFingerprint(db, 'accounts');
      await expect(runner.up()).rejects.toMatchObject({ ...NOT_NULL_VIOLATION, message: expect.stringContaining('contains null values') });
      expect(await tableFingerprint(db, 'accounts')).toEqual(before);
      await releases.n(db);

      await db.exec('DELETE FROM accounts');
      await runner.up();
      await expect(releases.n(db)).rejects.toMatchObject(NOT_NULL_VIOLATION);
    } finally {
      await runner.close();
      await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    }
  });
});

test(`the measured traces match trace.${engine}.json`, async () => {
  const ran = variants.filter(({ minVersion = 0 }) => db.serverVersion >= minVersion).map(({ tool }) => tool);
  expect([...new Set(measured.map(({ tool }) => tool))]).toEqual(ran);
  await matchTraceSnapshot(new URL(`trace.${engine}.json`, here), { engine, serverVersion: db.serverVersion, steps: measured });
});
