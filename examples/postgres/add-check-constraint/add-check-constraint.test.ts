import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  engine,
  knexRunner,
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
import * as releaseN from './release-n/products.ts';
import * as releaseN1 from './release-n1/products.ts';
import { insertSampleProducts, profileSample } from './sample-data.ts';

const here = new URL('./', import.meta.url);
const CREATE_STEP = '001_create_products';
const ADD_STEP = '002_add_products_discount_check';
const CAP_STEP = '003_cap_products_discount';
const VALIDATE_STEP = '004_validate_products_discount_check';
const TABLES = ['products'];

const CHECK_VIOLATION = { code: '23514' };
const NOT_VALID_CHECK = 'CHECK ((discount_cents <= price_cents)) NOT VALID';
const VALID_CHECK = 'CHECK ((discount_cents <= price_cents))';

interface Variant {
  tool: string;
  /** The unsafe migration adds the CHECK validated, in one step. */
  unsafe: boolean;
  open(db: TestDatabase): Promise<MigrationRunner>;
}

const variants: Variant[] = [
  { ...unsafeKnexRecipe(here, ADD_STEP), unsafe: true },
  ...toolRecipes(here).map((recipe) => ({ ...recipe, unsafe: false })),
];

/** Each release adds a product with a discount above its price, and reads it back. */
const releases = {
  async n(db: Db) {
    const id = await releaseN.addProduct(db, { name: 'Zoë’s mug', priceCents: 1_000, discountCents: 200 });
    await releaseN.setDiscount(db, id, 1_500);
    expect(await releaseN.findProduct(db, id)).toEqual({ id, name: 'Zoë’s mug', priceCents: 1_000, discountCents: 1_500 });
  },
  async n1(db: Db) {
    const id = await releaseN1.addProduct(db, { name: '抹茶 セット', priceCents: 800, discountCents: 5_000 });
    expect(await releaseN1.findProduct(db, id)).toEqual({ id, name: '抹茶 セット', priceCents: 800, discountCents: 800 });
    await releaseN1.setDiscount(db, id, 300);
    expect(await releaseN1.findProduct(db, id)).toMatchObject({ discountCents: 300 });
  },
};

/** Release N, still running once the constraint exists: its discount above the price is refused. */
async function releaseNIsRefused(db: Db) {
  await expect(releases.n(db)).rejects.toMatchObject({
    ...CHECK_VIOLATION,
    message: 'new row for relation "products" violates check constraint "products_discount_check"',
  });
}

async function constraint(db: Db) {
  const { rows } = await db.query(
    `SELECT convalidated AS validated, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint WHERE conname = 'products_discount_check'`,
  );
  return rows[0];
}

const overDiscounted = async (db: Db) => (await profileSample(db)).overDiscounted;

// The products as they should be once capped: the same rows, each discount at most the price.
const PRODUCTS_CAPPED = '(SELECT id, name, price_cents, least(discount_cents, price_cents), description FROM products)';

const withSample = (overDiscounted: boolean) => async (db: Db) => {
  await insertSampleProducts(db, { overDiscounted });
  return tableFingerprint(db, 'products');
};

const capNow = async (db: Db) => db.exec(await readFile(new URL(`sql/${CAP_STEP}.sql`, here), 'utf8'));

const checks = ({ unsafe }: Variant): Record<string, StepCheck<any>> => ({
  [CREATE_STEP]: {
    async check(db) {
      expect(await tableFingerprint(db, 'products')).toEqual({ rows: 0, md5: expect.any(String) });
      // Both releases run side by side during the rollout; release N still writes a discount above the price.
      await releases.n(db);
      expect(await overDiscounted(db)).toBe(1);
      await releases.n1(db);
    },
  },
  [ADD_STEP]: unsafe
    ? {
        // Over such rows the validated CHECK cannot even be added (see below): they are capped first, as 003 does.
        async before(db) {
          await insertSampleProducts(db, { overDiscounted: false });
          await capNow(db);
          return tableFingerprint(db, 'products');
        },
        async check(db, before) {
          expect(await tableFingerprint(db, 'products')).toEqual(before);
          expect(await constraint(db)).toEqual({ validated: true, definition: VALID_CHECK });
          await releaseNIsRefused(db);
          await releases.n1(db);
        },
      }
    : {
        before: withSample(true),
        async check(db, before) {
          expect(await tableFingerprint(db, 'products')).toEqual(before);
          expect(await constraint(db)).toEqual({ validated: false, definition: NOT_VALID_CHECK });
          // The existing rows were not checked, but a new one is refused already.
          expect(await overDiscounted(db)).toBeGreaterThan(1);
          await releaseNIsRefused(db);
          await releases.n1(db);
        },
      },
  [CAP_STEP]: {
    async before(db) {
      await insertSampleProducts(db, { overDiscounted: false });
      expect(await overDiscounted(db)).toBeGreaterThan(0);
      return { products: await tableFingerprint(db, 'products'), capped: await tableFingerprint(db, PRODUCTS_CAPPED) };
    },
    async check(db, before) {
      expect(await overDiscounted(db)).toBe(0);
      // Every product is still there and only the discounts above the price changed.
      expect(await tableFingerprint(db, PRODUCTS_CAPPED)).toEqual(before.capped);
      expect(await tableFingerprint(db, 'products')).not.toEqual(before.products);
      await releaseNIsRefused(db);
      await releases.n1(db);
    },
  },
  [VALIDATE_STEP]: {
    before: withSample(false),
    async check(db, before) {
      expect(await tableFingerprint(db, 'products')).toEqual(before);
      expect(await constraint(db)).toEqual({ validated: true, definition: VALID_CHECK });
      await releaseNIsRefused(db);
      await releases.n1(db);
    },
  },
});

const measured: TraceSnapshot['steps'] = [];
const db = await openDatabase();
afterAll(() => db.close());

const resetSchema = () => db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');

/** The modes a traced statement holds on products and its indexes. */
const modesOn = (locks: { relation: string; mode: string }[] | null, relation = 'products') =>
  (locks ?? []).filter((lock) => lock.relation === relation).map(({ mode }) => mode);

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

  test('the sample data has NULLs, repeated names, non-ASCII names and long values', async () => {
    const profile = await profileSample(db);
    expect(profile.noDescription).toBeGreaterThan(0);
    expect(profile.repeatedNames).toBeGreaterThan(0);
    expect(profile.nonAsciiNames).toBeGreaterThan(0);
    expect(profile.longestDescription).toBeGreaterThan(8_000);
    expect(profile.overDiscounted).toBe(0);
  });

  test('adding the CHECK holds ACCESS EXCLUSIVE on products until commit, rewriting nothing', () => {
    const [statement, ...others] = traced.get(ADD_STEP)!;
    expect(others).toEqual([]);
    expect(statement.sql).toMatch(variant.unsafe ? /add constraint "?products_discount_check"? check ?\(discount_cents <= price_cents\)$/i : /CHECK \(discount_cents <= price_cents\) NOT VALID;?$/);
    expect(statement.inTransaction).toBe(true);
    expect(modesOn(statement.locks)).toContain('AccessExclusiveLock');
    expect(statement.rewritten).toEqual([]);
  });

  test.runIf(!variant.unsafe)('capping the discounts takes only row locks', () => {
    const [statement, ...others] = traced.get(CAP_STEP)!;
    expect(others).toEqual([]);
    expect(statement.sql).toMatch(/^update "?products"?/i);
    if (statement.inTransaction) expect(modesOn(statement.locks)).toEqual(['RowExclusiveLock']);
    expect(statement.rewritten).toEqual([]);
  });

  test.runIf(!variant.unsafe)('validating holds SHARE UPDATE EXCLUSIVE on products, which lets reads and writes go on', () => {
    const [statement, ...others] = traced.get(VALIDATE_STEP)!;
    expect(others).toEqual([]);
    expect(statement.sql).toMatch(/^ALTER TABLE products VALIDATE CONSTRAINT products_discount_check;?$/);
    expect(statement.rewritten).toEqual([]);
    // Alone in its .sql file, the statement runs as a transaction of its own: its locks end with it.
    if (!statement.inTransaction) return expect(statement.locks).toBeNull();
    expect(modesOn(statement.locks)).toEqual(['ShareUpdateExclusiveLock']);
  });
});

test(`the measured traces match trace.${engine}.json`, async () => {
  expect([...new Set(measured.map(({ tool }) => tool))]).toEqual(variants.map(({ tool }) => tool));
  await matchTraceSnapshot(new URL(`trace.${engine}.json`, here), { engine, serverVersion: db.serverVersion, steps: measured });
});

describe('over products with a discount above the price', () => {
  const sqlFile = (step: string) => fileURLToPath(new URL(`sql/${step}.sql`, here));

  afterAll(resetSchema);

  test('the validated CHECK of unsafe/ fails, and the migration leaves nothing behind', async () => {
    const runner = await unsafeKnexRecipe(here, ADD_STEP).open(db);
    try {
      await runner.up();
      await insertSampleProducts(db, { overDiscounted: true });
      await expect(runner.up()).rejects.toMatchObject({
        ...CHECK_VIOLATION,
        message: expect.stringMatching(/check constraint "products_discount_check" of relation "products" is violated by some row$/),
      });
      expect(await constraint(db)).toBeUndefined();
    } finally {
      await runner.close();
      await resetSchema();
    }
  });

  test('VALIDATE fails while such rows remain; once 003 capped them, it succeeds', async () => {
    const skipping = await sqlRunner(db, [CREATE_STEP, ADD_STEP, VALIDATE_STEP].map(sqlFile));
    const resuming = await sqlRunner(db, [CAP_STEP, VALIDATE_STEP].map(sqlFile));
    try {
      await skipping.up();
      await insertSampleProducts(db, { overDiscounted: true });
      await skipping.up();
      expect(await overDiscounted(db)).toBeGreaterThan(0);
      await expect(skipping.up()).rejects.toMatchObject({
        ...CHECK_VIOLATION,
        message: 'check constraint "products_discount_check" of relation "products" is violated by some row',
      });
      expect(await constraint(db)).toEqual({ validated: false, definition: NOT_VALID_CHECK });

      await resuming.up();
      expect(await overDiscounted(db)).toBe(0);
      await resuming.up();
      expect(await constraint(db)).toEqual({ validated: true, definition: VALID_CHECK });
    } finally {
      await Promise.all([skipping.close(), resuming.close()]);
      await resetSchema();
    }
  });

  test("deployed in one batch, Knex's migrate.latest() runs VALIDATE in 002's transaction, still holding ACCESS EXCLUSIVE", async () => {
    const runner = await knexRunner(db, await scenarioFiles(here, 'knex'));
    try {
      await runner.up();
      await insertSampleProducts(db, { overDiscounted: true });
      const statements = await traceLocks(runner.session, TABLES, async () => {
        expect(await runner.latest()).toEqual([ADD_STEP, CAP_STEP, VALIDATE_STEP]);
      });
      const validate = statements.find(({ sql }) => /validate constraint/i.test(sql))!;
      expect(validate.inTransaction).toBe(true);
      expect(modesOn(validate.locks)).toContain('AccessExclusiveLock');
      expect(await constraint(db)).toEqual({ validated: true, definition: VALID_CHECK });
    } finally {
      await runner.close();
      await resetSchema();
    }
  });
});

describe.runIf(engine === 'postgres')('reads and writes from another connection while each statement holds its locks', () => {
  const OTHERS = [`INSERT INTO products (name, price_cents) VALUES ('Written meanwhile', 100)`, 'SELECT count(*) FROM products'];
  let runner: MigrationRunner;

  beforeAll(async () => {
    runner = await sqlRunner(db, await scenarioFiles(here, 'sql'));
    await runner.up();
    await insertSampleProducts(db, { overDiscounted: false });
  });

  afterAll(async () => {
    await runner?.close();
    await resetSchema();
  });

  test('the validated CHECK of unsafe/ blocks reads and writes', async () => {
    const unsafe = measured.find(({ tool, migration }) => tool === 'knex (unsafe)' && migration === ADD_STEP)!;
    expect(await completedWhileHeld(db, unsafe.statements.map(({ sql }) => sql), OTHERS)).toEqual([false, false]);
  });

  test('the NOT VALID CHECK blocks them too, for as long as it takes to add it', async () => {
    expect(await completedWhileHeld(db, await scenarioSqlStatements(here, ADD_STEP), OTHERS)).toEqual([false, false]);
  });

  test('VALIDATE lets reads and writes through', async () => {
    await runner.up(); // 002: the NOT VALID CHECK, committed
    expect(await completedWhileHeld(db, await scenarioSqlStatements(here, VALIDATE_STEP), OTHERS)).toEqual([true, true]);
  });
});
