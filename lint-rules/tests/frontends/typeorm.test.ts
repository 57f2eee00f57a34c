import { describe, expect, it } from 'vitest';
import { lintMigration } from './record-migration.ts';

/** A hand-written migration in the shape `typeorm migration:create` gives, `up` holding `body`. */
function handWritten(body: string, { members = '', down = '' } = {}): string {
  return `import { MigrationInterface, QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from 'typeorm';

export class ChangeUsers1705314600000 implements MigrationInterface {
${members}
    public async up(queryRunner: QueryRunner): Promise<void> {
${body}
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
${down}
    }
}
`;
}

const FILE = 'src/migrations/1705314600000-ChangeUsers.ts';
const EACH = { typeorm: { migrationsTransactionMode: 'each' } };
const SET_LOCK_TIMEOUT = '        await queryRunner.query(`SET LOCAL lock_timeout = \'2s\'`);';

describe('TypeORM frontend', () => {
  it('reads `migration:generate` output, with reports inside the template literals', () => {
    const code = `import { MigrationInterface, QueryRunner } from "typeorm";

export class AddUserBio1705314600000 implements MigrationInterface {
    name = 'AddUserBio1705314600000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(\`ALTER TABLE "user" DROP COLUMN "legacy"\`);
        await queryRunner.query(\`ALTER TABLE "user" ADD "bio" character varying NOT NULL DEFAULT 'it\\\`s me'\`);
        await queryRunner.query(\`CREATE INDEX "IDX_7a4fd2a547828e5efe420e50d1" ON "user" ("bio") WHERE "bio" <> 'n\\\`a'\`);
        await queryRunner.query(\`ALTER TABLE "post" ADD CONSTRAINT "FK_5c1cf55c308037b5aca1038a131" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION\`);
        await queryRunner.query(\`INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES ($1, $2, $3, $4, $5, $6)\`, ["app","public","user","GENERATED_COLUMN","slug","lower(name)"]);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(\`ALTER TABLE "post" DROP CONSTRAINT "FK_5c1cf55c308037b5aca1038a131"\`);
        await queryRunner.query(\`DROP INDEX "public"."IDX_7a4fd2a547828e5efe420e50d1"\`);
        await queryRunner.query(\`ALTER TABLE "user" DROP COLUMN "bio"\`);
    }

}
`;
    const { reports, migration } = lintMigration(code, 'src/migrations/1705314600000-AddUserBio.ts');
    expect(migration.tool).toBe('typeorm');
    expect(migration.operations).toMatchObject([
      { kind: 'dropColumn', direction: 'up', origin: 'sql', table: 'user', column: 'legacy' },
      { kind: 'addColumn', table: 'user', column: { name: 'bio', type: 'varchar', notNull: true, default: { text: "'it`s me'" } } },
      // The escaped backticks are one character each in the SQL and two in the file: the end lands on the closing quote.
      { kind: 'createIndex', table: 'user', loc: { start: { line: 9, column: 33 }, end: { line: 9, column: 118 } } },
      { kind: 'addConstraint', table: 'post', constraint: { type: 'foreignKey', referencedTable: 'user', notValid: false } },
      { kind: 'dataChange', statement: 'insert', table: 'typeorm_metadata' },
      { kind: 'dropConstraint', direction: 'down' },
      { kind: 'dropIndex', direction: 'down', names: ['public.IDX_7a4fd2a547828e5efe420e50d1'] },
      { kind: 'dropColumn', direction: 'down', column: 'bio' },
    ]);
    expect(reports).toEqual([
      ['no-drop-column', 7, 34],
      ['require-lock-timeout', 7, 34],
      ['require-lock-timeout', 8, 34],
      ['require-concurrent-index-creation', 9, 34],
      ['require-lock-timeout', 9, 34],
      ['require-lock-timeout', 10, 34],
    ]);
  });

  it('reads the QueryRunner builder API: TableColumn is NOT NULL unless isNullable says otherwise', () => {
    const code = handWritten(`${SET_LOCK_TIMEOUT}
        await queryRunner.addColumn('user', new TableColumn({ name: 'age', type: 'int' }));
        await queryRunner.addColumn('user', { name: 'nick', type: 'varchar', length: '50', isNullable: true });
        await queryRunner.addColumns('user', [
            new TableColumn({ name: 'status', type: 'varchar', default: "'active'" }),
            new TableColumn({ name: 'token', type: 'uuid', isGenerated: true, generationStrategy: 'uuid', isUnique: true }),
            new TableColumn({ name: 'seq', type: 'bigint', isGenerated: true, generationStrategy: 'increment' }),
            new TableColumn({ name: 'ref', type: 'integer', isGenerated: true, generationStrategy: 'identity', generatedIdentity: 'ALWAYS' }),
            new TableColumn({ name: 'created_at', type: 'timestamptz', default: 'now()' }),
            new TableColumn({ name: 'slug', type: 'text', generatedType: 'STORED', asExpression: 'lower(nick)', isNullable: true }),
        ]);
        await queryRunner.addColumn('user', column);`);
    const { reports, migration } = lintMigration(code, FILE);
    expect(migration.operations.slice(1)).toMatchObject([
      { kind: 'addColumn', table: 'user', column: { name: 'age', type: 'integer', notNull: true, default: undefined } },
      { kind: 'addColumn', column: { name: 'nick', type: 'varchar(50)', notNull: false } },
      { kind: 'addColumn', column: { name: 'status', type: 'varchar', notNull: true, default: { text: "'active'", volatile: false } } },
      { kind: 'addColumn', column: { name: 'token', type: 'uuid', default: { text: 'uuid_generate_v4()', volatile: true } } },
      { kind: 'addConstraint', table: 'user', constraint: { type: 'unique' } },
      { kind: 'addColumn', column: { name: 'seq', type: 'bigserial', autoIncrement: true } },
      { kind: 'addColumn', column: { name: 'ref', type: 'integer', autoIncrement: true } },
      { kind: 'addColumn', column: { name: 'created_at', type: 'timestamptz', default: { text: 'now()', volatile: false } } },
      { kind: 'addColumn', column: { name: 'slug', generatedStored: true, notNull: false } },
      { kind: 'opaque', reason: 'the SQL is built from values only known when the migration runs' },
    ]);
    expect(migration.operations.every((op) => op.origin === 'builder' || op.kind === 'setting')).toBe(true);
    expect(reports).toEqual([['no-opaque-sql', 17, 15]]);
  });

  it('models changeColumn as what TypeORM runs: a new type drops and re-adds the column', () => {
    const code = handWritten(`${SET_LOCK_TIMEOUT}
        await queryRunner.changeColumn('user', 'name', new TableColumn({ name: 'name', type: 'varchar', length: '100' }));
        await queryRunner.changeColumn(
            'user',
            new TableColumn({ name: 'score', type: 'numeric', precision: 10, isNullable: true }),
            new TableColumn({ name: 'points', type: 'numeric', precision: 12, isNullable: true, default: '0' }),
        );
        await queryRunner.changeColumn('user', new TableColumn({ name: 'age', type: 'int' }), new TableColumn({ name: 'age', type: 'bigint' }));`);
    const { reports, migration } = lintMigration(code, FILE);
    expect(migration.operations.slice(1)).toMatchObject([
      { kind: 'dropColumn', table: 'user', column: 'name', impliedBy: 'changeColumn()' },
      { kind: 'addColumn', column: { name: 'name', type: 'varchar(100)', notNull: true }, impliedBy: 'changeColumn()' },
      { kind: 'renameColumn', column: 'score', newName: 'points' },
      { kind: 'alterColumnType', column: 'points', newType: 'numeric(12)', fromType: 'numeric(10)' },
      { kind: 'setDefault', column: 'points', default: { text: '0' } },
      { kind: 'dropColumn', column: 'age', impliedBy: 'changeColumn()' },
      { kind: 'addColumn', column: { name: 'age', type: 'bigint' }, impliedBy: 'changeColumn()' },
    ]);
    expect(migration.operations.slice(3, 6).every((op) => op.impliedBy === undefined)).toBe(true);
    expect(reports).toEqual([
      ['no-drop-column', 7, 15],
      ['no-rename-column', 8, 15],
      ['no-drop-column', 13, 15],
    ]);
  });

  it('reads indexes, constraints and tables, with the new-table exemption', () => {
    const code = handWritten(`${SET_LOCK_TIMEOUT}
        await queryRunner.createTable(
            new Table({
                name: 'audit',
                columns: [
                    { name: 'id', type: 'int', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
                    { name: 'userId', type: 'int', isNullable: true },
                    { name: 'action', type: 'varchar', length: '20', isUnique: true },
                ],
                foreignKeys: [{ columnNames: ['userId'], referencedTableName: 'user', referencedColumnNames: ['id'] }],
                indices: [{ name: 'IDX_audit_action', columnNames: ['action'] }],
            }),
            true,
        );
        await queryRunner.createIndex('audit', new TableIndex({ columnNames: ['id'] }));
        await queryRunner.createIndex('user', new TableIndex({ name: 'IDX_user_email', columnNames: ['email'], isUnique: true, where: '"email" IS NOT NULL' }));
        await queryRunner.createForeignKey('post', new TableForeignKey({ columnNames: ['userId'], referencedTableName: 'user', referencedColumnNames: ['id'], onDelete: 'CASCADE' }));
        await queryRunner.createUniqueConstraint('user', new TableUnique({ name: 'UQ_user_nick', columnNames: ['nick'] }));
        await queryRunner.createCheckConstraint('user', new TableCheck({ name: 'CHK_user_email', expression: '"email" IS NOT NULL' }));
        await queryRunner.createPrimaryKey('session', ['id']);
        await queryRunner.dropIndex('user', 'IDX_user_old');
        await queryRunner.dropForeignKey('post', 'FK_post_author');
        await queryRunner.renameTable('profile', 'user_profile');
        await queryRunner.clearTable('session');
        await queryRunner.dropTable('legacy', true);
        await queryRunner.hasTable('user');`);
    const { migration, reports } = lintMigration(code, FILE);
    expect(migration.operations.slice(1)).toMatchObject([
      {
        kind: 'createTable',
        table: 'audit',
        ifNotExists: true,
        columns: [
          { name: 'id', type: 'serial', notNull: true, autoIncrement: true },
          { name: 'userId', type: 'integer', notNull: false },
          { name: 'action', type: 'varchar(20)', notNull: true },
        ],
        constraints: [{ type: 'unique' }, { type: 'primaryKey' }, { type: 'foreignKey', referencedTable: 'user', notValid: false }],
      },
      { kind: 'createIndex', table: 'audit', name: 'IDX_audit_action' },
      { kind: 'createIndex', table: 'audit', name: undefined },
      { kind: 'createIndex', table: 'user', name: 'IDX_user_email', unique: true, concurrently: false },
      { kind: 'addConstraint', table: 'post', constraint: { type: 'foreignKey', referencedTable: 'user', notValid: false } },
      { kind: 'addConstraint', table: 'user', constraint: { type: 'unique', name: 'UQ_user_nick' } },
      { kind: 'addConstraint', table: 'user', constraint: { type: 'check', name: 'CHK_user_email', provesNotNull: ['email'] } },
      { kind: 'addConstraint', table: 'session', constraint: { type: 'primaryKey' } },
      { kind: 'dropIndex', names: ['IDX_user_old'], table: 'user', concurrently: false },
      { kind: 'dropConstraint', table: 'post', name: 'FK_post_author' },
      { kind: 'renameTable', table: 'profile', newName: 'user_profile' },
      { kind: 'truncate', tables: ['session'] },
      { kind: 'dropTable', tables: ['legacy'] },
    ]);
    expect(reports).toEqual([
      ['require-concurrent-index-creation', 21, 15],
    ]);
  });

  it('reads manager and connection queries, and reports SQL it cannot see', () => {
    const code = handWritten(`        await queryRunner.manager.query('UPDATE "user" SET "plan" = $1 WHERE "plan" IS NULL', ['free']);
        await queryRunner.connection.query(\`ALTER TABLE "user" RENAME COLUMN "plan" TO "tier"\`);
        await queryRunner.query(readFileSync('seed.sql', 'utf8'));
        await queryRunner.startTransaction();
        await queryRunner.commitTransaction();`);
    const { migration, reports } = lintMigration(code, FILE);
    expect(migration.operations).toMatchObject([
      { kind: 'dataChange', statement: 'update', table: 'user', hasWhere: true, origin: 'sql' },
      { kind: 'renameColumn', table: 'user', column: 'plan', newName: 'tier', origin: 'sql' },
      { kind: 'opaque', reason: 'the SQL passed to query() is not written in the migration' },
      { kind: 'transaction', action: 'begin' },
      { kind: 'transaction', action: 'commit' },
    ]);
    expect(reports).toEqual([
      ['no-rename-column', 7, 45],
      ['require-lock-timeout', 7, 45],
      ['no-opaque-sql', 8, 15],
    ]);
  });
});

describe('TypeORM transaction model', () => {
  const concurrentIndex = "        await queryRunner.createIndex('user', new TableIndex({ name: 'IDX_user_email', columnNames: ['email'], isConcurrent: true }));";

  it.each([
    ['all', '', true],
    ['all', '    public transaction = false', true],
    ['each', '', true],
    ['each', '    public transaction = false', false],
    ['each', '    public transaction = true', true],
    ['none', '', false],
    ['none', '    public transaction = true', true],
  ] as const)('mode %s with %j: wrapped %s', (mode, members, wrapped) => {
    const { migration } = lintMigration(handWritten(concurrentIndex, { members }), FILE, { typeorm: { migrationsTransactionMode: mode } });
    expect(migration.transaction.wrapped).toBe(wrapped);
  });

  it("says why under the default mode 'all' a transaction property does not help", () => {
    const { migration, reports } = lintMigration(handWritten(concurrentIndex, { members: '    public transaction = false' }), FILE);
    expect(migration.operations).toMatchObject([{ kind: 'createIndex', name: 'IDX_user_email', concurrently: true }]);
    expect(migration.transaction.reason).toContain('ForbiddenTransactionModeOverrideError');
    expect(migration.transaction.optOut).toContain("migrationsTransactionMode 'each'");
    expect(reports).toEqual([
      ['no-concurrently-in-transaction', 6, 15],
    ]);
  });

  it("lets a migration with `transaction = false` build an index concurrently under mode 'each'", () => {
    const { reports } = lintMigration(handWritten(concurrentIndex, { members: '    public transaction = false' }), FILE, EACH);
    expect(reports).toEqual([]);
  });

  it('recognises the JavaScript output by its class name', () => {
    const code = `const { TableIndex } = require("typeorm");

module.exports = class AddEmailIdx1705314700000 {
    name = 'AddEmailIdx1705314700000'
    transaction = false

    async up(queryRunner) {
        await queryRunner.createIndex('user', new TableIndex({ name: 'IDX_user_email', columnNames: ['email'], isConcurrent: true }));
    }

    async down(queryRunner) {
        await queryRunner.query(\`DROP INDEX "public"."IDX_user_email"\`);
    }
}
`;
    const { migration, reports } = lintMigration(code, 'src/migrations/1705314700000-AddEmailIdx.js', EACH);
    expect(migration).toMatchObject({ tool: 'typeorm', transaction: { wrapped: false } });
    expect(migration.operations).toMatchObject([
      { kind: 'createIndex', direction: 'up', concurrently: true },
      { kind: 'dropIndex', direction: 'down', concurrently: false },
    ]);
    expect(reports).toEqual([]);
  });
});
