import { afterAll, beforeAll, expect, test } from 'vitest';
import { engine, matchTraceSnapshot, openDatabase, Session, traceLocks, type TraceSnapshot } from '../../harness/index.ts';

// Which ALTER COLUMN … TYPE changes rewrite the table or its index, measured one table per change:
// each table has one column, `value`, with an index on it and rows of the old type.

interface TypeChange {
  table: string;
  from: string;
  to: string;
  /** SELECT list that fills 2,000 rows of the old type from n. */
  values: string;
  /** The session's TimeZone during the change, where it matters. */
  timeZone?: string;
  /** What the change writes anew: the table (and so its index too), the index alone, or nothing. */
  rewrites: 'nothing' | 'index' | 'table';
}

// #region cases
const CHANGES: TypeChange[] = [
  { table: 'varchar_longer', from: 'varchar(20)', to: 'varchar(64)', values: `'sku-' || n`, rewrites: 'nothing' },
  { table: 'varchar_to_text', from: 'varchar(64)', to: 'text', values: `'título ' || n`, rewrites: 'nothing' },
  { table: 'varchar_unbounded', from: 'varchar(64)', to: 'varchar', values: `'名前 ' || n`, rewrites: 'nothing' },
  { table: 'numeric_more_precision', from: 'numeric(10,2)', to: 'numeric(12,2)', values: 'n / 7.0', rewrites: 'nothing' },
  { table: 'timestamp_to_timestamptz_utc', from: 'timestamp', to: 'timestamptz', timeZone: 'UTC', values: `timestamp '2024-01-01' + n * interval '1 hour'`, rewrites: 'index' },
  { table: 'timestamp_to_timestamptz_paris', from: 'timestamp', to: 'timestamptz', timeZone: 'Europe/Paris', values: `timestamp '2024-01-01' + n * interval '1 hour'`, rewrites: 'table' },
  { table: 'varchar_shorter', from: 'varchar(64)', to: 'varchar(20)', values: `'sku-' || n`, rewrites: 'table' },
  { table: 'text_to_varchar', from: 'text', to: 'varchar(64)', values: `'título ' || n`, rewrites: 'table' },
  { table: 'numeric_other_scale', from: 'numeric(10,2)', to: 'numeric(10,3)', values: 'n / 7.0', rewrites: 'table' },
  { table: 'integer_to_bigint', from: 'integer', to: 'bigint', values: 'n', rewrites: 'table' },
];
// #endregion cases

const db = await openDatabase();
let session: Session;
const measured: TraceSnapshot['steps'] = [];

beforeAll(async () => {
  for (const { table, from, values } of CHANGES) {
    await db.exec(`CREATE TABLE ${table} (value ${from} NOT NULL); CREATE INDEX ${table}_idx ON ${table} (value)`);
    await db.query(`INSERT INTO ${table} (value) SELECT ${values} FROM generate_series(1, 2000) AS n`);
  }
  session = await Session.open(db);
  const client = await session.connect();
  try {
    for (const { table, from, to, timeZone } of CHANGES) {
      const statements = await traceLocks(session, [table], async () => {
        await client.query('BEGIN');
        if (timeZone) await client.query(`SET LOCAL TimeZone = '${timeZone}'`);
        await client.query(`ALTER TABLE ${table} ALTER COLUMN value TYPE ${to}`);
        await client.query('COMMIT');
      });
      measured.push({ tool: 'sql', migration: `${from} → ${to}${timeZone ? ` (TimeZone ${timeZone})` : ''}`, statements });
    }
  } finally {
    client.release();
  }
});

afterAll(async () => {
  await session?.end();
  await db.close();
});

test.each(CHANGES)('$from → $to rewrites $rewrites, under ACCESS EXCLUSIVE', async ({ table, to, rewrites }) => {
  const [alter] = measured.find(({ statements }) => statements[0].sql.startsWith(`ALTER TABLE ${table} `))!.statements;
  expect(alter.sql).toBe(`ALTER TABLE ${table} ALTER COLUMN value TYPE ${to}`);
  expect(alter.locks).toContainEqual({ relation: table, mode: 'AccessExclusiveLock' });
  const written = { nothing: [], index: [`${table}_idx`], table: [table, `${table}_idx`] }[rewrites];
  expect(alter.rewritten).toEqual(written);
  const { rows } = await db.query<{ type: string; rows: number }>(
    `SELECT format_type(atttypid, atttypmod) AS type, (SELECT count(*)::int FROM ${table}) AS rows
     FROM pg_attribute WHERE attrelid = '${table}'::regclass AND attname = 'value'`,
  );
  expect(rows[0]).toEqual({ type: to.replace('varchar', 'character varying').replace('timestamptz', 'timestamp with time zone'), rows: 2000 });
});

test(`the measured type changes match type-changes.${engine}.json`, async () => {
  await matchTraceSnapshot(new URL(`type-changes.${engine}.json`, import.meta.url), { engine, serverVersion: db.serverVersion, steps: measured });
});
