export { clientDb, engine, openDatabase, type Db, type Engine, type TestDatabase } from './database.ts';
export {
  completedWhileHeld,
  traceLocks,
  traceLocksWhileWaiting,
  tryWrite,
  waitUntilBlocked,
  type LockHeld,
  type TracedStatement,
  type Waiting,
} from './lock-trace.ts';
export {
  knexRunner,
  kyselyRunner,
  migrationFiles,
  nodePgMigrateRunner,
  splitStatements,
  sqlRunner,
  type MigrationRunner,
} from './migrations.ts';
export { defaultMigrator, scenarioFiles, scenarioSqlStatements, toolRecipes, unsafeKnexRecipe, type Recipe, type Tool } from './scenario.ts';
export { Session, withDebugMessages } from './session.ts';
export { matchTraceSnapshot, type TraceSnapshot } from './trace-snapshot.ts';
export { tableFingerprint, walkMigrations, type StepCheck, type WalkOptions } from './walk.ts';
