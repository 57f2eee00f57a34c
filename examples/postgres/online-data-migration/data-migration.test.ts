import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { openDatabase, scenarioFiles, sqlRunner, tableFingerprint, tryWrite, type Db } from '../../harness/index.ts';
import { migrateOrdersTotalCents } from './data-migrations/orders-total-cents.ts';
import { parseTotal } from './release-n1/money.ts';
import * as releaseN1 from './release-n1/orders.ts';
import { main, runDataMigrations } from './runner.ts';
import { insertReleaseNOrders } from './sample-data.ts';

const here = new URL('./', import.meta.url);
const ROWS = 1_200;
const RELEASE_N_COLUMNS = '(SELECT id, customer, total, note FROM orders)';

const db = await openDatabase();
afterAll(() => db.close());

// The schema of release N+1 (001 and 002), with release N's orders and a few of release N+1's.
beforeAll(async () => {
  const runner = await sqlRunner(db, (await scenarioFiles(here, 'sql')).slice(0, 2));
  await runner.up();
  await runner.up();
  await runner.close();
});

let releaseN1Orders: string[];
beforeEach(async () => {
  await db.exec('TRUNCATE orders RESTART IDENTITY');
  await insertReleaseNOrders(db, ROWS);
  releaseN1Orders = [];
  for (const cents of [1n, 99n, 123456n]) releaseN1Orders.push(await releaseN1.placeOrder(db, { customer: 'Ωmega', totalCents: cents, note: null }));
});

async function migrated(db: Db): Promise<{ done: number; pending: number; wrong: number }> {
  const { rows } = await db.query<{ total: string; total_cents: string | null }>('SELECT total, total_cents FROM orders');
  const done = rows.filter(({ total_cents }) => total_cents !== null);
  return {
    done: done.length,
    pending: rows.length - done.length,
    wrong: done.filter(({ total, total_cents }) => BigInt(total_cents!) !== parseTotal(total)).length,
  };
}

describe('a migration function', () => {
  test('migrates at most maxCount rows per call, in batches, and reports found and done', async () => {
    const batches: number[] = [];
    const count = await migrateOrdersTotalCents(db, 1_000, { batchSize: 400, onBatch: ({ found }) => batches.push(found) });
    expect(count).toEqual({ found: 1_000, done: 1_000 });
    expect(batches).toEqual([400, 400, 200]);
    expect(await migrated(db)).toEqual({ done: 1_000 + releaseN1Orders.length, pending: ROWS - 1_000, wrong: 0 });
  });

  test('is idempotent: once done, a call finds nothing and changes nothing', async () => {
    const before = await tableFingerprint(db, RELEASE_N_COLUMNS);
    // Release N+1's own orders already have total_cents: they are never found.
    expect(await migrateOrdersTotalCents(db, Infinity)).toEqual({ found: ROWS, done: ROWS });
    const after = await tableFingerprint(db, 'orders');
    expect(await migrateOrdersTotalCents(db, Infinity)).toEqual({ found: 0, done: 0 });
    expect(await tableFingerprint(db, 'orders')).toEqual(after);
    expect(await tableFingerprint(db, RELEASE_N_COLUMNS)).toEqual(before);
    expect(await migrated(db)).toEqual({ done: ROWS + releaseN1Orders.length, pending: 0, wrong: 0 });
  });
});

describe('beside a writer (two connections: a real server only)', () => {
  test.skipIf(db.engine === 'pglite')('a batch waits for a write in progress on one of its rows, keeps what it wrote, and locks only its own rows', async () => {
    const writer = await db.connect();
    const observer = await db.connect();
    try {
      // Release N+1 is changing order 500 (in the second batch of 300) and has not committed yet.
      await writer.query('BEGIN');
      await writer.query(`UPDATE orders SET total = '42.42', total_cents = 4242 WHERE id = 500`);
      const migration = migrateOrdersTotalCents(db, Infinity, { batchSize: 300 });
      for (let attempt = 0; ; attempt++) {
        // Only this test's database: other test files wait for locks on the same server meanwhile.
        const { rows } = await observer.query(
          `SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE NOT l.granted AND a.datname = current_database()`,
        );
        if (rows[0].waiting > 0) break;
        if (attempt > 250) throw new Error('The batch never waited for the open write');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // While it waits, the batch holds the rows it has locked (301–499), and no others.
      expect(await tryWrite(observer, `UPDATE orders SET note = 'edited' WHERE id = 400`)).toBe(false);
      expect(await tryWrite(observer, `UPDATE orders SET note = 'edited' WHERE id = 1100`)).toBe(true);
      await writer.query('COMMIT');
      // The batch re-checked order 500 after the commit: it has total_cents now, so it is not found.
      expect(await migration).toEqual({ found: ROWS - 1, done: ROWS - 1 });
      expect((await db.query('SELECT total_cents FROM orders WHERE id = 500')).rows).toEqual([{ total_cents: '4242' }]);
      expect(await migrated(db)).toEqual({ done: ROWS + releaseN1Orders.length, pending: 0, wrong: 0 });
    } finally {
      await Promise.all([writer.end(), observer.end()]);
    }
  });
});

describe('the runner', () => {
  test('exits 1 when --max-count stops it with work left, 0 once a pass finds nothing to do', async () => {
    expect(await runDataMigrations(db, { maxCount: 1_000 })).toEqual({ exitCode: 1, totals: { orders_total_cents: { found: 1_000, done: 1_000 } }, errors: [] });
    // The rest fits in the budget: the pass after it finds nothing, so the work is finished.
    expect(await runDataMigrations(db, { maxCount: 1_000 })).toEqual({ exitCode: 0, totals: { orders_total_cents: { found: 200, done: 200 } }, errors: [] });
    expect(await runDataMigrations(db)).toEqual({ exitCode: 0, totals: { orders_total_cents: { found: 0, done: 0 } }, errors: [] });
  });

  test('a failed batch loses nothing: it rolls back, the batches before it stay, and the next run resumes', async () => {
    const others = `(SELECT id, customer, total, note FROM orders WHERE id <> 1000)`;
    const before = await tableFingerprint(db, others);
    // A total too large for bigint: the UPDATE of the batch holding order 1,000 fails.
    await db.query(`UPDATE orders SET total = '99999999999999999999' WHERE id = 1000`);
    const failed = await runDataMigrations(db, { batchSize: 300 });
    expect(failed.exitCode).toBe(2);
    expect(failed.errors).toEqual([{ migration: 'orders_total_cents', message: 'value "9999999999999999999900" is out of range for type bigint' }]);
    // Batches 1–3 (ids 1–900) committed; batch 4 (ids 901–1,200) rolled back, untouched.
    expect(await migrated(db)).toEqual({ done: 900 + releaseN1Orders.length, pending: ROWS - 900, wrong: 0 });

    // Someone corrects the order; the next run picks up where the work is.
    await db.query(`UPDATE orders SET total = '999.99' WHERE id = 1000`);
    expect(await runDataMigrations(db, { batchSize: 300 })).toMatchObject({ exitCode: 0, totals: { orders_total_cents: { found: ROWS - 900, done: ROWS - 900 } } });
    expect(await migrated(db)).toEqual({ done: ROWS + releaseN1Orders.length, pending: 0, wrong: 0 });
    expect(await tableFingerprint(db, others)).toEqual(before);
  });

  test('exits 2 on totals that are not amounts, leaves them as they are, and the blocker keeps refusing', async () => {
    await db.query(`UPDATE orders SET total = 'n/a' WHERE id IN (10, 1100)`);
    const result = await runDataMigrations(db);
    expect(result).toEqual({
      exitCode: 2,
      totals: { orders_total_cents: { found: ROWS + 2, done: ROWS - 2 } },
      errors: [{ migration: '*', message: '2 rows were found that cannot be migrated' }],
    });
    expect(await migrated(db)).toMatchObject({ pending: 2, wrong: 0 });
    const blocker = await sqlRunner(db, (await scenarioFiles(here, 'sql')).slice(2));
    try {
      await expect(blocker.up()).rejects.toThrow(/^2 orders have no total_cents yet\./);
    } finally {
      await blocker.close();
    }
  });
});

describe('the command', () => {
  test('main() prints found and done per migration and returns the exit status', async () => {
    const lines: string[] = [];
    expect(await main(['--max-count', '50'], db, (line) => lines.push(line))).toBe(1);
    expect(await main(['--max-count', 'ten'], db, (line) => lines.push(line))).toBe(127);
    expect(await main([], db, (line) => lines.push(line))).toBe(0);
    expect(lines).toEqual([
      'orders_total_cents: found 50, done 50',
      'More rows may remain: run it again.',
      'not a positive integer: ten',
      'usage: runner.ts [--max-count N] [--batch-size N]   (DATABASE_URL names the database)',
      `orders_total_cents: found ${ROWS - 50}, done ${ROWS - 50}`,
      'All rows are migrated.',
    ]);
  });

  test.skipIf(db.engine === 'pglite')('as a process, it exits 1, then 0, then 2 (on PGlite, main() above shows the same mapping)', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${(await db.query<{ name: string }>('SELECT current_database() AS name')).rows[0].name}`;
    const run = (...args: string[]) =>
      promisify(execFile)(fileURLToPath(new URL('../../../node_modules/.bin/jiti', import.meta.url)), [fileURLToPath(new URL('runner.ts', here)), ...args], {
        env: { ...process.env, DATABASE_URL: url.href },
      }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    expect(await run('--max-count', '100')).toEqual({ code: 1, stdout: 'orders_total_cents: found 100, done 100\nMore rows may remain: run it again.\n' });
    expect(await run()).toEqual({ code: 0, stdout: `orders_total_cents: found ${ROWS - 100}, done ${ROWS - 100}\nAll rows are migrated.\n` });
    await db.query(`INSERT INTO orders (customer, total) VALUES ('Zoë', 'twelve')`);
    expect((await run()).code).toBe(2);
  });
});
