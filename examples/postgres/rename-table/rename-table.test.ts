import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
  type TraceSnapshot,
  type TracedStatement,
} from '../../harness/index.ts';
import * as releaseN from './release-n/customers.ts';
import * as releaseN1 from './release-n1/clients.ts';
import { insertSampleCustomers, profileSample, SAMPLE_ROWS } from './sample-data.ts';

const here = new URL('./', import.meta.url);
const CREATE_STEP = '001_create_customers';
const RENAME_STEP = '002_rename_customers_to_clients';
const DROP_VIEW_STEP = '003_drop_customers_view';
const UNSAFE_RENAME_STEP = '002_rename_customers_without_view';

const variants: Recipe[] = [unsafeKnexRecipe(here, UNSAFE_RENAME_STEP), ...toolRecipes(here)];

const UNDEFINED_TABLE = { code: '42P01' };

/**
 * Each release runs every kind of query it has (INSERT … RETURNING, an upsert, UPDATE, SELECT,
 * DELETE) and checks what it reads back; a release that cannot fails with the Postgres error.
 */
const releases = {
  async n(db: Db) {
    const id = await releaseN.signUp(db, { email: 'zoë@example.com', name: 'Zoë Ångström', note: null });
    expect(await releaseN.signUpOrRename(db, 'zoë@example.com', 'Zoë Å.')).toBe(id);
    expect(await releaseN.setNote(db, id, 'prefers email 🙂')).toBe(1);
    expect(await releaseN.findCustomer(db, id)).toEqual({ id, email: 'zoë@example.com', name: 'Zoë Å.', note: 'prefers email 🙂' });
    expect(await releaseN.removeCustomer(db, id)).toBe(1);
    expect(await releaseN.findCustomer(db, id)).toBeUndefined();
  },
  async n1(db: Db) {
    const id = await releaseN1.signUp(db, { email: null, name: '山田 太郎', note: 'x'.repeat(10_000) });
    expect(await releaseN1.signUpOrRename(db, 'taro@example.com', '山田 太郎')).not.toBe(id);
    expect(await releaseN1.setNote(db, id, 'moved to clients')).toBe(1);
    expect(await releaseN1.findClient(db, id)).toEqual({ id, email: null, name: '山田 太郎', note: 'moved to clients' });
    expect(await releaseN1.removeClient(db, id)).toBe(1);
    await db.query(`DELETE FROM clients WHERE email = 'taro@example.com'`);
  },
};

/** Every query of a release fails on the missing table, not only the first one tried. */
async function expectEveryQueryToFail(queries: (() => Promise<unknown>)[]) {
  for (const query of queries) await expect(query()).rejects.toMatchObject(UNDEFINED_TABLE);
}
const everyQueryOf = {
  n: (db: Db) => [
    () => releaseN.signUp(db, { email: null, name: 'Plain Ascii', note: null }),
    () => releaseN.signUpOrRename(db, 'zoë@example.com', 'Zoë'),
    () => releaseN.findCustomer(db, '1'),
    () => releaseN.setNote(db, '1', 'note'),
    () => releaseN.removeCustomer(db, '1'),
  ],
  n1: (db: Db) => [
    () => releaseN1.signUp(db, { email: null, name: 'Plain Ascii', note: null }),
    () => releaseN1.signUpOrRename(db, 'zoë@example.com', 'Zoë'),
    () => releaseN1.findClient(db, '1'),
    () => releaseN1.setNote(db, '1', 'note'),
    () => releaseN1.removeClient(db, '1'),
  ],
};

/** The table's identity on disk: the same oid and relfilenode mean it was renamed, not rewritten. */
async function storage(db: Db, table: string) {
  const { rows } = await db.query<{ oid: number; filenode: string; kind: string }>(
    `SELECT oid::int, relfilenode::text AS filenode, relkind::text AS kind FROM pg_class WHERE oid = to_regclass($1)`,
    [table],
  );
  return rows[0];
}

interface Before {
  rows: { rows: number; md5: string };
  storage: { oid: number; filenode: string; kind: string };
}

const renameCheck = (keepsView: boolean): StepCheck<Before> => ({
  async before(db) {
    await insertSampleCustomers(db, 'customers');
    return { rows: await tableFingerprint(db, 'customers'), storage: await storage(db, 'customers') };
  },
  async check(db, before) {
    expect(await tableFingerprint(db, 'clients')).toEqual(before.rows);
    expect(await storage(db, 'clients')).toEqual(before.storage);
    await releases.n1(db);
    if (!keepsView) {
      expect(await storage(db, 'customers')).toBeUndefined();
      await expectEveryQueryToFail(everyQueryOf.n(db));
      return;
    }
    // The view shows every row, and Postgres counts it as automatically updatable.
    expect(await storage(db, 'customers')).toMatchObject({ kind: 'v', filenode: '0' });
    expect(await tableFingerprint(db, 'customers')).toEqual(before.rows);
    const { rows } = await db.query(
      `SELECT is_updatable, is_insertable_into FROM information_schema.views WHERE table_name = 'customers'`,
    );
    expect(rows).toEqual([{ is_updatable: 'YES', is_insertable_into: 'YES' }]);
    await releases.n(db);
    expect(await tableFingerprint(db, 'clients')).toEqual(before.rows);
  },
});

const checks: Record<string, StepCheck<any>> = {
  [CREATE_STEP]: {
    async check(db) {
      expect(await tableFingerprint(db, 'customers')).toEqual({ rows: 0, md5: expect.any(String) });
      await releases.n(db);
      // Release N+1 names clients, which does not exist yet: it has to wait for 002.
      await expectEveryQueryToFail(everyQueryOf.n1(db));
    },
  },
  [RENAME_STEP]: renameCheck(true),
  // The rename shipped with release N+1 and no view, while release N still runs.
  [UNSAFE_RENAME_STEP]: renameCheck(false),
  // The contract step, once release N is retired.
  [DROP_VIEW_STEP]: {
    async before(db) {
      await insertSampleCustomers(db, 'clients');
      return { rows: await tableFingerprint(db, 'clients'), storage: await storage(db, 'clients') };
    },
    async check(db, before: Before) {
      expect(await tableFingerprint(db, 'clients')).toEqual(before.rows);
      expect(await storage(db, 'clients')).toEqual(before.storage);
      expect(await storage(db, 'customers')).toBeUndefined();
      await expectEveryQueryToFail(everyQueryOf.n(db));
      await releases.n1(db);
    },
  },
};

// Traced by the names each step leaves: the table is clients once renamed; 003 drops the view customers.
const TRACED_TABLES: Record<string, string[]> = {
  [RENAME_STEP]: ['clients'],
  [UNSAFE_RENAME_STEP]: ['clients'],
  [DROP_VIEW_STEP]: ['customers', 'clients'],
};
const measured: TraceSnapshot['steps'] = [];
let db: TestDatabase;

beforeAll(async () => {
  db = await openDatabase();
});

afterAll(() => db?.close());

describe.each(variants)('$tool', ({ tool, open }) => {
  let runner: MigrationRunner;
  const traced: TraceSnapshot['steps'] = [];
  let sample: Awaited<ReturnType<typeof profileSample>>;

  beforeAll(async () => {
    runner = await open(db);
    const stepChecks = Object.fromEntries(runner.steps.map((step) => [step, checks[step]]));
    await walkMigrations({
      db,
      runner,
      checks: stepChecks,
      async apply(step, up) {
        const tables = TRACED_TABLES[step];
        if (!tables) return up();
        traced.push({ tool, migration: step, statements: await traceLocks(runner.session, tables, up) });
      },
    });
    measured.push(...traced);
    sample = await profileSample(db, 'clients');
  });

  afterAll(async () => {
    await runner?.close();
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  });

  test('the sample data has NULLs, repeated names, non-ASCII names and long values', () => {
    expect(sample.rows).toBeGreaterThanOrEqual(SAMPLE_ROWS);
    expect(sample.nullEmails).toBeGreaterThan(0);
    expect(sample.repeatedNames).toBeGreaterThan(0);
    expect(sample.nonAsciiNames).toBeGreaterThan(0);
    expect(sample.longestNote).toBeGreaterThan(8_000);
  });

  test('the rename holds ACCESS EXCLUSIVE on the table until commit; the view and its drop rewrite nothing', () => {
    expect(traced.map(({ migration }) => migration)).toEqual(runner.steps.filter((step) => step in TRACED_TABLES));
    for (const { migration, statements } of traced) {
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements) {
        expect(statement.inTransaction).toBe(true);
        expect(statement.rewritten).toEqual([]);
      }
      if (migration === DROP_VIEW_STEP) {
        expect(statements.map(({ sql }) => sql)).toEqual([expect.stringMatching(/^drop view "?customers"?;?$/i)]);
        // Nothing on clients; the lock on the dropped view is measured in the test of the view below.
        expect(statements[0].locks).toEqual([]);
        continue;
      }
      expect(statements[0].sql).toMatch(/^alter table "?customers"? rename to "?clients"?;?$/i);
      expect(statements[0].locks).toContainEqual({ relation: 'clients', mode: 'AccessExclusiveLock' });
    }
  });
});

test(`the measured traces match trace.${engine}.json`, async () => {
  expect([...new Set(measured.map(({ tool }) => tool))]).toEqual(variants.map(({ tool }) => tool));
  await matchTraceSnapshot(new URL(`trace.${engine}.json`, here), { engine, serverVersion: db.serverVersion, steps: measured });
});

describe('the compatibility view, after the SQL recipe\'s 002', () => {
  let runner: MigrationRunner;
  let renameWaited: TracedStatement['whileRunning'];

  beforeAll(async () => {
    runner = await sqlRunner(db, await scenarioFiles(here, 'sql'));
    await runner.up();
    if (engine === 'pglite') {
      await runner.up();
      return;
    }
    // Another connection keeps a write transaction open on customers, so the rename has to wait.
    const write = `INSERT INTO customers (name) VALUES ('queued')`;
    const trace = await traceLocksWhileWaiting(db, runner.session, { tables: ['customers'], write }, () => runner.up());
    renameWaited = trace.find(({ whileRunning }) => whileRunning)?.whileRunning;
  });

  afterAll(async () => {
    await runner?.close();
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  });

  test.skipIf(engine === 'pglite')('while the rename waits for an open transaction, writes to customers queue behind it', () => {
    expect(renameWaited).toEqual({
      waitingFor: { lock: 'relation', relation: 'customers', mode: 'AccessExclusiveLock' },
      locks: [],
      concurrentWrite: { sql: expect.stringMatching(/^INSERT INTO customers/), completed: false },
    });
  });

  test('the indexes, constraints and sequence of clients keep the names they had under customers', async () => {
    const { rows } = await db.query<{ name: string }>(
      `SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = 'clients'::regclass
       UNION SELECT conname FROM pg_constraint WHERE conrelid = 'clients'::regclass
       UNION SELECT pg_get_serial_sequence('clients', 'id')
       ORDER BY name`,
    );
    // PostgreSQL 18 records NOT NULL as named constraints too.
    const notNull = db.serverVersion >= 18 ? ['customers_id_not_null', 'customers_name_not_null'] : [];
    expect(rows.map(({ name }) => name)).toEqual(
      ['customers_email_key', ...notNull, 'customers_pkey', 'public.customers_id_seq'].sort(),
    );
  });

  test('ON CONFLICT (column) works through the view, ON CONFLICT ON CONSTRAINT only on the table', async () => {
    const upsert = (table: string, target: string) =>
      db.query(`INSERT INTO ${table} (email, name) VALUES ('ann@example.com', 'Ann') ON CONFLICT ${target} DO NOTHING RETURNING id`);
    expect((await upsert('customers', '(email)')).rows).toHaveLength(1);
    expect((await upsert('customers', '(email)')).rows).toHaveLength(0);
    await expect(upsert('customers', 'ON CONSTRAINT customers_email_key')).rejects.toMatchObject({ code: '42704' });
    expect((await upsert('clients', 'ON CONSTRAINT customers_email_key')).rows).toHaveLength(0);
  });

  test('MERGE into the view works from PostgreSQL 17 on', async () => {
    const merge = db.query(
      `MERGE INTO customers c USING (VALUES ('max@example.com', 'Max')) AS v(email, name) ON c.email = v.email
       WHEN MATCHED THEN UPDATE SET name = v.name WHEN NOT MATCHED THEN INSERT (email, name) VALUES (v.email, v.name)`,
    );
    if (db.serverVersion < 17) {
      await expect(merge).rejects.toMatchObject({ code: '0A000' }); // feature_not_supported
      return;
    }
    await merge;
    expect((await db.query(`SELECT name FROM clients WHERE email = 'max@example.com'`)).rows).toEqual([{ name: 'Max' }]);
  });

  test('TRUNCATE and COPY FROM do not work on the view', async () => {
    await expect(db.query('TRUNCATE customers')).rejects.toMatchObject({ code: '42809' });
    await expect(db.query('COPY customers FROM STDIN')).rejects.toMatchObject({ code: '42809' });
  });

  test('a column added to clients later is not in the view: SELECT * was expanded when the view was created', async () => {
    await db.exec('ALTER TABLE clients ADD COLUMN tier text');
    const { rows } = await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'customers' ORDER BY ordinal_position`);
    expect(rows.map(({ column_name }) => column_name)).toEqual(['id', 'email', 'name', 'note']);
    await expect(db.query(`INSERT INTO customers (name, tier) VALUES ('Ann', 'gold')`)).rejects.toMatchObject({ code: '42703' });
    await db.exec('ALTER TABLE clients DROP COLUMN tier');
  });

  test('003 holds ACCESS EXCLUSIVE on the view it drops until commit, and no lock on clients', async () => {
    const { rows: [{ view }] } = await db.query<{ view: number }>(`SELECT 'customers'::regclass::oid::int AS view`);
    await db.exec(`BEGIN; SET LOCAL lock_timeout = '2s'; DROP VIEW customers`);
    try {
      const { rows } = await db.query(
        `SELECT CASE relation WHEN $1 THEN 'customers' ELSE relation::regclass::text END AS relation, mode
         FROM pg_locks WHERE pid = pg_backend_pid() AND (relation = $1 OR relation = 'clients'::regclass)`,
        [view],
      );
      expect(rows).toEqual([{ relation: 'customers', mode: 'AccessExclusiveLock' }]);
    } finally {
      await db.exec('ROLLBACK');
    }
  });
});
