import type { Db } from './database.ts';
import type { MigrationRunner } from './migrations.ts';

/** What a migration step must prove about the data it runs over. */
export interface StepCheck<Data = unknown> {
  /** Runs before the step: inserts sample data and returns what `check` compares against. */
  before?(db: Db): Promise<Data>;
  /** Runs after the step: asserts the rows survived (or were transformed as intended). */
  check(db: Db, data: Data): Promise<void>;
}

export interface WalkOptions {
  db: Db;
  runner: MigrationRunner;
  /** One entry per step name: a step without a check fails the walk before anything runs. */
  checks: Record<string, StepCheck<any>>;
  /** Wraps each step, for example to trace its locks; the default just applies it. */
  apply?: (step: string, up: () => Promise<string>) => Promise<unknown>;
}

/**
 * Migration testing with data: applies the runner's history from the start, one step at a time,
 * with `before` (insert sample data) and `check` (assert it) around every step.
 */
export async function walkMigrations({ db, runner, checks, apply = (_, up) => up() }: WalkOptions): Promise<string[]> {
  const unchecked = runner.steps.filter((step) => !(step in checks));
  if (unchecked.length > 0) throw new Error(`Migration steps without a data check: ${unchecked.join(', ')}`);
  const unknown = Object.keys(checks).filter((step) => !runner.steps.includes(step));
  if (unknown.length > 0) throw new Error(`Checks for steps that do not exist: ${unknown.join(', ')}`);

  const applied: string[] = [];
  for (const step of runner.steps) {
    const { before, check } = checks[step];
    const data = await before?.(db);
    await apply(step, async () => {
      const name = await runner.up();
      if (name !== step) throw new Error(`Expected step ${step} to run next, but ${name} ran`);
      return name;
    });
    await check(db, data);
    applied.push(step);
  }
  return applied;
}

/**
 * Row count and an md5 over every row (ordered), to prove a step lost or changed nothing.
 * `table` is a table name or a parenthesised query (to fingerprint some columns only).
 */
export async function tableFingerprint(db: Db, table: string): Promise<{ rows: number; md5: string }> {
  const { rows } = await db.query<{ rows: number; md5: string }>(
    `SELECT count(*)::int AS rows,
            md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS md5
     FROM ${table} t`,
  );
  return rows[0];
}
