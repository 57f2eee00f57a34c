import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  engine,
  matchTraceSnapshot,
  openDatabase,
  scenarioFiles,
  completedWhileHeld,
  scenarioSqlStatements,
  sqlRunner,
  tableFingerprint,
  toolRecipes,
  traceLocks,
  unsafeKnexRecipe,
  walkMigrations,
  type Db,
  type MigrationRunner,
  type StepCheck,
  type TestDatabase,
  type TraceSnapshot,
} from '../../harness/index.ts';
import * as releaseN from './release-n/orders.ts';
import * as releaseN1 from './release-n1/orders.ts';
import { insertSampleOrders, ORPHANS, profileSample } from './sample-data.ts';

const here = new URL('./', import.meta.url);
const CREATE_STEP = '001_create_customers_and_orders';
const ADD_STEP = '002_add_orders_customer_fk';
const DETACH_STEP = '003_detach_orphan_orders';
const VALIDATE_STEP = '004_validate_orders_customer_fk';
const TABLES = ['orders', 'customers'];

const FOREIGN_KEY_VIOLATION = { code: '23503' };

interface Variant {
  tool: string;
  /** The unsafe migration adds the foreign key validated, in one step. */
  unsafe: boolean;
  open(db: TestDatabase): Promise<MigrationRunner>;
}

const variants: Variant[] = [
  { ...unsafeKnexRecipe(here, ADD_STEP), unsafe: true },
  ...toolRecipes(here).map((recipe) => ({ ...recipe, unsafe: false })),
];

/** Each release opens an account, places an order, reads it back and closes the account. */
const releases = {
  /** Returns the order release N left behind, pointing at the deleted customer. */
  async n(db: Db): Promise<string> {
    const customerId = await releaseN.openAccount(db, { email: 'zoë@example.com', name: 'Zoë Ångström' });
    const order = { customerId, totalCents: 1999, note: '置き配 🙂' };
    const id = await releaseN.placeOrder(db, order);
    expect(await releaseN.findOrder(db, id)).toEqual({ id, ...order });
    await releaseN.closeAccount(db, customerId);
    return id;
  },
  async n1(db: Db): Promise<void> {
    const customerId = await releaseN1.openAccount(db, { email: null, name: '山田 太郎' });
    const order = { customerId, totalCents: 500, note: null };
    const id = await releaseN1.placeOrder(db, order);
    expect(await releaseN1.findOrder(db, id)).toEqual({ id, ...order });
    await releaseN1.closeAccount(db, customerId);
    expect(await releaseN1.findOrder(db, id)).toEqual({ id, ...order, customerId: null });
  },
};

/** Release N, still running once the foreign key exists: closing an account with orders fails. */
async function releaseNIsRefused(db: Db) {
  await expect(releases.n(db)).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
}

async function foreignKey(db: Db) {
  const { rows } = await db.query(
    `SELECT convalidated AS validated, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint WHERE conname = 'orders_customer_id_fkey'`,
  );
  return rows[0];
}

const orphanCount = async (db: Db) => (await profileSample(db)).orphanOrders;

/** Both tables, fingerprinted: each step must leave every row as it was (or as it means to). */
async function fingerprints(db: Db, orders = 'orders') {
  return { orders: await tableFingerprint(db, orders), customers: await tableFingerprint(db, 'customers') };
}

// The orders as they should be once the orphans are detached: the same rows, orphans without a customer.
const ORDERS_DETACHED = `(
  SELECT o.id, CASE WHEN c.id IS NULL THEN NULL ELSE o.customer_id END AS customer_id, o.total_cents, o.note
  FROM orders o LEFT JOIN customers c ON c.id = o.customer_id)`;

const NOT_VALID_KEY = 'FOREIGN KEY (customer_id) REFERENCES customers(id) NOT VALID';
const VALID_KEY = 'FOREIGN KEY (customer_id) REFERENCES customers(id)';

/** Inserts sample rows (with orphans when asked) and fingerprints both tables before a step. */
const withSample = (orphans: boolean) => async (db: Db) => {
  await insertSampleOrders(db, { orphans });
  return fingerprints(db);
};

const checks = ({ unsafe }: Variant): Record<string, StepCheck<any>> => ({
  [CREATE_STEP]: {
    async check(db) {
      expect(await fingerprints(db)).toEqual({
        orders: { rows: 0, md5: expect.any(String) },
        customers: { rows: 0, md5: expect.any(String) },
      });
      // Both releases run side by side during the rollout; release N still leaves an orphan.
      const left = await releases.n(db);
      expect(await db.query(`SELECT id FROM (${ORPHANS}) AS orphan`)).toEqual({ rows: [{ id: left }] });
      await releases.n1(db);
    },
  },
  [ADD_STEP]: unsafe
    ? {
        // Over orphans the validated key cannot even be added (see the test below): the orphans
        // release N left are detached first, as 003 does.
        async before(db) {
          await insertSampleOrders(db, { orphans: false });
          await db.exec(await readFile(new URL(`sql/${DETACH_STEP}.sql`, here), 'utf8'));
          return fingerprints(db);
        },
        async check(db, before) {
          expect(await fingerprints(db)).toEqual(before);
          expect(await foreignKey(db)).toEqual({ validated: true, definition: VALID_KEY });
          await releaseNIsRefused(db);
          await releases.n1(db);
        },
      }
    : {
        before: withSample(true),
        async check(db, before) {
          expect(await fingerprints(db)).toEqual(before);
          expect(await foreignKey(db)).toEqual({ validated: false, definition: NOT_VALID_KEY });
          // The existing orphans were not checked, but a new one is refused already.
          expect(await orphanCount(db)).toBeGreaterThan(0);
          await expect(releaseN1.placeOrder(db, { customerId: '-1', totalCents: 1, note: null })).rejects.toMatchObject(
            FOREIGN_KEY_VIOLATION,
          );
          await releaseNIsRefused(db);
          await releases.n1(db);
        },
      },
  [DETACH_STEP]: {
    async before(db) {
      await insertSampleOrders(db, { orphans: false });
      expect(await orphanCount(db)).toBeGreaterThan(0);
      return { orders: await tableFingerprint(db, 'orders'), detached: await fingerprints(db, ORDERS_DETACHED) };
    },
    async check(db, before) {
      expect(await orphanCount(db)).toBe(0);
      // Every order is still there and only the orphans' customer_id changed.
      expect(await fingerprints(db, ORDERS_DETACHED)).toEqual(before.detached);
      expect(await tableFingerprint(db, 'orders')).not.toEqual(before.orders);
      await releaseNIsRefused(db);
      await releases.n1(db);
    },
  },
  [VALIDATE_STEP]: {
    before: withSample(false),
    async check(db, before) {
      expect(await fingerprints(db)).toEqual(before);
      expect(await foreignKey(db)).toEqual({ validated: true, definition: VALID_KEY });
      await releaseNIsRefused(db);
      await releases.n1(db);
    },
  },
});

const measured: TraceSnapshot['steps'] = [];
let db: TestDatabase;

beforeAll(async () => {
  db = await openDatabase();
});

afterAll(() => db?.close());

const resetSchema = () => db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');

describe.each(variants)('$tool', (variant) => {
  let runner: MigrationRunner;
  const traced = new Map<string, TraceSnapshot['steps'][number]['statements']>();

  beforeAll(async () => {
    runner = await variant.open(db);
    const stepChecks = checks(variant);
    await walkMigrations({
      db,
      runner,
      checks: Object.fromEntries(runner.steps.map((step) => [step, stepChecks[step]])),
      async apply(step, up) {
        if (step === CREATE_STEP) return up();
        const statements = await traceLocks(runner.session, TABLES, up);
        traced.set(step, statements);
        measured.push({ tool: variant.tool, migration: step, statements });
      },
    });
  });

  afterAll(async () => {
    await runner?.close();
    await resetSchema();
  });

  test('the sample data has guest orders, repeated customers, non-ASCII notes and long values', async () => {
    const profile = await profileSample(db);
    expect(profile.guestOrders).toBeGreaterThan(0);
    expect(profile.repeatedCustomers).toBeGreaterThan(0);
    expect(profile.nonAsciiNotes).toBeGreaterThan(0);
    expect(profile.longestNote).toBeGreaterThan(8_000);
    expect(profile.orphanOrders).toBe(0);
  });

  test('adding the foreign key holds SHARE ROW EXCLUSIVE on orders and customers until commit, rewriting nothing', () => {
    const [statement, ...others] = traced.get(ADD_STEP)!;
    expect(others).toEqual([]);
    expect(statement.sql).toMatch(variant.unsafe ? /foreign key \("customer_id"\)[^]*references "customers"/i : /FOREIGN KEY[^]*NOT VALID;?$/);
    expect(statement.inTransaction).toBe(true);
    expect(statement.locks).toContainEqual({ relation: 'orders', mode: 'ShareRowExclusiveLock' });
    expect(statement.locks).toContainEqual({ relation: 'customers', mode: 'ShareRowExclusiveLock' });
    expect(statement.rewritten).toEqual([]);
  });

  test.runIf(!variant.unsafe)('detaching the orphans takes only row locks', () => {
    const [statement, ...others] = traced.get(DETACH_STEP)!;
    expect(others).toEqual([]);
    expect(statement.sql).toMatch(/^update "?orders"?/i);
    if (statement.inTransaction) {
      expect(statement.locks!.filter(({ relation }) => TABLES.includes(relation))).toEqual([
        { relation: 'customers', mode: 'AccessShareLock' },
        { relation: 'orders', mode: 'RowExclusiveLock' },
      ]);
    }
    expect(statement.rewritten).toEqual([]);
  });

  test.runIf(!variant.unsafe)('validating holds SHARE UPDATE EXCLUSIVE on orders and ROW SHARE on customers, nothing that blocks writes', () => {
    const [statement, ...others] = traced.get(VALIDATE_STEP)!;
    expect(others).toEqual([]);
    expect(statement.sql).toMatch(/^ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;?$/);
    expect(statement.rewritten).toEqual([]);
    // Alone in its .sql file, the statement runs as a transaction of its own: its locks end with it.
    if (!statement.inTransaction) return expect(statement.locks).toBeNull();
    expect(statement.locks!.filter(({ relation }) => TABLES.includes(relation))).toEqual([
      { relation: 'customers', mode: 'AccessShareLock' },
      { relation: 'customers', mode: 'RowShareLock' },
      { relation: 'orders', mode: 'AccessShareLock' },
      { relation: 'orders', mode: 'ShareUpdateExclusiveLock' },
    ]);
  });
});

test(`the measured traces match trace.${engine}.json`, async () => {
  expect([...new Set(measured.map(({ tool }) => tool))]).toEqual(variants.map(({ tool }) => tool));
  await matchTraceSnapshot(new URL(`trace.${engine}.json`, here), { engine, serverVersion: db.serverVersion, steps: measured });
});

describe('over orders whose customer is gone', () => {
  const sqlFile = (step: string) => fileURLToPath(new URL(`sql/${step}.sql`, here));

  afterAll(resetSchema);

  test('the validated foreign key of unsafe/ fails, and the migration leaves nothing behind', async () => {
    const runner = await unsafeKnexRecipe(here, ADD_STEP).open(db);
    try {
      await runner.up();
      await insertSampleOrders(db, { orphans: true });
      await expect(runner.up()).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
      expect(await foreignKey(db)).toBeUndefined();
    } finally {
      await runner.close();
      await resetSchema();
    }
  });

  test('VALIDATE fails while orphans remain; once 003 detached them, it succeeds', async () => {
    const skipping = await sqlRunner(db, [CREATE_STEP, ADD_STEP, VALIDATE_STEP].map(sqlFile));
    const resuming = await sqlRunner(db, [DETACH_STEP, VALIDATE_STEP].map(sqlFile));
    try {
      await skipping.up();
      await insertSampleOrders(db, { orphans: true });
      await skipping.up();
      const orphans = await orphanCount(db);
      expect(orphans).toBeGreaterThan(0);
      await expect(skipping.up()).rejects.toMatchObject({
        ...FOREIGN_KEY_VIOLATION,
        message: 'insert or update on table "orders" violates foreign key constraint "orders_customer_id_fkey"',
        detail: expect.stringMatching(/^Key \(customer_id\)=\(\d+\) is not present in table "customers"\.$/),
      });
      expect(await foreignKey(db)).toEqual({ validated: false, definition: NOT_VALID_KEY });

      await resuming.up();
      expect(await orphanCount(db)).toBe(0);
      await resuming.up();
      expect(await foreignKey(db)).toEqual({ validated: true, definition: VALID_KEY });
    } finally {
      await Promise.all([skipping.close(), resuming.close()]);
    }
  });
});

describe.runIf(engine === 'postgres')('writes from another connection while each statement holds its locks', () => {
  // Once the key exists, the order makes its check lock the customer's row (FOR KEY SHARE).
  const WRITES = [
    `INSERT INTO customers (name) VALUES ('Written meanwhile')`,
    `INSERT INTO orders (customer_id, total_cents) SELECT min(id), 100 FROM customers`,
  ];
  let runner: MigrationRunner;

  beforeAll(async () => {
    runner = await sqlRunner(db, await scenarioFiles(here, 'sql'));
    await runner.up();
    await insertSampleOrders(db, { orphans: false });
  });

  afterAll(async () => {
    await runner?.close();
    await resetSchema();
  });

  test('the validated foreign key of unsafe/ blocks every write to both tables', async () => {
    // The statement Knex sent for the unsafe/ migration, as traced above.
    const unsafe = measured.find(({ tool, migration }) => tool === 'knex (unsafe)' && migration === ADD_STEP)!;
    expect(await completedWhileHeld(db, unsafe.statements.map(({ sql }) => sql), WRITES)).toEqual([false, false]);
  });

  test('the NOT VALID foreign key blocks them too, for as long as it takes to add it', async () => {
    expect(await completedWhileHeld(db, await scenarioSqlStatements(here, ADD_STEP), WRITES)).toEqual([false, false]);
  });

  test('VALIDATE lets every write through', async () => {
    await runner.up(); // 002: the NOT VALID key, committed
    expect(await completedWhileHeld(db, await scenarioSqlStatements(here, VALIDATE_STEP), WRITES)).toEqual([true, true]);
  });
});
