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
import * as releaseN from './release-n/measurements.ts';
import * as releaseN1 from './release-n1/measurements.ts';
import { insertSampleReadings, profileSample } from './sample-data.ts';

const here = new URL('./', import.meta.url);
const CREATE_STEP = '001_create_measurements';
const PARENT_STEP = '002_create_measurements_device_idx_on_parent';
const BUILD_2024 = '003_create_measurements_2024_device_idx';
const ATTACH_2024 = '004_attach_measurements_2024_device_idx';
const BUILD_2025 = '005_create_measurements_2025_device_idx';
const ATTACH_2025 = '006_attach_measurements_2025_device_idx';
const UNSAFE_STEP = '002_create_measurements_device_idx';
const UNSAFE_CONCURRENT_STEP = '002_create_measurements_device_idx_concurrently';
const PARTITIONS = ['measurements_2024', 'measurements_2025'];
// Traced: the tables with their indexes, and the index names, which ALTER INDEX statements name.
const TRACED = ['measurements', ...PARTITIONS, 'measurements_device_idx', ...PARTITIONS.map((partition) => `${partition}_device_idx`)];

const variants: Recipe[] = [unsafeKnexRecipe(here, UNSAFE_STEP), ...toolRecipes(here, { createMigrator })];

/** The indexes on measurements and its partitions: valid or not, and which index each is attached to. */
async function deviceIndexes(db: Db) {
  const { rows } = await db.query(
    `SELECT c.relname AS index, t.relname AS "table", i.indisvalid AS valid, p.relname AS "attachedTo"
     FROM pg_index i
     JOIN pg_class c ON c.oid = i.indexrelid
     JOIN pg_class t ON t.oid = i.indrelid
     LEFT JOIN pg_inherits h ON h.inhrelid = i.indexrelid
     LEFT JOIN pg_class p ON p.oid = h.inhparent
     WHERE t.relname = ANY($1)
     ORDER BY c.relname`,
    [['measurements', ...PARTITIONS, 'measurements_2026']],
  );
  return rows;
}

const parentIndex = (valid: boolean) => ({ index: 'measurements_device_idx', table: 'measurements', valid, attachedTo: null });
const partitionIndex = (year: number, attached: boolean, index = `measurements_${year}_device_idx`) => ({
  index,
  table: `measurements_${year}`,
  valid: true,
  attachedTo: attached ? 'measurements_device_idx' : null,
});

/** What each step leaves in pg_index: the parent index turns valid only once every partition's index is attached. */
const INDEXES_AFTER: Record<string, object[]> = {
  [CREATE_STEP]: [],
  [PARENT_STEP]: [parentIndex(false)],
  [BUILD_2024]: [partitionIndex(2024, false), parentIndex(false)],
  [ATTACH_2024]: [partitionIndex(2024, true), parentIndex(false)],
  [BUILD_2025]: [partitionIndex(2024, true), partitionIndex(2025, false), parentIndex(false)],
  [ATTACH_2025]: [partitionIndex(2024, true), partitionIndex(2025, true), parentIndex(true)],
  // Postgres names the partitions' indexes itself.
  [UNSAFE_STEP]: [
    partitionIndex(2024, true, 'measurements_2024_device_id_recorded_at_idx'),
    partitionIndex(2025, true, 'measurements_2025_device_id_recorded_at_idx'),
    parentIndex(true),
  ],
};

/** The indexes the planner can use for release N+1's history query across both years. */
async function indexesForHistory(db: Db): Promise<string[]> {
  await db.query('BEGIN');
  try {
    await db.query('SET LOCAL enable_seqscan = off');
    const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (COSTS OFF) ${releaseN1.DEVICE_HISTORY}`, [
      'sensor-4',
      new Date('2024-06-01T00:00:00Z'),
      new Date('2025-06-01T00:00:00Z'),
    ]);
    return rows.flatMap((row) => /Index (?:Only )?Scan using (\w+)|Bitmap Index Scan on (\w+)/.exec(row['QUERY PLAN'])?.slice(1).filter(Boolean) ?? []);
  } finally {
    await db.query('ROLLBACK');
  }
}

/** Both releases record a reading and read it back, at every step. */
async function releasesWork(db: Db, step: string) {
  const n = { deviceId: `release-n ${step}`, recordedAt: new Date('2025-03-01T12:00:00Z'), reading: 21.5 };
  await releaseN.recordReading(db, n);
  expect(await releaseN.latestReading(db, n.deviceId)).toEqual(n);
  const n1 = { deviceId: `release-n1 ${step} 🙂`, recordedAt: new Date('2024-11-30T23:59:59Z'), reading: null };
  await releaseN1.recordReading(db, n1);
  expect(await releaseN1.deviceHistory(db, n1.deviceId, new Date('2024-01-01'), new Date('2026-01-01'))).toEqual([n1]);
}

const stepCheck = (step: string): StepCheck<{ rows: number; md5: string }> => ({
  async before(db) {
    await insertSampleReadings(db, Number(step.slice(0, 3)));
    return tableFingerprint(db, 'measurements');
  },
  async check(db, before) {
    expect(await tableFingerprint(db, 'measurements')).toEqual(before);
    expect(await deviceIndexes(db)).toEqual(INDEXES_AFTER[step]);
    await releasesWork(db, step);
  },
});

const checks: Record<string, StepCheck<any>> = {
  [CREATE_STEP]: {
    async check(db) {
      expect(await tableFingerprint(db, 'measurements')).toEqual({ rows: 0, md5: expect.any(String) });
      await releasesWork(db, CREATE_STEP);
    },
  },
  ...Object.fromEntries([PARENT_STEP, BUILD_2024, ATTACH_2024, BUILD_2025, ATTACH_2025, UNSAFE_STEP].map((step) => [step, stepCheck(step)])),
};

/** Real server: the steps that wait for a write transaction left open on one partition. */
const WATCHED: Record<string, string> = { [BUILD_2024]: 'measurements_2024', [BUILD_2025]: 'measurements_2025', [UNSAFE_STEP]: 'measurements_2025' };
const writeInto = (partition: string) =>
  `INSERT INTO measurements (device_id, recorded_at, reading) VALUES ('written meanwhile', '${partition.slice(-4)}-06-01', 1)`;

const measured: TraceSnapshot['steps'] = [];
let db: TestDatabase;

beforeAll(async () => {
  db = await openDatabase();
});

afterAll(() => db?.close());

const resetSchema = () => db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');

describe.each(variants)('$tool', ({ tool, open }) => {
  let runner: MigrationRunner;
  const traced = new Map<string, TracedStatement[]>();
  const plans = new Map<string, string[]>();

  beforeAll(async () => {
    runner = await open(db);
    await walkMigrations({
      db,
      runner,
      checks: Object.fromEntries(runner.steps.map((step) => [step, checks[step]])),
      async apply(step, up) {
        if (step === CREATE_STEP) return up();
        const watched = db.engine === 'postgres' ? WATCHED[step] : undefined;
        const statements = watched
          ? await traceLocksWhileWaiting(db, runner.session, { tables: [watched, ...TRACED.filter((name) => name !== watched)], write: writeInto(watched) }, up)
          : await traceLocks(runner.session, TRACED, up);
        traced.set(step, statements);
        measured.push({ tool, migration: step, statements });
        plans.set(step, await indexesForHistory(db));
      },
    });
  });

  afterAll(async () => {
    await runner?.close();
    await resetSchema();
  });

  test('the sample data spans both partitions, with NULLs, retries, non-ASCII devices and long notes', async () => {
    const profile = await profileSample(db);
    expect(profile.rows2024).toBeGreaterThan(0);
    expect(profile.rows2025).toBeGreaterThan(0);
    expect(profile.nullReadings).toBeGreaterThan(0);
    expect(profile.repeatedReadings).toBeGreaterThan(0);
    expect(profile.nonAsciiDevices).toBeGreaterThan(0);
    expect(profile.longestNote).toBeGreaterThan(8_000);
  });

  if (tool.endsWith('(unsafe)')) {
    test('CREATE INDEX on the partitioned table holds SHARE on it and on every partition until commit', () => {
      const [statement, ...others] = traced.get(UNSAFE_STEP)!;
      expect(others).toEqual([]);
      expect(statement.inTransaction).toBe(true);
      for (const table of ['measurements', ...PARTITIONS]) expect(statement.locks).toContainEqual({ relation: table, mode: 'ShareLock' });
      expect(statement.rewritten).toEqual([]);
      expect(plans.get(UNSAFE_STEP)).toEqual(['measurements_2024_device_id_recorded_at_idx', 'measurements_2025_device_id_recorded_at_idx']);
    });

    test.runIf(engine === 'postgres')('queued behind a write on one partition, it blocks the writes to every partition', () => {
      const seen = traced.get(UNSAFE_STEP)![0].whileRunning!;
      expect(seen.waitingFor).toEqual({ lock: 'relation', relation: 'measurements_2025', mode: 'ShareLock' });
      expect(seen.locks).toContainEqual({ relation: 'measurements', mode: 'ShareLock' });
      expect(seen.concurrentWrite).toEqual({ sql: writeInto('measurements_2025'), completed: false });
    });
    return;
  }

  test('ON ONLY holds SHARE on the partitioned table alone, for a statement that scans nothing', () => {
    const [statement, ...others] = traced.get(PARENT_STEP)!;
    expect(others).toEqual([]);
    expect(statement.sql).toMatch(/^CREATE INDEX measurements_device_idx ON ONLY measurements \(device_id, recorded_at\);?$/);
    expect(statement.inTransaction).toBe(true);
    expect(statement.locks).toEqual([
      { relation: 'measurements', mode: 'ShareLock' },
      { relation: 'measurements_device_idx', mode: 'AccessExclusiveLock' },
    ]);
  });

  test.each([
    [BUILD_2024, 'measurements_2024'],
    [BUILD_2025, 'measurements_2025'],
  ])('%s builds one partition index concurrently, outside a transaction', (step, partition) => {
    const [statement, ...others] = traced.get(step)!;
    expect(others).toEqual([]);
    expect(statement.sql).toMatch(new RegExp(`^CREATE INDEX CONCURRENTLY "?${partition}_device_idx"? ON "?${partition}"?`));
    expect(statement.inTransaction).toBe(false);
    if (engine === 'postgres') {
      const seen = statement.whileRunning!;
      expect(seen.waitingFor).toEqual({ lock: 'virtualxid', relation: null, mode: 'ShareLock' });
      expect(seen.locks).toContainEqual({ relation: partition, mode: 'ShareUpdateExclusiveLock' });
      expect(seen.concurrentWrite).toEqual({ sql: writeInto(partition), completed: true });
    }
  });

  test.each([
    [ATTACH_2024, 'measurements_2024'],
    [ATTACH_2025, 'measurements_2025'],
  ])('%s only reads the tables: SHARE UPDATE EXCLUSIVE on the parent index, ACCESS EXCLUSIVE on the partition index', (step, partition) => {
    const [statement, ...others] = traced.get(step)!;
    expect(others).toEqual([]);
    expect(statement.sql).toMatch(new RegExp(`^ALTER INDEX measurements_device_idx ATTACH PARTITION ${partition}_device_idx;?$`));
    expect(statement.inTransaction).toBe(true);
    expect(statement.locks).toEqual([
      { relation: 'measurements', mode: 'AccessShareLock' },
      { relation: partition, mode: 'AccessShareLock' },
      { relation: `${partition}_device_idx`, mode: 'AccessExclusiveLock' },
      { relation: 'measurements_device_idx', mode: 'ShareUpdateExclusiveLock' },
    ]);
  });

  test('no step rewrites anything', () => {
    expect([...traced.values()].flat().flatMap(({ rewritten }) => rewritten)).toEqual([]);
  });

  test('a partition index serves queries as soon as it is built, attached or not', () => {
    expect(Object.fromEntries(plans)).toEqual({
      [PARENT_STEP]: [],
      [BUILD_2024]: ['measurements_2024_device_idx'],
      [ATTACH_2024]: ['measurements_2024_device_idx'],
      [BUILD_2025]: ['measurements_2024_device_idx', 'measurements_2025_device_idx'],
      [ATTACH_2025]: ['measurements_2024_device_idx', 'measurements_2025_device_idx'],
    });
  });
});

test(`the measured traces match trace.${engine}.json`, async () => {
  expect([...new Set(measured.map(({ tool }) => tool))]).toEqual(variants.map(({ tool }) => tool));
  await matchTraceSnapshot(new URL(`trace.${engine}.json`, here), { engine, serverVersion: db.serverVersion, steps: measured });
});

describe('around the recipe', () => {
  afterEach(resetSchema);

  test('CREATE INDEX CONCURRENTLY on the partitioned table is refused, and leaves nothing', async () => {
    const runner = await unsafeKnexRecipe(here, UNSAFE_CONCURRENT_STEP).open(db);
    try {
      await runner.up();
      await insertSampleReadings(db, 2);
      await expect(runner.up()).rejects.toMatchObject({
        code: '0A000', // feature_not_supported
        message: expect.stringContaining('cannot create index on partitioned table "measurements" concurrently'),
      });
      expect(await deviceIndexes(db)).toEqual([]);
    } finally {
      await runner.close();
    }
  });

  test('a partition created meanwhile gets its index built and attached; an attached index cannot be dropped alone', async () => {
    const runner = await sqlRunner(db, await scenarioFiles(here, 'sql'));
    try {
      await runner.up(); // 001
      await runner.up(); // 002
      await db.query(`CREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')`);
      expect(await deviceIndexes(db)).toEqual([partitionIndex(2026, true, 'measurements_2026_device_id_recorded_at_idx'), parentIndex(false)]);
      for (let step = 3; step <= 6; step++) await runner.up();
      expect((await deviceIndexes(db)).at(-1)).toEqual(parentIndex(true));
      await expect(db.query('DROP INDEX CONCURRENTLY measurements_2024_device_idx')).rejects.toMatchObject({
        message: 'cannot drop index measurements_2024_device_idx because index measurements_device_idx requires it',
      });
    } finally {
      await runner.close();
    }
  });
});
