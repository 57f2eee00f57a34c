import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type TestDatabase } from '../../../examples/harness/index.ts';
import { VOLATILE_FUNCTIONS, isVolatileSqlText } from '../../src/sql/nodes.ts';

// Extension functions (uuid-ossp, pgcrypto) and newer built-ins are missing from some servers.
const NOT_EVERYWHERE = new Set(['uuid_generate_v1', 'uuid_generate_v1mc', 'uuid_generate_v4', 'gen_random_bytes', 'gen_salt', 'uuidv4', 'uuidv7', 'random_normal', 'array_shuffle', 'array_sample']);

describe('the volatile functions defaults are checked against', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openDatabase();
  }, 60_000);
  afterAll(() => db?.close());

  async function volatility(name: string): Promise<string[]> {
    const { rows } = await db.query<{ provolatile: string }>('SELECT provolatile FROM pg_proc WHERE proname = $1', [name]);
    return [...new Set(rows.map((row) => row.provolatile))];
  }

  it.each([...VOLATILE_FUNCTIONS])('%s is volatile in pg_proc', async (name) => {
    const found = await volatility(name);
    if (found.length === 0) expect(NOT_EVERYWHERE).toContain(name);
    else expect(found).toEqual(['v']);
  });

  it.each(['now', 'statement_timestamp', 'transaction_timestamp', 'txid_current'])(
    '%s is stable: evaluated once, so it is left out',
    async (name) => {
      expect(await volatility(name)).toEqual(['s']);
      expect(VOLATILE_FUNCTIONS.has(name)).toBe(false);
    },
  );

  it('finds calls in SQL text written in a builder', () => {
    expect(isVolatileSqlText("knex.raw('gen_random_uuid()')")).toBe(true);
    expect(isVolatileSqlText('sql`public.uuid_generate_v4()`')).toBe(true);
    expect(isVolatileSqlText("knex.raw('now()')")).toBe(false);
  });
});
