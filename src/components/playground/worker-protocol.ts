import type { TracedStatement } from '@site/examples/harness/lock-trace';
import type { Statement } from './compile';

export interface RunRequest {
  schema: string;
  statements: Statement[];
  /** Run the statements between BEGIN and COMMIT, as the tool's migrator does. */
  transaction: boolean;
}

export interface PostgresError {
  message: string;
  detail?: string;
  hint?: string;
  code?: string;
}

export interface StatementResult {
  sql: string;
  durationMs: number;
  /** The tracer's record; absent when the statement names no table of the schema. */
  trace?: TracedStatement;
}

export interface RunResult {
  /** The schema script failed: nothing of the migration ran. */
  schemaError?: PostgresError;
  statements: StatementResult[];
  /** The statement that failed, and whether a transaction it ran in was rolled back. */
  error?: PostgresError & { sql: string; rolledBack: boolean };
  tables: string[];
}

export type WorkerMessage =
  | { type: 'ready'; startMs: number }
  | { type: 'failed'; error: PostgresError }
  | { type: 'result'; id: number; result: RunResult };
