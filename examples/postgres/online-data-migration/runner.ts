// Runs the online data migrations: `jiti runner.ts [--max-count N] [--batch-size N]` with DATABASE_URL.
// Exit status, as nova-manage db online_data_migrations defines it: 0 when every row is migrated,
// 1 when --max-count stopped it with work left, 2 when a migration failed or found rows it cannot
// migrate, 127 for bad arguments. Run it again until it exits 0.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { clientDb, type Db } from '../../harness/index.ts';
import { migrateOrdersTotalCents, type BatchOptions, type MigrationCount } from './data-migrations/orders-total-cents.ts';

export type DataMigration = (db: Db, maxCount: number, options?: BatchOptions) => Promise<MigrationCount>;

// #region registry
/** Every online data migration of this release, by name. */
export const DATA_MIGRATIONS: Record<string, DataMigration> = {
  orders_total_cents: migrateOrdersTotalCents,
};
// #endregion registry

export interface RunResult {
  exitCode: 0 | 1 | 2;
  totals: Record<string, MigrationCount>;
  errors: { migration: string; message: string }[];
}

// #region run
/**
 * Calls every migration until none finds work (or `maxCount` rows have been found in all): each
 * pass gives each migration what is left of the budget.
 */
export async function runDataMigrations(
  db: Db,
  { maxCount = Infinity, batchSize, migrations = DATA_MIGRATIONS }: { maxCount?: number; batchSize?: number; migrations?: Record<string, DataMigration> } = {},
): Promise<RunResult> {
  const totals: RunResult['totals'] = Object.fromEntries(Object.keys(migrations).map((name) => [name, { found: 0, done: 0 }]));
  const errors: RunResult['errors'] = [];
  let budget = maxCount;
  for (;;) {
    const pass = { found: 0, done: 0 };
    for (const [name, migrate] of Object.entries(migrations)) {
      if (budget <= 0 || errors.some(({ migration }) => migration === name)) continue;
      try {
        const { found, done } = await migrate(db, budget, { batchSize });
        totals[name].found += found;
        totals[name].done += done;
        pass.found += found;
        pass.done += done;
        budget -= found;
      } catch (error) {
        errors.push({ migration: name, message: (error as Error).message });
      }
    }
    if (budget <= 0) return { exitCode: errors.length > 0 ? 2 : 1, totals, errors };
    if (pass.found === 0) return { exitCode: errors.length > 0 ? 2 : 0, totals, errors };
    if (pass.done === 0) {
      // Another pass would find the same rows again: they need a person, not a retry.
      errors.push({ migration: '*', message: `${pass.found} rows were found that cannot be migrated` });
      return { exitCode: 2, totals, errors };
    }
  }
}
// #endregion run

const USAGE = 'usage: runner.ts [--max-count N] [--batch-size N]   (DATABASE_URL names the database)';

function positive(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`not a positive integer: ${value}`);
  return number;
}

/** The command: parses `args`, runs on `db`, prints a summary and returns the exit status. */
export async function main(args: string[], db: Db, print: (line: string) => void = console.log): Promise<number> {
  let options: { maxCount?: number; batchSize?: number };
  try {
    const { values } = parseArgs({ args, options: { 'max-count': { type: 'string' }, 'batch-size': { type: 'string' } } });
    options = { maxCount: positive(values['max-count']), batchSize: positive(values['batch-size']) };
  } catch (error) {
    print((error as Error).message);
    print(USAGE);
    return 127;
  }
  const { exitCode, totals, errors } = await runDataMigrations(db, options);
  for (const [name, { found, done }] of Object.entries(totals)) print(`${name}: found ${found}, done ${done}`);
  for (const { migration, message } of errors) print(`error in ${migration}: ${message}`);
  print(['All rows are migrated.', 'More rows may remain: run it again.', 'Some rows were not migrated: see the errors above.'][exitCode]);
  return exitCode;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    process.exitCode = await main(process.argv.slice(2), clientDb(client)).finally(() => client.end());
  } else {
    console.error(`DATABASE_URL is not set\n${USAGE}`);
    process.exitCode = 127;
  }
}
