// Online data migration benchmark: backfills orders.total_cents on a real server while another
// connection keeps writing to the same table, and prints what the batches cost the writer.
// Not a test: the figures depend on the machine. `DATABASE_URL=… npm run bench:backfill [-- --rows N --batch-size N]`
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { clientDb, type Db } from '../../examples/harness/index.ts';
import { migrateOrdersTotalCents } from '../../examples/postgres/online-data-migration/data-migrations/orders-total-cents.ts';
import * as releaseN1 from '../../examples/postgres/online-data-migration/release-n1/orders.ts';
import { runDataMigrations } from '../../examples/postgres/online-data-migration/runner.ts';
import { insertReleaseNOrders } from '../../examples/postgres/online-data-migration/sample-data.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, 'batch-size': { type: 'string', default: '1000' } } });
const ROWS = Number(values.rows);
const BATCH_SIZE = Number(values['batch-size']);
const BASELINE_MS = 5_000;

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('This benchmark needs a real PostgreSQL server: set DATABASE_URL (for example `eval "$(bash .ci/postgres.sh start)"`).');
  process.exit(1);
}

async function connect(database: string): Promise<pg.Client> {
  const url = new URL(serverUrl!);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  return client;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

type Kind = 'insert' | 'update a random order' | 'update an order of the next batch';

/**
 * Release N+1 at work: places an order, updates the note of a random older one and, while the
 * backfill runs, of one among the next `BATCH_SIZE` rows it will lock. Every statement is timed.
 */
function startWriter(db: Db, nextBatchStart?: () => number) {
  const latencies: Record<Kind, number[]> = { insert: [], 'update a random order': [], 'update an order of the next batch': [] };
  let running = true;
  const timed = async (kind: Kind, statement: () => Promise<unknown>) => {
    const started = performance.now();
    await statement();
    latencies[kind].push(performance.now() - started);
  };
  const updateNote = (n: number, id: number) => db.query('UPDATE orders SET note = $1 WHERE id = $2', [`edited ${n}`, id]);
  const done = (async () => {
    for (let n = 0; running; n++) {
      await timed('insert', () => releaseN1.placeOrder(db, { customer: `Writer ${n}`, totalCents: BigInt(n), note: null }));
      await timed('update a random order', () => updateNote(n, 1 + Math.floor(Math.random() * ROWS)));
      if (nextBatchStart) await timed('update an order of the next batch', () => updateNote(n, nextBatchStart() + Math.floor(Math.random() * BATCH_SIZE)));
    }
  })();
  return {
    latencies,
    async stop() {
      running = false;
      await done;
    },
  };
}

function printWriter(title: string, latencies: Record<Kind, number[]>) {
  console.log(title);
  for (const [kind, values] of Object.entries(latencies)) {
    if (values.length === 0) continue;
    const sorted = [...values].sort((a, b) => a - b);
    console.log(`  ${kind}: ${sorted.length} statements, median ${ms(percentile(sorted, 0.5))}, p99 ${ms(percentile(sorted, 0.99))}, longest ${ms(sorted.at(-1)!)}`);
  }
}

const database = `bench_online_data_migration_${process.pid}`;
const admin = await connect(new URL(serverUrl).pathname.slice(1) || 'postgres');
await admin.query(`CREATE DATABASE ${database}`);
const migrator = await connect(database);
const writerClient = await connect(database);
try {
  const db = clientDb(migrator);
  const { rows: version } = await migrator.query('SHOW server_version');
  for (const file of ['001_create_orders.sql', '002_add_orders_total_cents.sql']) {
    await db.exec(await readFile(new URL(`../../examples/postgres/online-data-migration/sql/${file}`, import.meta.url), 'utf8'));
  }
  let started = performance.now();
  await insertReleaseNOrders(db, ROWS);
  await db.exec('VACUUM ANALYZE orders');
  console.log(`PostgreSQL ${version[0].server_version}: loaded ${ROWS} orders in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // The writer alone first, for comparison.
  const baseline = startWriter(clientDb(writerClient));
  await new Promise((resolve) => setTimeout(resolve, BASELINE_MS));
  await baseline.stop();
  printWriter(`writer alone (${BASELINE_MS / 1000} s):`, baseline.latencies);

  // Release N's ids are 1…ROWS, all without total_cents: the rows found so far are the ids done.
  let found = 0;
  const locked: number[] = [];
  const writer = startWriter(clientDb(writerClient), () => found + 1);
  started = performance.now();
  const count = await migrateOrdersTotalCents(db, Infinity, {
    batchSize: BATCH_SIZE,
    onBatch(batch) {
      locked.push(batch.lockedMs);
      found += batch.found;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  await writer.stop();
  const sortedLocks = [...locked].sort((a, b) => a - b);
  console.log(`backfill: ${count.done} of ${count.found} rows in ${seconds.toFixed(1)} s = ${Math.round(count.done / seconds)} rows/s`);
  console.log(`batches: ${locked.length} of up to ${BATCH_SIZE} rows; row locks held per batch: median ${ms(percentile(sortedLocks, 0.5))}, p99 ${ms(percentile(sortedLocks, 0.99))}, longest ${ms(sortedLocks.at(-1)!)}`);
  printWriter('writer during the backfill:', writer.latencies);
  const { exitCode } = await runDataMigrations(db);
  console.log(`runner afterwards: exit ${exitCode}`);
} finally {
  await Promise.all([migrator.end(), writerClient.end()]);
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
}
