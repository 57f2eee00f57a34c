import { describe, expect, it } from 'vitest';
import { lintMigration } from './record-migration.ts';

/** `node-pg-migrate create` with the TypeScript template (templates/migration-template.ts), `up` holding `body`. */
function tsMigration(body: string, { shorthands = 'undefined', down = '' } = {}): string {
  return `import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';

export const shorthands: ColumnDefinitions | undefined = ${shorthands};

export async function up(pgm: MigrationBuilder): Promise<void> {
${body}
}

export async function down(pgm: MigrationBuilder): Promise<void> {
${down}
}
`;
}

const TS_FILE = 'migrations/1705314600000_change-users.ts';

const lint = (code: string, filename = TS_FILE) => lintMigration(code, filename);

describe('node-pg-migrate frontend', () => {
  it('reads the TypeScript template and reports on the exact calls', () => {
    const code = tsMigration(`  pgm.addColumns('users', {
    age: { type: 'int' },
    token: { type: 'uuid', notNull: true, default: pgm.func('gen_random_uuid()') },
  });
  pgm.createIndex('users', 'email', { name: 'users_email_idx', unique: true });
  pgm.renameColumn('users', 'name', 'full_name');
  pgm.dropColumns('users', ['legacy', 'unused']);`);
    const { reports, migration } = lint(code);
    expect(migration.tool).toBe('node-pg-migrate');
    expect(migration.transaction.wrapped).toBe(true);
    expect(migration.operations).toMatchObject([
      { kind: 'addColumn', table: 'users', column: { name: 'age', type: 'integer', notNull: false, default: undefined } },
      {
        kind: 'addColumn',
        table: 'users',
        column: { name: 'token', type: 'uuid', notNull: true, default: { text: 'gen_random_uuid()', volatile: true } },
      },
      { kind: 'createIndex', table: 'users', name: 'users_email_idx', unique: true, concurrently: false },
      { kind: 'renameColumn', table: 'users', column: 'name', newName: 'full_name' },
      { kind: 'dropColumn', table: 'users', column: 'legacy' },
      { kind: 'dropColumn', table: 'users', column: 'unused' },
    ]);
    expect(migration.operations.every((op) => op.direction === 'up' && op.origin === 'builder')).toBe(true);
    // One statement per call: one lock_timeout report each, and one no-drop-column report per column.
    expect(reports).toEqual([
      ['require-lock-timeout', 6, 3],
      ['require-concurrent-index-creation', 10, 3],
      ['require-lock-timeout', 10, 3],
      ['no-rename-column', 11, 3],
      ['require-lock-timeout', 11, 3],
      ['no-drop-column', 12, 3],
      ['no-drop-column', 12, 3],
      ['require-lock-timeout', 12, 3],
    ]);
  });

  it('reads the JavaScript template, where pgm.noTransaction() lets CONCURRENTLY run', () => {
    const code = `/**
 * @type {import('node-pg-migrate').ColumnDefinitions | undefined}
 */
export const shorthands = undefined;

/**
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 * @param run {() => void | undefined}
 * @returns {Promise<void> | void}
 */
export const up = (pgm) => {
  pgm.noTransaction();
  pgm.createIndex('users', 'email', { name: 'users_email_idx', concurrently: true, ifNotExists: true });
};

/**
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 * @param run {() => void | undefined}
 * @returns {Promise<void> | void}
 */
export const down = (pgm) => {
  pgm.noTransaction();
  pgm.dropIndex('users', 'email', { name: 'users_email_idx', concurrently: true, ifExists: true });
};
`;
    const { reports, migration } = lint(code, 'migrations/1705314600000_users-email-idx.js');
    expect(migration.tool).toBe('node-pg-migrate');
    expect(migration.transaction).toMatchObject({ wrapped: false, reason: expect.stringContaining('pgm.noTransaction()') });
    expect(migration.operations).toMatchObject([
      { kind: 'createIndex', direction: 'up', table: 'users', name: 'users_email_idx', concurrently: true, ifNotExists: true },
      { kind: 'dropIndex', direction: 'down', names: ['users_email_idx'], table: 'users', concurrently: true, ifExists: true },
    ]);
    expect(reports).toEqual([]);
  });

  it('reads the CommonJS template and reports CONCURRENTLY in its transaction', () => {
    const code = `/**
 * @type {import('node-pg-migrate').ColumnDefinitions | undefined}
 */
exports.shorthands = undefined;

/**
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 * @param run {() => void | undefined}
 * @returns {Promise<void> | void}
 */
const up = (pgm) => {
  pgm.createIndex('users', 'email', { concurrently: true });
};

const down = (pgm) => {
  pgm.dropIndex('users', 'email');
};

module.exports = {
  up,
  down,
};
`;
    const { reports, migration } = lint(code, 'migrations/1705314600000_users-email-idx.cjs');
    expect(migration.operations).toMatchObject([
      { kind: 'createIndex', direction: 'up', name: 'users_email_index', concurrently: true },
      { kind: 'dropIndex', direction: 'down', names: ['users_email_index'], concurrently: false },
    ]);
    expect(reports).toEqual([
      ['no-concurrently-in-transaction', 12, 3],
    ]);
  });

  it('turns column definitions, shorthands and type names into what node-pg-migrate adds', () => {
    const shorthands = `{
  createdAt: { type: 'timestamptz', notNull: true, default: PgLiteral.create('current_timestamp') },
  email: 'citext',
}`;
    const code = tsMigration(
      `  pgm.sql("SET lock_timeout = '2s'");
  pgm.addColumns('accounts', {
    id: 'id',
    seq: { type: 'bigserial' },
    identity: { type: 'bigint', sequenceGenerated: { precedence: 'ALWAYS' } },
    legacy_identity: { type: 'integer', generated: { precedence: 'BY DEFAULT' } },
    total: { type: 'numeric', expressionGenerated: 'price * quantity' },
    email: { type: 'email', unique: true },
    seen_at: 'createdAt',
    plan: { type: 'text', notNull: true, default: 'free' },
    org_id: { type: 'integer', references: 'orgs', onDelete: 'CASCADE' },
    owner_id: { type: 'integer', references: '"app"."users"(id)' },
    score: { type: 'smallint', check: 'score >= 0' },
    tags: { type: 'string', array: true },
    nick: 'text',
  }, { ifNotExists: true });`,
      { shorthands },
    );
    const { migration, reports } = lint(code);
    const columns = migration.operations.flatMap((op) => (op.kind === 'addColumn' ? [op.column] : []));
    expect(columns).toMatchObject([
      { name: 'id', type: 'serial', primaryKey: true, notNull: true, autoIncrement: true },
      { name: 'seq', type: 'bigserial', autoIncrement: true, notNull: false },
      { name: 'identity', type: 'bigint', autoIncrement: true },
      { name: 'legacy_identity', type: 'integer', autoIncrement: true },
      { name: 'total', type: 'numeric', generatedStored: true },
      { name: 'email', type: 'citext', unique: true },
      { name: 'seen_at', type: 'timestamptz', notNull: true, default: { text: 'current_timestamp', volatile: false } },
      { name: 'plan', type: 'text', notNull: true, default: { text: "'free'", volatile: false } },
      { name: 'org_id', references: 'orgs' },
      { name: 'owner_id', references: 'app.users' },
      { name: 'score', type: 'smallint', check: true },
      { name: 'tags', type: 'text[]' },
      { name: 'nick', type: 'text', notNull: false, primaryKey: false, unique: false },
    ]);
    expect(reports).toEqual([]);
  });

  it('turns alterColumn options into the ALTER COLUMN actions node-pg-migrate writes', () => {
    const code = tsMigration(`  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.alterColumn('users', 'score', { type: 'bigint', using: 'round(score)' });
  pgm.alterColumn('users', 'email', { notNull: true, default: null });
  pgm.alterColumn('users', 'phone', { notNull: false });
  pgm.alterColumn('users', 'bio', { allowNull: true, default: 'n/a' });
  pgm.alterColumn('users', 'token', { default: pgm.func('gen_random_uuid()') });
  pgm.alterColumn('users', 'note', { comment: 'free text' });`);
    const { migration } = lint(code);
    expect(migration.operations.slice(1)).toMatchObject([
      { kind: 'alterColumnType', table: 'users', column: 'score', newType: 'bigint', using: 'round()', loc: { start: { line: 7, column: 2 } } },
      { kind: 'dropDefault', column: 'email' },
      { kind: 'setNotNull', column: 'email' },
      { kind: 'dropNotNull', column: 'phone' },
      { kind: 'setDefault', column: 'bio', default: { text: "'n/a'", volatile: false } },
      { kind: 'dropNotNull', column: 'bio' },
      { kind: 'setDefault', column: 'token', default: { text: 'gen_random_uuid()', volatile: true } },
    ]);
  });

  it('reads every addConstraint form: the string form is raw SQL and the only way to NOT VALID', () => {
    const code = tsMigration(`  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.addConstraint('users', 'users_age_pos', 'CHECK (age > 0) NOT VALID');
  pgm.addConstraint('users', 'users_email_nn', { check: 'email IS NOT NULL' });
  pgm.addConstraint('posts', null, { foreignKeys: { columns: 'user_id', references: 'users(id)', onDelete: 'CASCADE' } });
  pgm.createConstraint('users', null, { unique: [['email'], ['org_id', 'nick']], primaryKey: 'id' });
  pgm.addConstraint('bookings', 'no_overlap', { exclude: 'USING gist (room WITH =, during WITH &&)' });
  pgm.dropConstraint('users', 'users_legacy_check', { ifExists: true });`);
    const { migration } = lint(code);
    expect(migration.operations.slice(1)).toMatchObject([
      { kind: 'addConstraint', table: 'users', constraint: { type: 'check', name: 'users_age_pos', notValid: true } },
      { kind: 'addConstraint', table: 'users', constraint: { type: 'check', name: 'users_email_nn', notValid: false, provesNotNull: ['email'] } },
      { kind: 'addConstraint', table: 'posts', constraint: { type: 'foreignKey', name: 'posts_fk_user_id', notValid: false, referencedTable: 'users' } },
      { kind: 'addConstraint', table: 'users', constraint: { type: 'unique', name: 'users_uniq_email' } },
      { kind: 'addConstraint', table: 'users', constraint: { type: 'unique', name: 'users_uniq_org_id_nick' } },
      { kind: 'addConstraint', table: 'users', constraint: { type: 'primaryKey', name: 'users_pkey' } },
      { kind: 'addConstraint', table: 'bookings', constraint: { type: 'exclusion', name: 'no_overlap' } },
      { kind: 'dropConstraint', table: 'users', name: 'users_legacy_check' },
    ]);
  });

  it('reads index, table and enum calls with their options', () => {
    const code = tsMigration(`  pgm.sql("SET LOCAL lock_timeout = '2s'");
  pgm.createTable('audit', { id: 'id', at: { type: 'timestamptz', notNull: true } });
  pgm.addIndex('audit', 'at', { method: 'brin' });
  pgm.createIndex('users', ['org_id', { name: 'created_at', sort: 'DESC' }], { unique: true, where: 'deleted_at IS NULL' });
  pgm.createIndex('users', 'lower(email)', { name: 'users_lower_email_idx', ifNotExists: true });
  pgm.dropIndex('users', 'email', { name: 'users_email_idx' });
  pgm.addTypeValue('mood', 'ecstatic', { ifNotExists: true, after: 'happy' });
  pgm.addTypeValue({ schema: 'app', name: 'mood' }, 'meh');
  pgm.renameTable('profiles', 'user_profiles');
  pgm.dropTable('sessions', { ifExists: true, cascade: true });
  pgm.createTable('events', { id: 'id' }, { partition: { strategy: 'RANGE', columns: 'id' } });
  pgm.createTable(
    'memberships',
    { user_id: { type: 'integer', primaryKey: true }, org_id: { type: 'integer', primaryKey: true } },
    { constraints: { foreignKeys: { columns: 'org_id', references: 'orgs' } } },
  );
  pgm.createExtension('pgcrypto', { ifNotExists: true });
  pgm.createFunction('noop', [], { returns: 'void', language: 'sql' }, 'SELECT 1');`);
    const { migration, reports } = lint(code);
    expect(migration.operations.slice(1)).toMatchObject([
      {
        kind: 'createTable',
        table: 'audit',
        partitioned: false,
        columns: [
          { name: 'id', type: 'serial', primaryKey: true, notNull: true },
          { name: 'at', type: 'timestamptz', notNull: true, primaryKey: false },
        ],
        constraints: [],
      },
      { kind: 'createIndex', table: 'audit', name: 'audit_at_index' },
      { kind: 'createIndex', table: 'users', name: 'users_org_id_created_at_unique_index', unique: true, concurrently: false },
      { kind: 'createIndex', table: 'users', name: 'users_lower_email_idx', ifNotExists: true },
      { kind: 'dropIndex', names: ['users_email_idx'], table: 'users', concurrently: false },
      { kind: 'addEnumValue', type: 'mood', value: 'ecstatic', positioned: true },
      { kind: 'addEnumValue', type: 'app.mood', value: 'meh', positioned: false },
      { kind: 'renameTable', table: 'profiles', newName: 'user_profiles' },
      { kind: 'dropTable', tables: ['sessions'] },
      { kind: 'createTable', table: 'events', partitioned: true },
      {
        kind: 'createTable',
        table: 'memberships',
        columns: [
          { name: 'user_id', primaryKey: false },
          { name: 'org_id', primaryKey: false },
        ],
        constraints: [
          { type: 'foreignKey', name: 'memberships_fk_org_id', referencedTable: 'orgs' },
          { type: 'primaryKey' },
        ],
      },
    ]);
    // The index on the table created above is not reported; the others are.
    expect(reports.filter(([rule]) => rule === 'require-concurrent-index-creation')).toEqual([
      ['require-concurrent-index-creation', 9, 3],
      ['require-concurrent-index-creation', 10, 3],
    ]);
  });

  it('analyses pgm.sql and pgm.db.query as SQL, filling {name} placeholders as node-pg-migrate does', () => {
    const code = tsMigration(`  pgm.sql('UPDATE {table} SET plan = {plan} WHERE plan IS NULL', { table: 'users', plan: 1 });
  pgm.sql(\`CREATE INDEX \${'users_plan_idx'} ON users (plan)\`);
  await pgm.db.query({ text: 'ALTER TABLE users ADD COLUM plan_id integer', values: [] });
  pgm.sql('CREATE INDEX {name} ON users ({column})', options);
  pgm.sql(readFileSync('backfill.sql', 'utf8'));`);
    const { migration, reports } = lint(code);
    expect(migration.operations).toMatchObject([
      { kind: 'dataChange', statement: 'update', table: 'users', hasWhere: true, origin: 'sql', loc: { start: { line: 6, column: 11 }, end: { line: 6, column: 62 } } },
      { kind: 'createIndex', table: 'users', origin: 'sql' },
      { kind: 'syntaxError', message: 'syntax error at or near "integer"' },
      { kind: 'createIndex', table: 'users', name: 'lu_param_0' },
      { kind: 'opaque', reason: 'the SQL passed to pgm.sql() is not written in the migration' },
    ]);
    expect(reports).toEqual([
      ['require-concurrent-index-creation', 7, 12],
      ['require-lock-timeout', 7, 12],
      // Inside the string: Postgres reads `COLUM` as the column name and `plan_id` as its type.
      ['no-sql-syntax-error', 8, 67],
      ['require-concurrent-index-creation', 9, 12],
      ['require-lock-timeout', 9, 12],
      ['no-opaque-sql', 10, 3],
    ]);
  });

  it('reads `down` as the rollback and gives unknown pgm calls nothing', () => {
    const code = tsMigration("  pgm.addColumns('users', { age: 'integer' });\n  pgm.grantRoles('reader', 'writer');", {
      down: "  pgm.dropColumns('users', 'age');",
    });
    const { migration, reports } = lint(code);
    expect(migration.operations).toMatchObject([
      { kind: 'addColumn', direction: 'up', column: { name: 'age' } },
      { kind: 'dropColumn', direction: 'down', table: 'users', column: 'age' },
    ]);
    expect(reports).toEqual([['require-lock-timeout', 6, 3]]);
  });
});
