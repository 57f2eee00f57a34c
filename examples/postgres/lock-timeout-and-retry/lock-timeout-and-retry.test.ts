import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  engine,
  openDatabase,
  tableFingerprint,
  toolRecipes,
  unsafeKnexRecipe,
  walkMigrations,
  type Db,
  type MigrationRunner,
  type Recipe,
  type StepCheck,
} from '../../harness/index.ts';
import { createMigrator } from './kysely/migrator.ts';
import { HOLD_MS, measureLockQueue, type LockQueueMeasurement, type WaitsSnapshot } from './lock-queue.ts';
import * as releaseN from './release-n/orders.ts';
import * as releaseN1 from './release-n1/orders.ts';
import { retryOnLockTimeout } from './retry.ts';
import { insertSampleOrders, profileSample, SAMPLE_ROWS } from './sample-data.ts';

const here = new URL('./', import.meta.url);
const CREATE_STEP = '001_create_orders';
const ADD_STEP = '002_add_orders_gift_message';
const LOCK_TIMEOUT_MS = 1_000; // SET LOCAL lock_timeout = '1s' in every safe migration
const FIRST_PAUSE_MS = 500;
// The columns release N knows: adding gift_message must not change a value in them.
const RELEASE_N_COLUMNS = '(SELECT id, customer_email, item, quantity FROM orders)';

interface Variant extends Recipe {
  retry: WaitsSnapshot['variants'][number]['retry'];
}

const [knex, kysely, nodePgMigrate, sql] = toolRecipes(here, { createMigrator });
const variants: Variant[] = [
  { ...unsafeKnexRecipe(here, ADD_STEP), retry: 'none' },
  { ...knex, retry: 'migration' },
  { ...kysely, retry: 'migration' },
  { ...nodePgMigrate, retry: 'runner' },
  { ...sql, retry: 'runner' },
];

/** Each release places an order and reads it back; a release that cannot fails with the Postgres error. */
const releases = {
  async n(db: Db) {
    const order = { customerEmail: null, item: 'Crème brûlée 🙂', quantity: 2 };
    const id = await releaseN.placeOrder(db, order);
    expect(await releaseN.findOrder(db, id)).toEqual({ id, ...order });
    return id;
  },
  async n1(db: Db) {
    const order = { customerEmail: 'taro@example.com', item: '抹茶 ラテ', quantity: 1, giftMessage: 'お誕生日おめでとう' };
    const id = await releaseN1.placeOrder(db, order);
    expect(await releaseN1.findOrder(db, id)).toEqual({ id, ...order });
  },
};

const checks: Record<string, StepCheck<any>> = {
  [CREATE_STEP]: {
    async check(db) {
      expect(await tableFingerprint(db, 'orders')).toEqual({ rows: 0, md5: expect.any(String) });
      await releases.n(db);
      await expect(releases.n1(db)).rejects.toMatchObject({ code: '42703' }); // undefined_column
    },
  },
  [ADD_STEP]: {
    async before(db) {
      await insertSampleOrders(db);
      return tableFingerprint(db, RELEASE_N_COLUMNS);
    },
    async check(db, before) {
      expect(await tableFingerprint(db, RELEASE_N_COLUMNS)).toEqual(before);
      const { rows } = await db.query<{ filled: number }>('SELECT count(gift_message)::int AS filled FROM orders');
      expect(rows[0].filled).toBe(0);
      const fromReleaseN = await releases.n(db);
      await releases.n1(db);
      expect(await releaseN1.findOrder(db, fromReleaseN)).toMatchObject({ giftMessage: null });
    },
  },
};

const measured = new Map<string, LockQueueMeasurement & { retriedOn: string[] }>();
// One database for the file; each variant starts from an empty schema.
const db = await openDatabase();
afterAll(() => db.close());

describe.each(variants)('$tool', ({ tool, retry, open }) => {
  let runner: MigrationRunner;

  beforeAll(async () => {
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    runner = await open(db);
    const retriedOn: string[] = [];
    // #region runner-retry
    // `up` applies the next migration through the tool's runner.
    const migrate = (up: () => Promise<string>) =>
      retry === 'runner'
        ? retryOnLockTimeout(up, {
            attempts: 5,
            firstPauseMs: FIRST_PAUSE_MS,
            onRetry: (error) => retriedOn.push((error as { code?: string }).code!),
          })
        : up();
    // #endregion runner-retry
    await walkMigrations({
      db,
      runner,
      checks,
      async apply(step, up) {
        if (step !== ADD_STEP || db.engine === 'pglite') return migrate(up);
        const waits = await measureLockQueue(db, runner.session.pid, () => migrate(up), { retries: retry !== 'none' });
        measured.set(tool, { ...waits, retriedOn });
      },
    });
  });

  afterAll(() => runner?.close());

  test('the sample data has NULLs, repeated emails, non-ASCII items and long values', async () => {
    const profile = await profileSample(db);
    expect(profile.rows).toBe(SAMPLE_ROWS + 3); // and the orders the releases placed after each step
    expect(profile.nullEmails).toBeGreaterThan(0);
    expect(profile.repeatedEmails).toBeGreaterThan(0);
    expect(profile.nonAsciiItems).toBeGreaterThan(0);
    expect(profile.longestItem).toBeGreaterThan(8_000);
  });

  test.skipIf(engine === 'pglite')('behind a long read transaction (needs a server: PGlite has one connection)', () => {
    expectWaits(tool, retry, measured.get(tool)!);
  });
});

/** What each variant must show; checked on the measurement and on the committed snapshot alike. */
function expectWaits(tool: string, retry: Variant['retry'], waits: LockQueueMeasurement & { retriedOn: string[] }) {
  const queuedFor = (mode: string) => ({ lock: 'relation', relation: 'orders', mode });
  // ALTER TABLE … ADD COLUMN queues for ACCESS EXCLUSIVE behind the open ACCESS SHARE, and the
  // plain SELECT queues behind the ALTER although its own lock conflicts with nothing held.
  expect(waits.migration).toMatchObject({ waitingFor: queuedFor('AccessExclusiveLock'), waitEventType: 'Lock' });
  expect(waits.reader).toMatchObject({ waitingFor: queuedFor('AccessShareLock'), waitEventType: 'Lock' });
  if (retry === 'none') {
    // The read waits as long as the long transaction stays open.
    expect(waits.reader.doneWhileBlockerOpen, tool).toBe(false);
    expect(waits.reader.waitedMs).toBeGreaterThanOrEqual(HOLD_MS);
    expect(waits.migration.attemptsSeenWaiting).toBe(1);
  } else {
    // The attempt gives up after lock_timeout, the read goes through while the long transaction
    // is still open, and a later attempt succeeds once it ends.
    expect(waits.reader.doneWhileBlockerOpen, tool).toBe(true);
    expect(waits.reader.waitedMs).toBeLessThan(LOCK_TIMEOUT_MS + 250);
    expect(waits.migration.attemptsSeenWaiting).toBe(2);
    expect(waits.migration.ms).toBeGreaterThanOrEqual(LOCK_TIMEOUT_MS + FIRST_PAUSE_MS);
  }
  // The runner's retry sees the error; a migration's own retry keeps it to itself.
  expect(waits.retriedOn).toEqual(retry === 'runner' ? ['55P03'] : []); // lock_not_available
}

// #region snapshot
/** The measured waits, committed (UPDATE_TRACES=1 rewrites the file) and shown on the wiki page. */
test.skipIf(engine === 'pglite')('the measured waits match waits.postgres.json (needs a server: PGlite has one connection)', async () => {
  const file = new URL('waits.postgres.json', here);
  const variantsMeasured = variants.map(({ tool, retry }) => ({ tool, retry, ...rounded(measured.get(tool)!) }));
  const snapshot: WaitsSnapshot = { serverVersion: db.serverVersion, lockTimeoutMs: LOCK_TIMEOUT_MS, variants: variantsMeasured };
  if (process.env.UPDATE_TRACES === '1') await writeFile(file, `${JSON.stringify(snapshot, null, 2)}\n`);
  const committed: WaitsSnapshot = JSON.parse(await readFile(file, 'utf8'));
  // Timings differ from run to run: the committed ones must pass the same checks, the rest must match.
  for (const { tool, retry, ...waits } of committed.variants) expectWaits(tool, retry, waits);
  expect(committed).toEqual(withAnyTimings(snapshot));
});
// #endregion snapshot

/** Milliseconds rounded to 10: the page shows them, finer digits are noise. */
function rounded<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (/ms$/i.test(key) && typeof v === 'number' ? Math.round(v / 10) * 10 : v)));
}

function withAnyTimings<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withAnyTimings) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, /ms$/i.test(key) && typeof v === 'number' ? expect.any(Number) : withAnyTimings(v)]),
  ) as T;
}
