import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  defaultMigrator,
  engine,
  matchTraceSnapshot,
  openDatabase,
  Session,
  tableFingerprint,
  toolRecipes,
  traceLocks,
  tryWrite,
  unsafeKnexRecipe,
  walkMigrations,
  type Db,
  type MigrationRunner,
  type StepCheck,
  type TraceSnapshot,
} from '../../harness/index.ts';
import { createMigrator } from './kysely/migrator.ts';
import * as releaseN from './release-n/orders.ts';
import { findOrderStrict } from './release-n/strict-orders.ts';
import * as releaseN1 from './release-n1/orders.ts';
import { insertSampleOrders, profileSample, SAMPLE_ROWS } from './sample-data.ts';

const here = new URL('./', import.meta.url);
const CREATE = '001_create_orders';
const ADD_VALUE = '002_add_order_status_packed';
const CREATE_VIEW = '003_create_orders_to_ship_view';
const TRACED = ['orders', 'order_status', 'orders_to_ship'];
const RELEASE_N_STATUSES = ['pending', 'paid', 'shipped', 'delivered', 'cancelled'];
const WITH_PACKED = ['pending', 'paid', 'packed', 'shipped', 'delivered', 'cancelled'];
const ADD_PACKED = "ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'packed' BEFORE 'shipped'";

const INVALID_ENUM_INPUT = { code: '22P02' }; // invalid_text_representation
const UNDEFINED_TABLE = { code: '42P01' };
// Knex puts the statement before Postgres' message.
const UNSAFE_NEW_ENUM_VALUE = { code: '55P04', message: expect.stringMatching(/unsafe use of new value "packed" of enum type order_status$/) };

const db = await openDatabase();
afterAll(() => db.close());

const recipes = toolRecipes(here, { createMigrator });

async function enumLabels(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ label: string }>(
    "SELECT enumlabel AS label FROM pg_enum WHERE enumtypid = 'order_status'::regtype ORDER BY enumsortorder",
  );
  return rows.map(({ label }) => label);
}

async function viewExists(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ exists: boolean }>("SELECT to_regclass('orders_to_ship') IS NOT NULL AS exists");
  return rows[0].exists;
}

// --- What each release does at each step -------------------------------------------------------

/** Release N takes an order through the statuses it knows. */
async function releaseNWorks(db: Db) {
  const id = await releaseN.placeOrder(db, 'zoë@example.com');
  await releaseN.setStatus(db, id, 'paid');
  expect(await releaseN.findOrder(db, id)).toEqual({ id, customerEmail: 'zoë@example.com', status: 'paid' });
  expect(await releaseN.awaitsShipping(db, id)).toBe(true);
}

/** Release N+1 packs an order; release N then reads a row with a value it does not know. */
async function releaseN1Packs(db: Db): Promise<string> {
  const id = await releaseN1.placeOrder(db, null);
  await releaseN1.setStatus(db, id, 'packed');
  // Tolerant release N: the unknown value reads as 'other'; 'packed' sorts before 'shipped'.
  expect(await releaseN.findOrder(db, id)).toEqual({ id, customerEmail: null, status: 'other' });
  expect(await releaseN.awaitsShipping(db, id)).toBe(true);
  // A release N that validates strictly breaks on the same row.
  await expect(findOrderStrict(db, id)).rejects.toThrow('Unknown order status: packed');
  return id;
}

function sampleCheck(after: (db: Db) => Promise<void>): StepCheck<{ rows: number; md5: string }> {
  return {
    async before(db) {
      await insertSampleOrders(db);
      return tableFingerprint(db, 'orders');
    },
    async check(db, before) {
      expect(await tableFingerprint(db, 'orders')).toEqual(before);
      await after(db);
    },
  };
}

const checks: Record<string, StepCheck<any>> = {
  [CREATE]: {
    async check(db) {
      expect(await enumLabels(db)).toEqual(RELEASE_N_STATUSES);
      await releaseNWorks(db);
      const id = await releaseN1.placeOrder(db, 'taro@example.com');
      await expect(releaseN1.setStatus(db, id, 'packed')).rejects.toMatchObject(INVALID_ENUM_INPUT);
    },
  },
  [ADD_VALUE]: sampleCheck(async (db) => {
    expect(await enumLabels(db)).toEqual(WITH_PACKED);
    // BEFORE 'shipped' (sort order 3), after 'paid' (2): existing values keep their order.
    const { rows } = await db.query("SELECT enumsortorder AS order FROM pg_enum WHERE enumtypid = 'order_status'::regtype AND enumlabel = 'packed'");
    expect(rows).toEqual([{ order: 2.5 }]);
    await releaseNWorks(db);
    const packed = await releaseN1Packs(db);
    // The view release N+1 reads comes with 003: it must run before release N+1 starts.
    await expect(releaseN1.awaitsShipping(db, packed)).rejects.toMatchObject(UNDEFINED_TABLE);
  }),
  [CREATE_VIEW]: sampleCheck(async (db) => {
    await releaseNWorks(db);
    expect(await releaseN1.awaitsShipping(db, await releaseN1Packs(db))).toBe(true);
  }),
};

// --- Each tool's recipe, one step at a time -----------------------------------------------------

const measured: TraceSnapshot['steps'] = [];

async function resetSchema() {
  await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
}

describe.each(recipes)('$tool', ({ tool, open }) => {
  let runner: MigrationRunner;
  const traced: TraceSnapshot['steps'] = [];

  beforeAll(async () => {
    runner = await open(db);
    await walkMigrations({
      db,
      runner,
      checks,
      async apply(step, up) {
        if (step === CREATE) return up();
        traced.push({ tool, migration: step, statements: await traceLocks(runner.session, TRACED, up) });
      },
    });
    measured.push(...traced);
  });

  afterAll(async () => {
    await runner?.close();
    await resetSchema();
  });

  test('the sample data has NULLs, repeated emails, non-ASCII notes, long values and every old status', async () => {
    const profile = await profileSample(db);
    expect(profile.rows).toBeGreaterThanOrEqual(2 * SAMPLE_ROWS);
    expect(profile.nullEmails).toBeGreaterThan(0);
    expect(profile.repeatedEmails).toBeGreaterThan(0);
    expect(profile.nonAsciiNotes).toBeGreaterThan(0);
    expect(profile.longestNote).toBeGreaterThan(8_000);
    expect(profile.statuses).toBe(WITH_PACKED.length); // the five old ones and the packed orders
  });

  test('002 sends ALTER TYPE … ADD VALUE alone, outside a transaction, and rewrites neither orders nor its indexes', () => {
    const [{ statements }] = traced.filter(({ migration }) => migration === ADD_VALUE);
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    expect(statement.sql).toMatch(/^alter type "?order_status"? add value if not exists \S*packed\S* before \S*shipped/i);
    expect(statement.inTransaction).toBe(false);
    expect(statement.rewritten).toEqual([]);
  });

  test('003 creates the view holding ACCESS SHARE on orders (and nothing on its indexes), and rewrites nothing', () => {
    const [{ statements }] = traced.filter(({ migration }) => migration === CREATE_VIEW);
    expect(statements).toHaveLength(1);
    const [view] = statements;
    expect(view.sql).toMatch(/^create view "?orders_to_ship"?/i);
    expect(view.rewritten).toEqual([]);
    // Knex and node-pg-migrate run it in a transaction, whose locks the trace reads before COMMIT.
    expect(view.inTransaction).toBe(tool === 'knex' || tool === 'node-pg-migrate');
    if (view.inTransaction) {
      expect(view.locks).toEqual([
        { relation: 'orders', mode: 'AccessShareLock' },
        { relation: 'orders_to_ship', mode: 'AccessExclusiveLock' }, // the new view itself
      ]);
    }
  });
});

// --- Deploying 002 and 003 together -------------------------------------------------------------

describe.each([
  ...recipes,
  // The same Kysely migrations under the Migrator's defaults: one transaction for all pending migrations.
  ...toolRecipes(here, { createMigrator: defaultMigrator, tools: ['kysely'] }).map((recipe) => ({ ...recipe, tool: 'kysely (default Migrator)' })),
])('$tool: 002 and 003 deployed together', ({ tool, open }) => {
  test(tool === 'kysely (default Migrator)' ? 'fail: 003 uses the value before 002 commits, and nothing changes' : 'both apply', async () => {
    const runner = await open(db);
    try {
      expect(await runner.up()).toBe(CREATE);
      await insertSampleOrders(db);
      const before = await tableFingerprint(db, 'orders');
      if (tool === 'kysely (default Migrator)') {
        await expect(runner.latest()).rejects.toMatchObject(UNSAFE_NEW_ENUM_VALUE);
        expect(await enumLabels(db)).toEqual(RELEASE_N_STATUSES);
        expect(await viewExists(db)).toBe(false);
      } else {
        expect(await runner.latest()).toEqual([ADD_VALUE, CREATE_VIEW]);
        expect(await enumLabels(db)).toEqual(WITH_PACKED);
        expect(await viewExists(db)).toBe(true);
      }
      expect(await tableFingerprint(db, 'orders')).toEqual(before);
      await releaseNWorks(db);
    } finally {
      await runner.close();
      await resetSchema();
    }
  });
});

// --- The naive migration, and ADD VALUE inside a transaction ------------------------------------

describe('ADD VALUE inside a transaction', () => {
  let runner: MigrationRunner;

  beforeAll(async () => {
    runner = await unsafeKnexRecipe(here, ADD_VALUE).open(db);
    await runner.up();
    await insertSampleOrders(db);
  });

  afterAll(async () => {
    await runner.close();
    await resetSchema();
  });

  test('knex (unsafe): using the value in the migration that adds it fails, and the whole migration rolls back', async () => {
    const before = await tableFingerprint(db, 'orders');
    await expect(runner.up()).rejects.toMatchObject(UNSAFE_NEW_ENUM_VALUE);
    expect(await enumLabels(db)).toEqual(RELEASE_N_STATUSES);
    expect(await viewExists(db)).toBe(false);
    expect(await tableFingerprint(db, 'orders')).toEqual(before);
    await releaseNWorks(db);
  });

  test('holds EXCLUSIVE on the type only: no lock on orders or its indexes, and no rewrite', async () => {
    const session = await Session.open(db);
    try {
      const client = await session.connect();
      let typeLocks: unknown[] = [];
      const statements = await traceLocks(session, TRACED, async () => {
        await client.query('BEGIN');
        await client.query(ADD_PACKED);
        const { rows } = await client.query(
          `SELECT classid::regclass::text AS catalog, objid::regtype::text AS type, mode FROM pg_locks
           WHERE pid = pg_backend_pid() AND locktype = 'object' AND classid = 'pg_type'::regclass`,
        );
        typeLocks = rows;
        await client.query('COMMIT');
      });
      client.release();
      expect(typeLocks).toEqual([{ catalog: 'pg_type', type: 'order_status', mode: 'ExclusiveLock' }]);
      expect(statements).toEqual([{ sql: ADD_PACKED, inTransaction: true, locks: [], rewritten: [] }]);
      measured.push({ tool: 'sql (in a transaction)', migration: ADD_VALUE, statements });
      expect(await enumLabels(db)).toEqual(WITH_PACKED);
    } finally {
      await session.end();
    }
  });
});

// --- Beside other sessions (a real server: PGlite has one session) ------------------------------

describe.skipIf(engine === 'pglite')('ADD VALUE beside other sessions', () => {
  let runner: MigrationRunner;
  let other: pg.Client;

  beforeAll(async () => {
    [runner] = await Promise.all(toolRecipes(here, { tools: ['sql'] }).map(({ open }) => open(db)));
    await runner.up();
    await insertSampleOrders(db);
    other = await db.connect();
  });

  afterAll(async () => {
    await other?.end();
    await runner?.close();
    await resetSchema();
  });

  test('does not wait for a transaction that writes orders', async () => {
    await other.query("BEGIN; UPDATE orders SET status = 'shipped' WHERE id = 1");
    try {
      const adder = await db.connect();
      try {
        await adder.query("SET lock_timeout = '1s'");
        await adder.query(ADD_PACKED);
      } finally {
        await adder.end();
      }
    } finally {
      await other.query('ROLLBACK');
    }
    expect(await enumLabels(db)).toEqual(WITH_PACKED);
  });

  test('until it commits, others read and write orders, do not see the value, and a second ADD VALUE waits', async () => {
    const adder = await db.connect();
    try {
      await adder.query("BEGIN; ALTER TYPE order_status ADD VALUE 'boxed' AFTER 'packed'");
      expect(await tryWrite(other, "INSERT INTO orders (customer_email, status) VALUES ('zoë@example.com', 'paid')")).toBe(true);
      expect(await tryWrite(other, "UPDATE orders SET status = 'delivered' WHERE status = 'shipped'")).toBe(true);
      await expect(tryWrite(other, "UPDATE orders SET status = 'boxed' WHERE id = 1")).rejects.toMatchObject({
        ...INVALID_ENUM_INPUT,
        message: 'invalid input value for enum order_status: "boxed"',
      });
      // ADD VALUE takes EXCLUSIVE on the type itself: the next one queues until the first commits.
      expect(await tryWrite(other, "ALTER TYPE order_status ADD VALUE 'wrapped' AFTER 'packed'")).toBe(false);
      await adder.query('COMMIT');
    } finally {
      await adder.end();
    }
    expect(await tryWrite(other, "UPDATE orders SET status = 'boxed' WHERE id = 1")).toBe(true);
    expect(await enumLabels(db)).toEqual(['pending', 'paid', 'packed', 'boxed', 'shipped', 'delivered', 'cancelled']);
  });
});

// --- What ALTER TYPE allows ---------------------------------------------------------------------

describe('ALTER TYPE on an enum', () => {
  beforeAll(() => db.exec("CREATE TYPE parcel_size AS ENUM ('small', 'large')"));
  afterAll(resetSchema);

  async function sortOrder(type: string) {
    const { rows } = await db.query<{ label: string; sortOrder: number }>(
      `SELECT enumlabel AS label, enumsortorder AS "sortOrder" FROM pg_enum WHERE enumtypid = $1::regtype ORDER BY enumsortorder`,
      [type],
    );
    return rows;
  }

  test('BEFORE places the value between its neighbours; without a position it sorts last', async () => {
    await db.exec("ALTER TYPE parcel_size ADD VALUE 'medium' BEFORE 'large'");
    await db.exec("ALTER TYPE parcel_size ADD VALUE 'medium-large'");
    expect(await sortOrder('parcel_size')).toEqual([
      { label: 'small', sortOrder: 1 },
      { label: 'medium', sortOrder: 1.5 },
      { label: 'large', sortOrder: 2 },
      { label: 'medium-large', sortOrder: 3 },
    ]);
    const { rows } = await db.query("SELECT 'medium-large'::parcel_size > 'large' AS after_large");
    expect(rows).toEqual([{ after_large: true }]);
  });

  test('IF NOT EXISTS makes a re-run a no-op; without it the second run fails', async () => {
    await db.exec("ALTER TYPE parcel_size ADD VALUE IF NOT EXISTS 'medium' BEFORE 'large'");
    await expect(db.exec("ALTER TYPE parcel_size ADD VALUE 'medium' BEFORE 'large'")).rejects.toMatchObject({
      code: '42710',
      message: 'enum label "medium" already exists',
    });
    expect((await sortOrder('parcel_size')).map(({ label }) => label)).toEqual(['small', 'medium', 'large', 'medium-large']);
  });

  test('a value can be renamed, not dropped', async () => {
    await db.exec("ALTER TYPE parcel_size RENAME VALUE 'medium-large' TO 'extra-large'");
    // PostgreSQL 15's grammar has no DROP VALUE; PostgreSQL 18 (PGlite) parses it only to refuse it.
    const refusal =
      db.serverVersion >= 18
        ? { code: '0A000', message: 'dropping an enum value is not implemented' }
        : { code: '42601', message: 'syntax error at or near "VALUE"' };
    await expect(db.exec("ALTER TYPE parcel_size DROP VALUE 'extra-large'")).rejects.toMatchObject(refusal);
    expect((await sortOrder('parcel_size')).map(({ label }) => label)).toEqual(['small', 'medium', 'large', 'extra-large']);
  });
});

test(`the measured traces match trace.${engine}.json`, async () => {
  expect([...new Set(measured.map(({ tool }) => tool))]).toEqual([...recipes.map(({ tool }) => tool), 'sql (in a transaction)']);
  await matchTraceSnapshot(new URL(`trace.${engine}.json`, here), { engine, serverVersion: db.serverVersion, steps: measured });
});
