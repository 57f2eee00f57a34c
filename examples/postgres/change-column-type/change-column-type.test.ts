import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
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
  type Recipe,
  type StepCheck,
  type TraceSnapshot,
} from '../../harness/index.ts';
import { createMigrator } from './kysely/migrator.ts';
import * as releaseN from './release-n/uploads.ts';
import * as releaseN1 from './release-n1/uploads.ts';
import { insertSampleUploads, profileSample, SAMPLE_ROWS } from './sample-data.ts';

const here = new URL('./', import.meta.url);
const CREATE = '001_create_uploads';
const ADD_COLUMN = '002_add_uploads_size_bytes_new';
const BACKFILL = '003_backfill_uploads_size_bytes_new';
const VALIDATE = '004_validate_uploads_size_bytes_new_check';
const SWAP = '005_swap_uploads_size_bytes';
const DROP_OLD = '006_drop_uploads_size_bytes_old';
const UNSAFE_ALTER = '002_alter_uploads_size_bytes_type'; // ALTER COLUMN … TYPE bigint in place
const BATCH_SIZE = 2_500; // as in each tool's backfill
// Whatever column size_bytes names at the time: no step may change a value in these.
const UPLOADS = '(SELECT id, file_name, content_type, note, size_bytes FROM uploads)';

const db = await openDatabase();
afterAll(() => db.close());

const variants: (Recipe & { unsafe?: boolean })[] = [
  { ...unsafeKnexRecipe(here, UNSAFE_ALTER), unsafe: true },
  ...toolRecipes(here, { createMigrator }),
];

// --- What each release does at each step -------------------------------------------------------

let uploads = 0;
const OUT_OF_RANGE = { code: '22003' }; // integer out of range
const THREE_GIB = 3n * 2n ** 30n;

const releases = {
  /** Release N saves a file, replaces it with a larger one, and reads the size back as a number. */
  async n(db: Db) {
    const upload = { fileName: `zoë 🙂 #${++uploads}.png`, contentType: null, sizeBytes: 1_048_576 };
    const id = await releaseN.saveUpload(db, upload);
    expect(await releaseN.findUpload(db, id)).toEqual({ id, ...upload });
    await releaseN.replaceFile(db, id, 2_097_152);
    expect(await releaseN.findUpload(db, id)).toEqual({ id, ...upload, sizeBytes: 2_097_152 });
  },
  /** Release N+1 saves a file of `sizeBytes` and reads it back as a bigint. */
  async n1(db: Db, sizeBytes = 5_000_000n) {
    const upload = { fileName: `写真 #${++uploads}.mp4`, contentType: 'video/mp4', sizeBytes };
    const id = await releaseN1.saveUpload(db, upload);
    expect(await releaseN1.findUpload(db, id)).toEqual({ id, ...upload });
  },
};

/** Before the swap both releases run, and no file reaches 2 GiB; after it release N is retired. */
async function expectReleases(db: Db, step: string) {
  if ([SWAP, DROP_OLD, UNSAFE_ALTER].includes(step)) {
    await releases.n1(db, THREE_GIB);
  } else {
    await releases.n(db);
    await expect(releases.n1(db, THREE_GIB)).rejects.toMatchObject(OUT_OF_RANGE);
  }
  await releases.n1(db);
}

// --- The schema and the data after each step ----------------------------------------------------

/** The size_bytes columns (name, type, NOT NULL), the trigger and the CHECK constraints of uploads. */
async function sizeColumns(db: Db) {
  const { rows } = await db.query<{ columns: string[]; triggers: string[]; checks: string[] }>(
    `SELECT (SELECT array_agg(attname || ' ' || format_type(atttypid, atttypmod) || CASE WHEN attnotnull THEN ' not null' ELSE '' END ORDER BY attname)
             FROM pg_attribute WHERE attrelid = 'uploads'::regclass AND attname LIKE 'size_bytes%' AND NOT attisdropped) AS columns,
            (SELECT coalesce(array_agg(tgname::text ORDER BY tgname), '{}') FROM pg_trigger
             WHERE tgrelid = 'uploads'::regclass AND NOT tgisinternal) AS triggers,
            (SELECT coalesce(array_agg(conname || CASE WHEN convalidated THEN ' valid' ELSE ' not valid' END ORDER BY conname), '{}')
             FROM pg_constraint WHERE conrelid = 'uploads'::regclass AND contype = 'c') AS checks`,
  );
  return rows[0];
}

const TRIGGER = 'uploads_copy_size_bytes';
const CHECK = 'uploads_size_bytes_new_not_null';
const swapped = { columns: ['size_bytes bigint not null', 'size_bytes_old integer'], triggers: [], checks: [] };
const finished = { columns: ['size_bytes bigint not null'], triggers: [], checks: [] };
const expand = { columns: ['size_bytes integer not null', 'size_bytes_new bigint'], triggers: [TRIGGER] };

const schemaAfter: Record<string, Awaited<ReturnType<typeof sizeColumns>>> = {
  [CREATE]: { columns: ['size_bytes integer not null'], triggers: [], checks: [] },
  [ADD_COLUMN]: { ...expand, checks: [`${CHECK} not valid`] },
  [BACKFILL]: { ...expand, checks: [`${CHECK} not valid`] },
  [VALIDATE]: { ...expand, checks: [`${CHECK} valid`] },
  [SWAP]: swapped,
  [DROP_OLD]: finished,
  [UNSAFE_ALTER]: finished,
};

/** Rows whose bigint copy differs from size_bytes: the trigger and the backfill leave none. */
async function unsyncedRows(db: Db): Promise<number> {
  const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM uploads WHERE size_bytes_new IS DISTINCT FROM size_bytes');
  return rows[0].count;
}

async function rowsAbove2GiB(db: Db): Promise<number> {
  const { rows } = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM uploads WHERE size_bytes > 2147483647`);
  return rows[0].count;
}

function checkFor(step: string): StepCheck<any> {
  if (step === CREATE) {
    return {
      async check(db) {
        expect(await sizeColumns(db)).toEqual(schemaAfter[step]);
        await expectReleases(db, step);
      },
    };
  }
  return {
    async before(db) {
      await insertSampleUploads(db, [ADD_COLUMN, UNSAFE_ALTER].includes(step) ? SAMPLE_ROWS : SAMPLE_ROWS / 10);
      return tableFingerprint(db, UPLOADS);
    },
    async check(db, before) {
      expect(await tableFingerprint(db, UPLOADS)).toEqual(before);
      expect(await sizeColumns(db)).toEqual(schemaAfter[step]);
      if ([BACKFILL, VALIDATE].includes(step)) expect(await unsyncedRows(db)).toBe(0);
      await expectReleases(db, step);
      if ([SWAP, DROP_OLD, UNSAFE_ALTER].includes(step)) expect(await rowsAbove2GiB(db)).toBeGreaterThan(0);
    },
  };
}

// --- Locks, rewrites and Postgres' own account of SET NOT NULL -----------------------------------

/** The strongest lock each step holds on uploads until its transaction ends. */
const STEP_LOCK: Record<string, string> = {
  [ADD_COLUMN]: 'AccessExclusiveLock',
  [VALIDATE]: 'ShareUpdateExclusiveLock',
  [SWAP]: 'AccessExclusiveLock',
  [DROP_OLD]: 'AccessExclusiveLock',
  [UNSAFE_ALTER]: 'AccessExclusiveLock',
};
const LOCK_ORDER = ['RowExclusiveLock', 'ShareUpdateExclusiveLock', 'ShareRowExclusiveLock', 'AccessExclusiveLock'];

// With client_min_messages = debug1, SET NOT NULL says whether it scanned the table.
const PROVEN_BY_CHECK = 'existing constraints on column "uploads.size_bytes" are sufficient to prove that it does not contain nulls';

const measured: TraceSnapshot['steps'] = [];

for (const { tool, open, unsafe = false } of variants) {
  describe(tool, () => {
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
            const { rows } = await db.query<{ last: number }>('SELECT max(id)::int AS last FROM uploads');
            batches = Math.ceil(rows[0].last / BATCH_SIZE);
          }
          const trace = step === SWAP
            ? await withDebugMessages(runner.session, debugMessages, () => traceLocks(runner.session, ['uploads'], up))
            : await traceLocks(runner.session, ['uploads'], up);
          traced.push({ tool, migration: step, statements: trace });
        },
      });
      measured.push(...traced);
    });

    afterAll(async () => {
      await runner?.close();
      await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    });

    test('the sample data has NULLs, repeated names, non-ASCII names, long values and the largest integer', async () => {
      const profile = await profileSample(db);
      expect(profile.rows).toBeGreaterThan(SAMPLE_ROWS);
      expect(profile.nullContentTypes).toBeGreaterThan(0);
      expect(profile.repeatedNames).toBeGreaterThan(0);
      expect(profile.nonAsciiNames).toBeGreaterThan(0);
      expect(profile.longestNote).toBeGreaterThan(8_000);
      expect(BigInt(profile.largestSize)).toBeGreaterThan(2n ** 31n);
    });

    test('each step holds the lock it needs on uploads, and no stronger one', () => {
      // A step that ran outside a transaction released its locks when its statement ended.
      const inTransaction = traced.filter(({ migration, statements }) => migration in STEP_LOCK && statements.some((s) => s.inTransaction));
      expect(inTransaction.length).toBeGreaterThanOrEqual(unsafe ? 1 : 3);
      for (const { migration, statements } of inTransaction) {
        const held = statements.flatMap(({ locks }) => locks ?? []).filter(({ relation }) => relation === 'uploads');
        const strongest = held.map(({ mode }) => mode).sort((a, b) => LOCK_ORDER.indexOf(b) - LOCK_ORDER.indexOf(a))[0];
        expect({ migration, strongest }).toEqual({ migration, strongest: STEP_LOCK[migration] });
      }
    });

    if (unsafe) {
      test('ALTER COLUMN … TYPE bigint rewrites uploads and its primary key index under ACCESS EXCLUSIVE', () => {
        const statements = traced.find(({ migration }) => migration === UNSAFE_ALTER)!.statements;
        const alter = statements.find(({ sql }) => /type bigint/i.test(sql))!;
        expect(alter.inTransaction).toBe(true);
        expect(alter.locks).toContainEqual({ relation: 'uploads', mode: 'AccessExclusiveLock' });
        expect(statements.flatMap(({ rewritten }) => rewritten)).toEqual(['uploads', 'uploads_pkey']);
      });
    } else {
      test('no step rewrites uploads or its index', () => {
        for (const { statements } of traced) for (const { rewritten } of statements) expect(rewritten).toEqual([]);
      });

      test('the backfill commits batch by batch, outside a transaction', () => {
        const { statements } = traced.find(({ migration }) => migration === BACKFILL)!;
        expect(statements.every(({ inTransaction }) => !inTransaction)).toBe(true);
        const updates = statements.filter(({ sql }) => /^update/i.test(sql));
        // The SQL file loops inside one DO block; the other tools send one UPDATE per batch.
        expect(updates).toHaveLength(tool === 'sql' ? 0 : batches);
        expect(batches).toBeGreaterThan(1);
      });

      test('the swap sets NOT NULL without a scan: the validated CHECK proves there is no NULL', () => {
        expect(debugMessages).toContain(PROVEN_BY_CHECK);
        expect(debugMessages).not.toContain('verifying table "uploads"');
      });
    }
  });
}

describe('sql, run too early', () => {
  const sqlFiles = (steps: string[]) => scenarioFiles(here, 'sql').then((files) => files.filter((file) => steps.some((step) => file.endsWith(`${step}.sql`))));
  let runner: MigrationRunner | undefined;

  afterEach(async () => {
    await runner?.close();
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  });

  test('the swap before the backfill fails on the rows release N wrote before 002, and changes nothing', async () => {
    runner = await sqlRunner(db, await sqlFiles([CREATE, ADD_COLUMN, SWAP]));
    await runner.up();
    await insertSampleUploads(db, SAMPLE_ROWS / 10);
    await runner.up();
    const before = await tableFingerprint(db, UPLOADS);
    await expect(runner.up()).rejects.toMatchObject({ code: '23502', message: expect.stringContaining('contains null values') });
    expect(await tableFingerprint(db, UPLOADS)).toEqual(before);
    expect(await sizeColumns(db)).toEqual(schemaAfter[ADD_COLUMN]);
    await releases.n(db);
  });

  test('the swap while release N still runs: its reads get the size as a string, not a number', async () => {
    runner = await sqlRunner(db, await sqlFiles([CREATE, ADD_COLUMN, BACKFILL, VALIDATE, SWAP]));
    await runner.up();
    const id = await releaseN.saveUpload(db, { fileName: 'zoë.png', contentType: null, sizeBytes: 1_048_576 });
    for (const _ of [ADD_COLUMN, BACKFILL, VALIDATE, SWAP]) await runner.up();
    const upload = await releaseN.findUpload(db, id);
    // The driver returns bigint as a string, since a JavaScript number cannot hold every bigint.
    expect(upload?.sizeBytes).toBe('1048576');
    expect(upload!.sizeBytes + 1).toBe('10485761');
    await expect(releases.n(db)).rejects.toThrow(/expected .* to deeply equal/);
  });
});

test(`the measured traces match trace.${engine}.json`, async () => {
  expect([...new Set(measured.map(({ tool }) => tool))]).toEqual(variants.map(({ tool }) => tool));
  await matchTraceSnapshot(new URL(`trace.${engine}.json`, here), { engine, serverVersion: db.serverVersion, steps: measured });
});
