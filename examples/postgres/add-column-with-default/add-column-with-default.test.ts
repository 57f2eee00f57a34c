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
  type StepCheck,
  type TestDatabase,
  type TracedStatement,
  type TraceSnapshot,
} from '../../harness/index.ts';
import * as releaseN from './release-n/orders.ts';
import * as releaseN1 from './release-n1/orders.ts';
import { insertSampleOrders, profileSample, SAMPLE_ROWS } from './sample-data.ts';

const here = new URL('./', import.meta.url);
const CREATE_STEP = '001_create_orders';
const STATUS_STEP = '002_add_orders_status';
const PUBLIC_ID_STEP = '002_add_orders_public_id';
// The columns release N knows: the step must leave every value in them as it was.
const RELEASE_N_COLUMNS = '(SELECT id, customer_email, total_cents, note FROM orders)';

interface Variant {
  tool: string;
  /** The step that adds the column: the safe constant default, or the unsafe volatile one. */
  step: typeof STATUS_STEP | typeof PUBLIC_ID_STEP;
  open(db: TestDatabase): Promise<MigrationRunner>;
}

const variants: Variant[] = [
  { ...unsafeKnexRecipe(here, PUBLIC_ID_STEP), step: PUBLIC_ID_STEP },
  ...toolRecipes(here).map((recipe): Variant => ({ ...recipe, step: STATUS_STEP })),
];

/** Release N places an order and reads it back: it must work before and after the migration. */
async function releaseNWorks(db: Db): Promise<string> {
  const order = { customerEmail: 'zoë@example.com', totalCents: 1999, note: '置き配 🙂' };
  const id = await releaseN.placeOrder(db, order);
  expect(await releaseN.findOrder(db, id)).toEqual({ id, ...order });
  return id;
}

async function releaseN1Works(db: Db): Promise<void> {
  const order = { customerEmail: null, totalCents: 500, note: null, status: 'paid' as const };
  const id = await releaseN1.placeOrder(db, order);
  expect(await releaseN1.findOrder(db, id)).toEqual({ id, ...order });
  // Rows release N still writes during the rollout get the default, which release N+1 understands.
  expect(await releaseN1.findOrder(db, await releaseNWorks(db))).toMatchObject({ status: 'pending' });
}

/** What pg_attribute says about the added column: a default kept in the catalog for the old rows? */
async function storedDefault(db: Db, column: string) {
  const { rows } = await db.query(
    `SELECT atthasmissing AS "hasMissing", attmissingval::text AS "missingValue"
     FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attname = $1`,
    [column],
  );
  return rows[0];
}

const checks = (step: Variant['step']): Record<string, StepCheck<any>> => ({
  [CREATE_STEP]: {
    async check(db) {
      expect(await tableFingerprint(db, 'orders')).toEqual({ rows: 0, md5: expect.any(String) });
      await releaseNWorks(db);
      // Deployed before its migration, release N+1 fails: the migration has to run first.
      await expect(releaseN1Works(db)).rejects.toMatchObject({ code: '42703' }); // undefined_column
    },
  },
  [step]: {
    async before(db) {
      await insertSampleOrders(db);
      return tableFingerprint(db, RELEASE_N_COLUMNS);
    },
    async check(db, before) {
      expect(await tableFingerprint(db, RELEASE_N_COLUMNS)).toEqual(before);
      await releaseNWorks(db);
      if (step === STATUS_STEP) {
        await releaseN1Works(db);
        const { rows } = await db.query(`SELECT status, count(*)::int AS orders FROM orders GROUP BY status ORDER BY status`);
        expect(rows).toEqual([
          { status: 'paid', orders: 1 },
          { status: 'pending', orders: before.rows + 2 }, // the sample and two release N orders
        ]);
        expect(await storedDefault(db, 'status')).toEqual({ hasMissing: true, missingValue: '{pending}' });
      } else {
        // A volatile default is computed for each row and written into it: nothing kept in the catalog.
        const { rows } = await db.query(`SELECT count(DISTINCT public_id)::int AS ids, count(*)::int AS orders FROM orders`);
        expect(rows).toEqual([{ ids: before.rows + 1, orders: before.rows + 1 }]);
        expect(await storedDefault(db, 'public_id')).toEqual({ hasMissing: false, missingValue: null });
      }
    },
  },
});

const measured: TraceSnapshot['steps'] = [];
let db: TestDatabase;

beforeAll(async () => {
  db = await openDatabase();
});

afterAll(() => db?.close());

describe.each(variants)('$tool', ({ tool, step, open }) => {
  let runner: MigrationRunner;
  let trace: TracedStatement[];

  beforeAll(async () => {
    runner = await open(db);
    await walkMigrations({
      db,
      runner,
      checks: checks(step),
      async apply(name, up) {
        if (name !== step) return up();
        trace = await traceLocks(runner.session, ['orders'], up);
        measured.push({ tool, migration: name, statements: trace });
      },
    });
  });

  afterAll(async () => {
    await runner?.close();
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  });

  test('the sample data has NULLs, repeated emails, non-ASCII notes and long values', async () => {
    const profile = await profileSample(db);
    expect(profile.rows).toBeGreaterThanOrEqual(SAMPLE_ROWS);
    expect(profile.nullEmails).toBeGreaterThan(0);
    expect(profile.repeatedEmails).toBeGreaterThan(0);
    expect(profile.nonAsciiNotes).toBeGreaterThan(0);
    expect(profile.longestNote).toBeGreaterThan(8_000);
  });

  test('the step sends one ALTER TABLE, which holds ACCESS EXCLUSIVE on orders until the migration commits', () => {
    expect(trace).toHaveLength(1);
    expect(trace[0].sql).toMatch(/^alter table "?orders"?\s+add/i);
    expect(trace[0].inTransaction).toBe(true);
    expect(trace[0].locks).toContainEqual({ relation: 'orders', mode: 'AccessExclusiveLock' });
  });

  if (step === STATUS_STEP) {
    test('a constant default rewrites nothing', () => {
      expect(trace[0].rewritten).toEqual([]);
    });
  } else {
    test('a volatile default rewrites the table and its index', () => {
      expect(trace[0].rewritten).toEqual(['orders', 'orders_pkey']);
    });
  }
});

test(`the measured traces match trace.${engine}.json`, async () => {
  expect(measured.map(({ tool }) => tool)).toEqual(variants.map(({ tool }) => tool));
  await matchTraceSnapshot(new URL(`trace.${engine}.json`, here), { engine, serverVersion: db.serverVersion, steps: measured });
});
