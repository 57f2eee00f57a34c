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
  type StepCheck,
  type TraceSnapshot,
} from '../../harness/index.ts';
import { parseTotal } from './release-n1/money.ts';
import * as releaseN from './release-n/orders.ts';
import * as releaseN1 from './release-n1/orders.ts';
import * as releaseN2 from './release-n2/orders.ts';
import { runDataMigrations, type RunResult } from './runner.ts';
import { insertReleaseNOrders, profileSample, SAMPLE_ROWS } from './sample-data.ts';

const here = new URL('./', import.meta.url);
const CREATE = '001_create_orders';
const ADD_COLUMN = '002_add_orders_total_cents';
const REQUIRE_MIGRATED = '003_require_orders_total_cents';
const ALLOW_TOTAL_NULL = '004_allow_orders_total_null';
const DROP_TOTAL = '005_drop_orders_total';
// The columns release N knows: no step may change a value in them.
const RELEASE_N_COLUMNS = '(SELECT id, customer, total, note FROM orders)';
// The columns that stay after the contract.
const KEPT_COLUMNS = '(SELECT id, customer, total_cents, note FROM orders)';
const BLOCKED = /^(\d+) orders have no total_cents yet\. Run the online data migrations until they exit 0: npx jiti examples\/postgres\/online-data-migration\/runner\.ts$/;

const db = await openDatabase();
afterAll(() => db.close());

const UNDEFINED_COLUMN = { code: '42703' };
const NOT_NULL_VIOLATION = { code: '23502' };
const DATA_MIGRATION = 'online data migration (runner.ts)';
const BATCH_SIZE = 1_000;
const measured: TraceSnapshot['steps'] = [];

/** Each release places an order and reads back its own order and the other release's. */
async function bothReleasesWork(db: Db) {
  const old = { customer: 'José Núñez', total: ' 1,250.5 ', note: '🙂'.repeat(50) };
  const oldId = await releaseN.placeOrder(db, old);
  expect(await releaseN.findOrder(db, oldId)).toEqual({ id: oldId, ...old });
  const order = { customer: '山田 太郎', totalCents: 1999n, note: null };
  const id = await releaseN1.placeOrder(db, order);
  expect(await releaseN1.findOrder(db, id)).toEqual({ id, ...order });
  // Release N reads what N+1 wrote, and N+1 reads what N wrote (the old shape, until migrated).
  expect(await releaseN.findOrder(db, id)).toMatchObject({ total: '19.99' });
  expect(await releaseN1.findOrder(db, oldId)).toMatchObject({ totalCents: 125050n });
}

/** Release N+2 places an order without total and reads it back. */
async function releaseN2Works(db: Db) {
  const order = { customer: 'Ωmega 🙂', totalCents: 4200n, note: null };
  const id = await releaseN2.placeOrder(db, order);
  expect(await releaseN2.findOrder(db, id)).toEqual({ id, ...order });
  return id;
}

/** Rows still without total_cents, and rows whose total_cents is not what their text says. */
async function migrationState(db: Db) {
  // Release N+2's orders have no text to compare with (total is NULL from 004 on).
  const { rows } = await db.query<{ total: string; total_cents: string | null }>('SELECT total, total_cents FROM orders WHERE total IS NOT NULL');
  return {
    pending: rows.filter(({ total_cents }) => total_cents === null).length,
    wrong: rows.filter(({ total, total_cents }) => total_cents !== null && BigInt(total_cents) !== parseTotal(total)).length,
  };
}

const withData = (after: (db: Db) => Promise<void>): StepCheck<{ rows: number; md5: string }> => ({
  async before(db) {
    await insertReleaseNOrders(db, SAMPLE_ROWS);
    return tableFingerprint(db, RELEASE_N_COLUMNS);
  },
  async check(db, before) {
    expect(await tableFingerprint(db, RELEASE_N_COLUMNS)).toEqual(before);
    await after(db);
  },
});

const checks: Record<string, StepCheck<any>> = {
  [CREATE]: {
    async check(db) {
      expect(await tableFingerprint(db, 'orders')).toEqual({ rows: 0, md5: expect.any(String) });
      await releaseN.placeOrder(db, { customer: 'Zoë', total: '5', note: null });
      await expect(releaseN1.placeOrder(db, { customer: 'Zoë', totalCents: 500n, note: null })).rejects.toMatchObject(UNDEFINED_COLUMN);
    },
  },
  // Expand: no row gets a value; both releases run side by side.
  [ADD_COLUMN]: withData(async (db) => {
    expect(await migrationState(db)).toEqual({ pending: SAMPLE_ROWS + 1, wrong: 0 });
    await bothReleasesWork(db);
  }),
  // Release N+2's blocker, once the data migration has finished.
  [REQUIRE_MIGRATED]: withData(async (db) => {
    expect(await migrationState(db)).toEqual({ pending: 0, wrong: 0 });
    await bothReleasesWork(db);
  }),
  // Release N+2 stops writing total: it can place orders only once total accepts NULL.
  [ALLOW_TOTAL_NULL]: {
    async before(db) {
      await expect(releaseN2Works(db)).rejects.toMatchObject(NOT_NULL_VIOLATION);
      return tableFingerprint(db, 'orders');
    },
    async check(db, before) {
      expect(await tableFingerprint(db, 'orders')).toEqual(before);
      const id = await releaseN2Works(db);
      expect(await releaseN1.findOrder(db, id)).toMatchObject({ totalCents: 4200n });
      await bothReleasesWork(db);
    },
  },
  // Contract, once releases N and N+1 are retired: both name total in every query and break.
  [DROP_TOTAL]: {
    async before(db) {
      // Release N placed orders in the checks above, after the data migration: run it once more,
      // as release N is retired, so that no total is the only copy of its value.
      expect((await runDataMigrations(db)).exitCode).toBe(0);
      expect(await migrationState(db)).toEqual({ pending: 0, wrong: 0 });
      return tableFingerprint(db, KEPT_COLUMNS);
    },
    async check(db, before) {
      expect(await tableFingerprint(db, KEPT_COLUMNS)).toEqual(before);
      await releaseN2Works(db);
      await expect(releaseN.placeOrder(db, { customer: 'Zoë', total: '5', note: null })).rejects.toMatchObject(UNDEFINED_COLUMN);
      await expect(releaseN.findOrder(db, '1')).rejects.toMatchObject(UNDEFINED_COLUMN);
      await expect(releaseN1.placeOrder(db, { customer: 'Zoë', totalCents: 500n, note: null })).rejects.toMatchObject(UNDEFINED_COLUMN);
      await expect(releaseN1.findOrder(db, '1')).rejects.toMatchObject(UNDEFINED_COLUMN);
    },
  },
  // The naive variant: the backfill in the schema migration fills every row at once.
  ['002_add_orders_total_cents (unsafe)']: withData(async (db) => {
    expect(await migrationState(db)).toEqual({ pending: 0, wrong: 0 });
  }),
};

for (const { tool, open } of [unsafeKnexRecipe(here, ADD_COLUMN), ...toolRecipes(here)]) {
  describe(tool, () => {
    let runner: MigrationRunner;
    const traced: TraceSnapshot['steps'] = [];
    let refusal: Error | undefined;
    let pendingWhenRefused = 0;
    let batchStatements: TraceSnapshot['steps'][number]['statements'] = [];
    let profile: Awaited<ReturnType<typeof profileSample>> | undefined;

    beforeAll(async () => {
      runner = await open(db);
      const unsafe = tool.includes('unsafe');
      await walkMigrations({
        db,
        runner,
        checks: Object.fromEntries(runner.steps.map((step) => [step, checks[unsafe && step === ADD_COLUMN ? `${step} (unsafe)` : step]])),
        async apply(step, up) {
          if (step === CREATE) return up();
          // The profile reads total, which 005 drops.
          if (step === DROP_TOTAL || (unsafe && step === ADD_COLUMN)) profile = await profileSample(db);
          if (step === REQUIRE_MIGRATED) {
            pendingWhenRefused = (await migrationState(db)).pending;
            refusal = await up().then(() => undefined, (error: Error) => error);
            // Between the releases: the data migration, on the migration's connection so its locks are traced.
            let result: RunResult | undefined;
            batchStatements = await traceLocks(runner.session, ['orders'], async () => {
              result = await runDataMigrations(clientDb(runner.session.client), { batchSize: BATCH_SIZE });
            });
            expect(result?.exitCode).toBe(0);
            if (tool === 'knex') traced.push({ tool, migration: DATA_MIGRATION, statements: batchStatements });
          }
          traced.push({ tool, migration: step, statements: await traceLocks(runner.session, ['orders'], up) });
        },
      });
      measured.push(...traced);
    });

    afterAll(async () => {
      await runner?.close();
      await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    });

    test('the sample data has NULLs, repeated orders, non-ASCII names, long values and every form of total', () => {
      const { rows, nullNotes, repeated, nonAscii, longestNote, forms } = profile!;
      expect(rows).toBeGreaterThan(SAMPLE_ROWS);
      expect(nullNotes).toBeGreaterThan(0);
      expect(repeated).toBeGreaterThan(0);
      expect(nonAscii).toBeGreaterThan(0);
      expect(longestNote).toBeGreaterThan(8_000);
      expect(forms).toBe(4);
    });

    test('no step rewrites orders or its index', () => {
      for (const { statements } of traced) for (const { rewritten } of statements) expect(rewritten).toEqual([]);
    });

    if (tool.includes('unsafe')) {
      test('the UPDATE runs in the ALTER TABLE transaction: every row changes while ACCESS EXCLUSIVE is held', () => {
        const { statements } = traced.find(({ migration }) => migration === ADD_COLUMN)!;
        const update = statements.find(({ sql }) => sql.startsWith('UPDATE'))!;
        expect(update.inTransaction).toBe(true);
        expect(update.locks).toContainEqual({ relation: 'orders', mode: 'AccessExclusiveLock' });
      });
    } else {
      test('the blocker refused while rows were left, naming the count and the command', () => {
        // Release N's orders of 002 and 003, the one of 001 and the one release N placed in the check of 002.
        expect(pendingWhenRefused).toBe(2 * SAMPLE_ROWS + 2);
        expect(refusal?.message).toMatch(BLOCKED);
        expect(Number(BLOCKED.exec(refusal!.message)![1])).toBe(pendingWhenRefused);
      });

      test('the data migration commits each batch: row locks only (ROW SHARE, ROW EXCLUSIVE), never a table lock', () => {
        const selects = batchStatements.filter(({ sql }) => sql.startsWith('SELECT id, total FROM orders'));
        const updates = batchStatements.filter(({ sql }) => sql.startsWith('UPDATE orders'));
        // One SELECT … FOR UPDATE per batch, one more that finds nothing, and one for the pass that ends the run.
        expect(updates).toHaveLength(Math.ceil(pendingWhenRefused / BATCH_SIZE));
        expect(selects).toHaveLength(updates.length + 2);
        for (const { inTransaction, locks } of [...selects, ...updates]) {
          expect(inTransaction).toBe(true);
          const modes = locks!.map(({ mode }) => mode);
          expect(modes).toContain('RowShareLock');
          expect(modes.every((mode) => ['RowShareLock', 'RowExclusiveLock'].includes(mode))).toBe(true);
        }
      });

      test('the expand step holds ACCESS EXCLUSIVE only for an ALTER TABLE that writes no row', () => {
        const { statements } = traced.find(({ migration }) => migration === ADD_COLUMN)!;
        const alter = statements.find(({ sql }) => /^alter table/i.test(sql))!;
        expect(alter.locks).toContainEqual({ relation: 'orders', mode: 'AccessExclusiveLock' });
        expect(statements.some(({ sql }) => /^update/i.test(sql))).toBe(false);
      });

      test('004 and 005 each send one ALTER TABLE: ACCESS EXCLUSIVE until commit, no row written', () => {
        for (const step of [ALLOW_TOTAL_NULL, DROP_TOTAL]) {
          const { statements } = traced.find(({ migration }) => migration === step)!;
          const alters = statements.filter(({ sql }) => /^alter table/i.test(sql));
          expect(alters).toHaveLength(1);
          expect(alters[0].inTransaction).toBe(true);
          expect(alters[0].locks).toContainEqual({ relation: 'orders', mode: 'AccessExclusiveLock' });
          expect(statements.some(({ sql }) => /^(update|insert|delete)/i.test(sql))).toBe(false);
        }
      });
    }
  });
}

test(`the measured traces match trace.${engine}.json`, async () => {
  await matchTraceSnapshot(new URL(`trace.${engine}.json`, here), { engine, serverVersion: db.serverVersion, steps: measured });
});
