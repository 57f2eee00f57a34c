import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type TestDatabase } from '../../../examples/harness/index.ts';
import { isBinaryCoercible, parseColumnType } from '../../src/model/type-changes.ts';

describe('parseColumnType', () => {
  it.each([
    ['character varying(20)', { name: 'varchar', modifiers: [20], arrayDepth: 0 }],
    ['VARCHAR (20)', { name: 'varchar', modifiers: [20], arrayDepth: 0 }],
    ['numeric(10, 2)', { name: 'numeric', modifiers: [10, 2], arrayDepth: 0 }],
    ['decimal', { name: 'numeric', modifiers: [], arrayDepth: 0 }],
    ['timestamp(3) with time zone', { name: 'timestamptz', modifiers: [3], arrayDepth: 0 }],
    ['timestamp without time zone', { name: 'timestamp', modifiers: [], arrayDepth: 0 }],
    ['int4[]', { name: 'integer', modifiers: [], arrayDepth: 1 }],
    ['text array', { name: 'text', modifiers: [], arrayDepth: 1 }],
    ['pg_catalog.bpchar(3)', { name: 'char', modifiers: [3], arrayDepth: 0 }],
  ])('reads %s', (text, parts) => {
    expect(parseColumnType(text)).toEqual(parts);
  });

  it('gives up on what it cannot read', () => {
    expect(parseColumnType('varchar(')).toBeUndefined();
    expect(parseColumnType('')).toBeUndefined();
  });
});

/** Sample values that every type of a case accepts. */
function sampleValue(type: string): string {
  if (/^(cidr|inet)/.test(type)) return "'10.0.0.0/8'";
  if (/^(bit|varbit)/.test(type)) return "B'10101'";
  if (/^(timestamp|time)/.test(type)) return "'2024-01-01 12:00:00.123456'";
  if (type.startsWith('interval')) return "'1 hour 2.5 seconds'";
  if (type.endsWith('[]')) return "'{1}'";
  return "'1'";
}

// Binary-coercible changes, and neighbours that are not: each is run on a real table with an index.
const CHANGES: [from: string, to: string][] = [
  ['varchar(10)', 'varchar(20)'],
  ['varchar(20)', 'varchar(10)'],
  ['varchar(10)', 'varchar'],
  ['varchar(10)', 'text'],
  ['text', 'varchar'],
  ['text', 'varchar(10)'],
  ['varchar', 'varchar(10)'],
  ['char(10)', 'char(20)'],
  ['char(10)', 'text'],
  ['numeric(10,2)', 'numeric(12,2)'],
  ['numeric(10,2)', 'numeric'],
  ['numeric(10,2)', 'numeric(12,3)'],
  ['numeric', 'numeric(10,2)'],
  ['cidr', 'inet'],
  ['inet', 'cidr'],
  ['varbit(5)', 'varbit(10)'],
  ['varbit(5)', 'varbit'],
  ['bit(5)', 'varbit'],
  ['timestamp(3)', 'timestamp(6)'],
  ['timestamptz(3)', 'timestamptz'],
  ['timestamp', 'timestamp(3)'],
  ['time(3)', 'time'],
  ['interval(3)', 'interval'],
  ['timestamp', 'timestamptz'],
  ['integer', 'bigint'],
  ['smallint', 'integer'],
  ['integer', 'integer'],
  ['varchar(10)[]', 'varchar(20)[]'],
  ['varchar(10)[]', 'text[]'],
];

describe('isBinaryCoercible agrees with Postgres', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openDatabase();
  }, 60_000);
  afterAll(() => db?.close());

  /** Whether ALTER COLUMN … TYPE kept the table's and the index's files (pg_class.relfilenode). */
  async function keepsTableAndIndex(from: string, to: string): Promise<boolean> {
    const files = async () =>
      (await db.query<{ relfilenode: number }>("SELECT relfilenode FROM pg_class WHERE relname IN ('t', 't_c') ORDER BY relname")).rows.map(
        (row) => row.relfilenode,
      );
    await db.exec(`DROP TABLE IF EXISTS t; CREATE TABLE t (c ${from}); CREATE INDEX t_c ON t (c);
      INSERT INTO t SELECT ${sampleValue(from)} FROM generate_series(1, 10)`);
    const before = await files();
    await db.exec(`ALTER TABLE t ALTER COLUMN c TYPE ${to}`);
    return JSON.stringify(await files()) === JSON.stringify(before);
  }

  it.each(CHANGES)('%s → %s', async (from, to) => {
    expect(isBinaryCoercible(from, to)).toBe(await keepsTableAndIndex(from, to));
  });

  it('covers both outcomes', () => {
    const coercible = CHANGES.filter(([from, to]) => isBinaryCoercible(from, to));
    expect(coercible.length).toBeGreaterThan(5);
    expect(CHANGES.length - coercible.length).toBeGreaterThan(5);
  });
});
