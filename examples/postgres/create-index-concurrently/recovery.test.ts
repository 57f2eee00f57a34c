import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { extractRegion } from '../../../src/components/regions.ts';
import {
  migrationFiles,
  openDatabase,
  splitStatements,
  sqlRunner,
  tableFingerprint,
  type MigrationRunner,
  type TestDatabase,
} from '../../harness/index.ts';
import { insertSampleUsers, profileSample, SAMPLE_ROWS } from './sample-data.ts';

const here = new URL('./', import.meta.url);
let db: TestDatabase;
let runner: MigrationRunner;
let recovery: string;

/** Runs one region of recovery.sql, each statement on its own (outside a transaction block). */
async function run(region: string) {
  const results = [];
  for (const statement of await splitStatements(extractRegion(recovery, 'recovery.sql', region))) {
    results.push(...(await db.query(statement)).rows);
  }
  return results;
}

async function emailIndex() {
  const { rows } = await db.query(
    `SELECT indisvalid AS valid, indisready AS ready FROM pg_index WHERE indexrelid = to_regclass('users_email_key')`,
  );
  return rows[0];
}

// Distinct rows: removing exact copies must not change them.
const DISTINCT_USERS = '(SELECT DISTINCT email, display_name, bio FROM users)';

beforeAll(async () => {
  recovery = await readFile(new URL('recovery.sql', here), 'utf8');
  db = await openDatabase();
  runner = await sqlRunner(db, await migrationFiles(new URL('sql/', here)));
  await runner.up(); // 001_create_users
  await insertSampleUsers(db);
});

afterAll(async () => {
  await runner?.close();
  await db?.close();
});

test('a failed unique concurrent build leaves an INVALID index, and IF NOT EXISTS keeps it', async () => {
  await expect(run('unique-build')).rejects.toMatchObject({ code: '23505' }); // unique_violation
  // It failed in its first scan: the index is not even ready, so it neither enforces uniqueness
  // nor is kept up to date by writes.
  expect(await emailIndex()).toEqual({ valid: false, ready: false });
  expect(await run('find-invalid')).toEqual([{ index: 'users_email_key', table_name: 'users' }]);
  await db.query(`INSERT INTO users (email, display_name, bio) SELECT email, display_name, bio FROM users WHERE id = 1`);

  // A retry written with IF NOT EXISTS sees the name taken and skips: the index stays invalid.
  await db.query('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email)');
  expect(await emailIndex()).toEqual({ valid: false, ready: false });
});

test('drop it concurrently, remove the duplicates, then the same build succeeds', async () => {
  const before = await tableFingerprint(db, DISTINCT_USERS);
  const sample = await profileSample(db);
  await run('drop-invalid');
  expect(await emailIndex()).toBeUndefined();

  await run('deduplicate');
  const after = await profileSample(db);
  expect(after.repeatedEmails).toBe(0);
  expect(after.rows).toBeLessThan(SAMPLE_ROWS);
  expect(after.nullEmails).toBe(sample.nullEmails); // NULLs never collide in a unique index
  expect(await tableFingerprint(db, DISTINCT_USERS)).toEqual(before); // only copies went

  await run('unique-build');
  expect(await emailIndex()).toEqual({ valid: true, ready: true });
  expect(await run('find-invalid')).toEqual([]);
  await expect(
    db.query(`INSERT INTO users (email, display_name) SELECT email, 'Again' FROM users WHERE email IS NOT NULL LIMIT 1`),
  ).rejects.toMatchObject({ code: '23505' });
});
