import noAppImports from './no-app-imports.ts';
import noBlockingRewrite from './no-blocking-rewrite.ts';
import noColumnTypeChange from './no-column-type-change.ts';
import noConcurrentIndexOnPartitionedTable from './no-concurrent-index-on-partitioned-table.ts';
import noConcurrentlyInTransaction from './no-concurrently-in-transaction.ts';
import noDirectSetNotNull from './no-direct-set-not-null.ts';
import noDropColumn from './no-drop-column.ts';
import noDropDatabase from './no-drop-database.ts';
import noDropNotNull from './no-drop-not-null.ts';
import noDropTable from './no-drop-table.ts';
import noExclusionConstraintOnExistingTable from './no-exclusion-constraint-on-existing-table.ts';
import noLongIdentifier from './no-long-identifier.ts';
import noLossyChangeColumn from './no-lossy-change-column.ts';
import noManualTransaction from './no-manual-transaction.ts';
import noNewEnumValueInSameTransaction from './no-new-enum-value-in-same-transaction.ts';
import noOpaqueSql from './no-opaque-sql.ts';
import noRenameColumn from './no-rename-column.ts';
import noRenameTable from './no-rename-table.ts';
import noSerialColumnOnExistingTable from './no-serial-column-on-existing-table.ts';
import noSqlSyntaxError from './no-sql-syntax-error.ts';
import noStoredGeneratedColumn from './no-stored-generated-column.ts';
import noTruncate from './no-truncate.ts';
import noUnbatchedBackfill from './no-unbatched-backfill.ts';
import noValidateInSameTransaction from './no-validate-in-same-transaction.ts';
import noVolatileDefault from './no-volatile-default.ts';
import noWorkAfterExclusiveLock from './no-work-after-exclusive-lock.ts';
import preferBigint from './prefer-bigint.ts';
import preferIdentity from './prefer-identity.ts';
import preferJsonb from './prefer-jsonb.ts';
import preferRobustStatements from './prefer-robust-statements.ts';
import preferTextOverVarchar from './prefer-text-over-varchar.ts';
import preferTimestamptz from './prefer-timestamptz.ts';
import requireConcurrentIndexCreation from './require-concurrent-index-creation.ts';
import requireConcurrentIndexDeletion from './require-concurrent-index-deletion.ts';
import requireConcurrentPartitionDetach from './require-concurrent-partition-detach.ts';
import requireConcurrentReindex from './require-concurrent-reindex.ts';
import requireConstraintUsingIndex from './require-constraint-using-index.ts';
import requireDefaultForNotNullColumn from './require-default-for-not-null-column.ts';
import requireDown from './require-down.ts';
import requireEnumValuePosition from './require-enum-value-position.ts';
import requireLockTimeout from './require-lock-timeout.ts';
import requireNotValidCheck from './require-not-valid-check.ts';
import requireNotValidForeignKey from './require-not-valid-foreign-key.ts';
import requireStatementTimeout from './require-statement-timeout.ts';

export const rules = {
  'no-app-imports': noAppImports,
  'no-blocking-rewrite': noBlockingRewrite,
  'no-column-type-change': noColumnTypeChange,
  'no-concurrent-index-on-partitioned-table': noConcurrentIndexOnPartitionedTable,
  'no-concurrently-in-transaction': noConcurrentlyInTransaction,
  'no-direct-set-not-null': noDirectSetNotNull,
  'no-drop-column': noDropColumn,
  'no-drop-database': noDropDatabase,
  'no-drop-not-null': noDropNotNull,
  'no-drop-table': noDropTable,
  'no-exclusion-constraint-on-existing-table': noExclusionConstraintOnExistingTable,
  'no-long-identifier': noLongIdentifier,
  'no-lossy-change-column': noLossyChangeColumn,
  'no-manual-transaction': noManualTransaction,
  'no-new-enum-value-in-same-transaction': noNewEnumValueInSameTransaction,
  'no-opaque-sql': noOpaqueSql,
  'no-rename-column': noRenameColumn,
  'no-rename-table': noRenameTable,
  'no-serial-column-on-existing-table': noSerialColumnOnExistingTable,
  'no-sql-syntax-error': noSqlSyntaxError,
  'no-stored-generated-column': noStoredGeneratedColumn,
  'no-truncate': noTruncate,
  'no-unbatched-backfill': noUnbatchedBackfill,
  'no-validate-in-same-transaction': noValidateInSameTransaction,
  'no-volatile-default': noVolatileDefault,
  'no-work-after-exclusive-lock': noWorkAfterExclusiveLock,
  'prefer-bigint': preferBigint,
  'prefer-identity': preferIdentity,
  'prefer-jsonb': preferJsonb,
  'prefer-robust-statements': preferRobustStatements,
  'prefer-text-over-varchar': preferTextOverVarchar,
  'prefer-timestamptz': preferTimestamptz,
  'require-concurrent-index-creation': requireConcurrentIndexCreation,
  'require-concurrent-index-deletion': requireConcurrentIndexDeletion,
  'require-concurrent-partition-detach': requireConcurrentPartitionDetach,
  'require-concurrent-reindex': requireConcurrentReindex,
  'require-constraint-using-index': requireConstraintUsingIndex,
  'require-default-for-not-null-column': requireDefaultForNotNullColumn,
  'require-down': requireDown,
  'require-enum-value-position': requireEnumValuePosition,
  'require-lock-timeout': requireLockTimeout,
  'require-not-valid-check': requireNotValidCheck,
  'require-not-valid-foreign-key': requireNotValidForeignKey,
  'require-statement-timeout': requireStatementTimeout,
};
