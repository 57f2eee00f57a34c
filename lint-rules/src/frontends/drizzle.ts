import type { TransactionContext } from '../model/migration.ts';
import type { JsFrontend } from './frontend.ts';
import { importsFrom, recognitionScore } from './js/detect.ts';
import { taggedSql } from './kysely.ts';

/** Payload's Postgres adapters re-export drizzle-orm's `sql` and type the migration arguments. */
const PAYLOAD_MODULES = ['@payloadcms/db-postgres', '@payloadcms/db-vercel-postgres'];

/**
 * TypeScript migrations that run drizzle-orm's `sql` templates: `await db.execute(sql\`…\`)`, as
 * Payload generates them. drizzle-orm's tag binds an interpolation as a parameter, inlines
 * `sql.raw(text)` and quotes `sql.identifier(name)`, as Kysely's tag does.
 */
export const drizzleFrontend: JsFrontend = {
  tool: 'drizzle',
  recognise: (program, functions) =>
    recognitionScore(program, functions, {
      modules: ['drizzle-orm', ...PAYLOAD_MODULES],
      parameterTypes: ['MigrateUpArgs', 'MigrateDownArgs'],
    }),
  operations: (context) => taggedSql(context),
  transaction: (program) => (importsFrom(program, PAYLOAD_MODULES) ? PAYLOAD_TRANSACTION : UNKNOWN_RUNNER),
};

// Payload's `migrate` calls `initTransaction(req)` before each `up` and hands it the transaction's `db`.
const PAYLOAD_TRANSACTION: TransactionContext = {
  wrapped: true,
  reason: 'Payload runs each migration in its own transaction and passes that transaction as `db`',
  optOut:
    "set the database adapter's `transactionOptions: false` (Payload has no per-migration opt-out, so this turns transactions off for every migration)",
};

const UNKNOWN_RUNNER: TransactionContext = {
  wrapped: undefined,
  reason: 'drizzle-kit has no TypeScript migrations, so the code that runs this file decides whether it is in a transaction',
  optOut: 'run it outside a transaction in the code that runs this migration',
};
