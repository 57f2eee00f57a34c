/**
 * What changed in which PostgreSQL release for migrations that run beside live traffic. The table
 * on /docs/migrations/postgres-versions and the version notes of each operation page both render
 * this list, so a change is written once.
 */
export interface VersionChange {
  version: string;
  /** One line: what a migration can do differently since this release. */
  change: string;
  /** The section of the Postgres versions page that explains it. */
  anchor: string;
  /** Release notes (or, for a behaviour older than the notes online, the reference page). */
  source: { label: string; href: string }[];
  /** Operation pages (file names under docs/migrations/operations) this change matters to. */
  operations: string[];
}

const notes = (version: string) => ({ label: version, href: `https://www.postgresql.org/docs/release/${version}/` });

export const versionChanges: VersionChange[] = [
  {
    version: '9.1, 9.2',
    change: 'Widening a column type (varchar to text, a longer varchar, more numeric precision) without a rewrite',
    anchor: 'widening-types-without-a-rewrite',
    source: [notes('9.1.0'), notes('9.2.0')],
    operations: ['change-column-type'],
  },
  {
    version: '9.1',
    change: 'Foreign keys added NOT VALID, validated later',
    anchor: 'constraints-added-not-valid',
    source: [notes('9.1.0')],
    operations: ['add-foreign-key'],
  },
  {
    version: '9.1',
    change: 'Enum values added with ALTER TYPE … ADD VALUE, outside a transaction block',
    anchor: 'adding-and-renaming-enum-values',
    source: [notes('9.1.0')],
    operations: ['add-enum-value'],
  },
  {
    version: '9.2',
    change: 'CHECK constraints added NOT VALID, validated later',
    anchor: 'constraints-added-not-valid',
    source: [notes('9.2.0')],
    operations: ['add-check-constraint', 'add-not-null-column'],
  },
  {
    version: '9.3',
    change: 'ADD VALUE IF NOT EXISTS',
    anchor: 'adding-and-renaming-enum-values',
    source: [notes('9.3.0')],
    operations: ['add-enum-value'],
  },
  {
    version: '9.3',
    change: 'Simple views are updatable without triggers or rules',
    anchor: 'views-that-stand-in-for-a-table',
    source: [notes('9.3.0')],
    operations: ['rename-table'],
  },
  {
    version: '9.4',
    change: 'VALIDATE CONSTRAINT under SHARE UPDATE EXCLUSIVE',
    anchor: 'constraints-added-not-valid',
    source: [notes('9.4.0')],
    operations: ['add-check-constraint', 'add-foreign-key', 'add-not-null-column'],
  },
  {
    version: '9.5',
    change: 'Foreign keys added under SHARE ROW EXCLUSIVE, which lets reads go on',
    anchor: 'foreign-keys-with-a-weaker-lock',
    source: [notes('9.5.0')],
    operations: ['add-foreign-key'],
  },
  {
    version: '9.5',
    change: 'INSERT … ON CONFLICT, also through an updatable view',
    anchor: 'views-that-stand-in-for-a-table',
    source: [notes('9.5.0')],
    operations: ['rename-table'],
  },
  {
    version: '10',
    change: 'RENAME VALUE of an enum',
    anchor: 'adding-and-renaming-enum-values',
    source: [notes('10.0')],
    operations: ['add-enum-value'],
  },
  {
    version: '11',
    change: 'COMMIT inside a DO block, so one SQL statement can backfill batch by batch',
    anchor: 'commit-inside-a-do-block',
    source: [notes('11.0')],
    operations: ['rename-column', 'add-not-null-column', 'change-column-type'],
  },
  {
    version: '11',
    change: 'Constant defaults without a rewrite',
    anchor: 'constant-defaults-without-a-rewrite',
    source: [notes('11.0')],
    operations: ['add-column-with-default'],
  },
  {
    version: '11',
    change: 'Indexes on partitioned tables, not concurrently',
    anchor: 'indexes-on-partitioned-tables',
    source: [notes('11.0')],
    operations: ['partitioned-index', 'create-index-concurrently'],
  },
  {
    version: '11',
    change: 'CREATE TRIGGER … EXECUTE FUNCTION (EXECUTE PROCEDURE before)',
    anchor: 'execute-function-in-create-trigger',
    source: [notes('11.0')],
    operations: ['change-column-type', 'rename-column'],
  },
  {
    version: '12',
    change: 'timestamp to timestamptz without a rewrite when TimeZone is UTC',
    anchor: 'widening-types-without-a-rewrite',
    source: [notes('12.0')],
    operations: ['change-column-type'],
  },
  {
    version: '12',
    change: 'SET NOT NULL without a scan, given a valid CHECK',
    anchor: 'set-not-null-without-a-scan',
    source: [notes('12.0')],
    operations: ['add-not-null-column', 'add-check-constraint', 'change-column-type'],
  },
  {
    version: '12',
    change: 'Enum values added inside a transaction',
    anchor: 'enum-values-inside-a-transaction',
    source: [notes('12.0')],
    operations: ['add-enum-value'],
  },
  {
    version: '12',
    change: 'REINDEX CONCURRENTLY',
    anchor: 'reindex-concurrently',
    source: [notes('12.0')],
    operations: ['create-index-concurrently'],
  },
  {
    version: '12',
    change: 'ATTACH PARTITION with a weaker lock',
    anchor: 'attach-partition-with-a-weaker-lock',
    source: [notes('12.0')],
    operations: ['partitioned-index'],
  },
  {
    version: '12',
    change: 'Stored generated columns',
    anchor: 'generated-columns',
    source: [notes('12.0')],
    operations: ['add-column-with-default'],
  },
  {
    version: '14',
    change: 'DETACH PARTITION CONCURRENTLY',
    anchor: 'detach-partition-concurrently',
    source: [notes('14.0')],
    operations: ['partitioned-index'],
  },
  {
    version: '14.4',
    change: 'Fix for corrupt concurrent index builds',
    anchor: 'concurrent-index-builds-on-early-14-releases',
    source: [notes('14.4')],
    operations: ['create-index-concurrently', 'add-unique-constraint', 'partitioned-index'],
  },
  {
    version: '15',
    change: 'UNIQUE … NULLS NOT DISTINCT',
    anchor: 'unique-keys-with-nulls-not-distinct',
    source: [notes('15.0')],
    operations: ['add-unique-constraint'],
  },
  {
    version: '15',
    change: 'Views with security_invoker',
    anchor: 'views-with-security_invoker',
    source: [notes('15.0')],
    operations: ['rename-table', 'rename-column'],
  },
  {
    version: '17',
    change: 'transaction_timeout',
    anchor: 'transaction_timeout',
    source: [notes('17.0')],
    operations: [],
  },
  {
    version: '17',
    change: 'MERGE into an updatable view',
    anchor: 'views-that-stand-in-for-a-table',
    source: [notes('17.0')],
    operations: ['rename-table'],
  },
  {
    version: '18',
    change: 'NOT NULL constraints, named in pg_constraint, can be added NOT VALID',
    anchor: 'not-null-constraints-not-valid',
    source: [notes('18.0')],
    operations: ['add-not-null-column', 'change-column-type', 'rename-table'],
  },
  {
    version: '18',
    change: 'Virtual generated columns',
    anchor: 'generated-columns',
    source: [notes('18.0')],
    operations: ['add-column-with-default'],
  },
];
