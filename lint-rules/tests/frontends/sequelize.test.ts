import { describe, expect, it } from 'vitest';
import { lines, lintMigration } from './record-migration.ts';

const NOT_WRAPPED = {
  wrapped: false,
  reason: 'Sequelize runs migrations without a transaction (sequelize-cli and Umzug alike)',
};

/** `sequelize-cli migration:generate`'s template, with `up` and `down` filled in. */
const addAgeToUsers = lines(
  "'use strict';",
  '',
  "/** @type {import('sequelize-cli').Migration} */",
  'module.exports = {',
  '  async up (queryInterface, Sequelize) {',
  "    await queryInterface.addColumn('Users', 'age', {",
  '      type: Sequelize.INTEGER,',
  '      allowNull: true,',
  '    });',
  "    await queryInterface.addIndex('Users', ['email'], { name: 'users_email', unique: true });",
  "    await queryInterface.renameColumn('Users', 'name', 'fullName');",
  "    await queryInterface.removeColumn('Users', 'legacyId');",
  '  },',
  '',
  '  async down (queryInterface, Sequelize) {',
  "    await queryInterface.addColumn('Users', 'legacyId', Sequelize.UUID);",
  "    await queryInterface.renameColumn('Users', 'fullName', 'name');",
  "    await queryInterface.removeIndex('Users', 'users_email');",
  "    await queryInterface.removeColumn('Users', 'age');",
  '  }',
  '};',
);

describe('sequelize-cli migrations', () => {
  it('reads QueryInterface calls on the first parameter and reports the forward path', () => {
    const result = lintMigration(addAgeToUsers, 'migrations/20240115103000-add-age-to-users.js');
    expect(result.migration).toMatchObject({ tool: 'sequelize', transaction: NOT_WRAPPED });
    expect(result.reports).toEqual([
      ['require-lock-timeout', 6, 11],
      ['require-concurrent-index-creation', 10, 11],
      ['require-lock-timeout', 10, 11],
      ['no-rename-column', 11, 11],
      ['require-lock-timeout', 11, 11],
      ['no-drop-column', 12, 11],
      ['require-lock-timeout', 12, 11],
    ]);
    expect(result.operations).toMatchObject([
      // Sequelize writes ADD COLUMN and DROP COLUMN without IF [NOT] EXISTS.
      { kind: 'addColumn', table: 'Users', column: { name: 'age', type: 'integer', notNull: false }, ifNotExists: false, direction: 'up', origin: 'builder', at: [6, 11] },
      { kind: 'createIndex', table: 'Users', name: 'users_email', unique: true, concurrently: false, at: [10, 11] },
      { kind: 'renameColumn', table: 'Users', column: 'name', newName: 'fullName', at: [11, 11] },
      { kind: 'dropColumn', table: 'Users', column: 'legacyId', ifExists: false, at: [12, 11] },
      { kind: 'addColumn', column: { name: 'legacyId', type: 'uuid', notNull: false }, direction: 'down', at: [16, 11] },
      { kind: 'renameColumn', column: 'fullName', newName: 'name', direction: 'down', at: [17, 11] },
      { kind: 'dropIndex', names: ['users_email'], table: 'Users', concurrently: false, ifExists: true, direction: 'down', at: [18, 11] },
      { kind: 'dropColumn', column: 'age', direction: 'down', at: [19, 11] },
    ]);
  });

  it('exempts the index of a table that model:generate creates in the same migration', () => {
    const createUsers = lines(
      "'use strict';",
      "/** @type {import('sequelize-cli').Migration} */",
      'module.exports = {',
      '  async up(queryInterface, Sequelize) {',
      "    await queryInterface.createTable('Users', {",
      '      id: {',
      '        allowNull: false,',
      '        autoIncrement: true,',
      '        primaryKey: true,',
      '        type: Sequelize.INTEGER',
      '      },',
      '      email: {',
      '        type: Sequelize.STRING',
      '      },',
      '      createdAt: {',
      '        allowNull: false,',
      '        type: Sequelize.DATE',
      '      },',
      '    });',
      "    await queryInterface.addIndex('Users', ['email']);",
      '  },',
      '  async down(queryInterface, Sequelize) {',
      "    await queryInterface.dropTable('Users');",
      '  }',
      '};',
    );
    const result = lintMigration(createUsers, 'migrations/20240115103000-create-user.js');
    expect(result.reports).toEqual([]);
    expect(result.operations).toMatchObject([
      {
        kind: 'createTable',
        table: 'Users',
        ifNotExists: true,
        columns: [
          { name: 'id', type: 'serial', autoIncrement: true, primaryKey: true, notNull: true },
          { name: 'email', type: 'varchar(255)', primaryKey: false, notNull: false },
          { name: 'createdAt', type: 'timestamptz', notNull: true },
        ],
        at: [5, 11],
      },
      { kind: 'createIndex', table: 'Users', name: 'users_email', at: [20, 11] },
      { kind: 'dropTable', tables: ['Users'], ifExists: true, direction: 'down', at: [23, 11] },
    ]);
  });

  it('marks the calls given the transaction of queryInterface.sequelize.transaction()', () => {
    const inTransaction = lines(
      "'use strict';",
      "/** @type {import('sequelize-cli').Migration} */",
      'module.exports = {',
      '  async up(queryInterface, Sequelize) {',
      "    await queryInterface.addIndex('Users', ['email'], { name: 'users_email', concurrently: true });",
      '    await queryInterface.sequelize.transaction(async (transaction) => {',
      '      await queryInterface.sequelize.query("SET LOCAL lock_timeout = \'5s\'", { transaction });',
      "      await queryInterface.addColumn('Users', 'age', { type: Sequelize.INTEGER }, { transaction });",
      "      await queryInterface.addConstraint('Posts', {",
      "        type: 'foreign key',",
      "        fields: ['userId'],",
      "        name: 'posts_user_fk',",
      "        references: { table: 'Users', field: 'id' },",
      "        onDelete: 'cascade',",
      '        transaction,',
      '      });',
      "      await queryInterface.addIndex('Posts', ['userId'], { concurrently: true, transaction });",
      "      await queryInterface.removeIndex('Posts', 'posts_author', { concurrently: true, transaction: null });",
      '    });',
      '  },',
      '  async down(queryInterface) {',
      "    await queryInterface.removeColumn('Users', 'age');",
      '  },',
      '};',
    );
    const result = lintMigration(inTransaction, 'migrations/20240115103000-add-age.js');
    // The first build runs on its own connection (Sequelize does not wrap migrations); the second is
    // given the transaction. The DROP with `transaction: null` runs outside it.
    expect(result.reports).toEqual([['no-concurrently-in-transaction', 17, 13]]);
    expect(result.messages.find((message) => message.line === 17)?.message).toBe(
      'CREATE INDEX CONCURRENTLY cannot run inside a transaction block, and this call runs in a transaction the migration opened and passes to it: the migration fails when it runs. Call it without the transaction, outside the transaction callback.',
    );
    expect(result.operations).toMatchObject([
      { kind: 'createIndex', table: 'Users', concurrently: true, at: [5, 11] },
      { kind: 'setting', name: 'lock_timeout', value: '5s', local: true, origin: 'sql', inTransaction: true, at: [7, 45] },
      { kind: 'addColumn', table: 'Users', column: { name: 'age', type: 'integer' }, inTransaction: true, at: [8, 13] },
      { kind: 'addConstraint', table: 'Posts', constraint: { type: 'foreignKey', name: 'posts_user_fk', referencedTable: 'Users', notValid: false }, inTransaction: true, at: [9, 13] },
      { kind: 'createIndex', table: 'Posts', name: 'posts_user_id', concurrently: true, inTransaction: true, at: [17, 13] },
      { kind: 'dropIndex', names: ['posts_author'], concurrently: true, at: [18, 13] },
      { kind: 'dropColumn', direction: 'down', at: [22, 11] },
    ]);
    expect(result.operations[0]).not.toHaveProperty('inTransaction');
    expect(result.operations[5]).not.toHaveProperty('inTransaction');
  });

  it('recognises the older template without JSDoc by its parameters', () => {
    const seed = lines(
      "'use strict';",
      '',
      'module.exports = {',
      '  up: (queryInterface, Sequelize) => {',
      "    return queryInterface.bulkDelete('Sessions', null, { truncate: true, cascade: true });",
      '  },',
      '',
      '  down: (queryInterface, Sequelize) => {',
      "    return queryInterface.bulkDelete('Sessions', { expired: true });",
      '  }',
      '};',
    );
    const result = lintMigration(seed, 'migrations/20190101000000-clear-sessions.js');
    expect(result.migration.tool).toBe('sequelize');
    expect(result.reports).toEqual([['require-lock-timeout', 5, 12]]);
    expect(result.operations).toMatchObject([
      { kind: 'truncate', tables: ['Sessions'], cascade: true, at: [5, 12] },
      { kind: 'dataChange', statement: 'delete', table: 'Sessions', hasWhere: true, direction: 'down', at: [9, 12] },
    ]);
  });
});

describe('Umzug migrations', () => {
  it('binds to the destructured context, whatever it is renamed to', () => {
    const addNickname = lines(
      "import type { MigrationFn } from 'umzug';",
      "import { DataTypes, type QueryInterface } from 'sequelize';",
      '',
      'export const up: MigrationFn<QueryInterface> = async ({ context: queryInterface }) => {',
      "  await queryInterface.addColumn('users', 'nickname', { type: DataTypes.STRING(50) });",
      "  await queryInterface.addIndex('users', ['nickname'], { concurrently: true });",
      "  await queryInterface.addColumn('users', 'public_id', {",
      '    type: DataTypes.UUID,',
      '    allowNull: false,',
      '    defaultValue: DataTypes.UUIDV4,',
      '  });',
      '};',
      '',
      'export const down: MigrationFn<QueryInterface> = async ({ context: queryInterface }) => {',
      "  await queryInterface.removeColumn('users', 'public_id');",
      "  await queryInterface.removeIndex('users', 'users_nickname', { concurrently: true });",
      "  await queryInterface.removeColumn('users', 'nickname');",
      '};',
    );
    const result = lintMigration(addNickname, 'migrations/2024.01.15T10.30.00.add-nickname.ts');
    expect(result.migration).toMatchObject({ tool: 'sequelize', transaction: NOT_WRAPPED });
    expect(result.reports).toEqual([
      ['require-lock-timeout', 5, 9],
      ['require-lock-timeout', 7, 9],
    ]);
    expect(result.operations).toMatchObject([
      { kind: 'addColumn', table: 'users', column: { name: 'nickname', type: 'varchar(50)', notNull: false }, at: [5, 9] },
      { kind: 'createIndex', table: 'users', name: 'users_nickname', concurrently: true, at: [6, 9] },
      // UUIDV4 is generated in JavaScript on model inserts: the column gets NOT NULL and no default.
      { kind: 'addColumn', column: { name: 'public_id', type: 'uuid', notNull: true, default: undefined }, at: [7, 9] },
      { kind: 'dropColumn', column: 'public_id', direction: 'down', at: [15, 9] },
      { kind: 'dropIndex', names: ['users_nickname'], concurrently: true, direction: 'down', at: [16, 9] },
      { kind: 'dropColumn', column: 'nickname', direction: 'down', at: [17, 9] },
    ]);
  });

  it('follows `({ context })` and `const { sequelize } = context` to raw SQL, data changes and defaults', () => {
    const orders = lines(
      "import type { MigrationFn } from 'umzug';",
      "import { Sequelize, type QueryInterface } from 'sequelize';",
      '',
      'export const up: MigrationFn<QueryInterface> = async ({ context }) => {',
      '  const { sequelize } = context;',
      "  await sequelize.query(`SET lock_timeout = '2s'`);",
      "  await context.addColumn('orders', 'token', {",
      '    type: Sequelize.UUID,',
      "    defaultValue: Sequelize.fn('gen_random_uuid'),",
      '  });',
      "  await context.changeColumn('orders', 'status', Sequelize.TEXT);",
      "  await context.bulkUpdate('orders', { status: 'open' }, {});",
      "  await context.bulkDelete('orders', { status: 'void' });",
      "  await sequelize.query('UPDATE orders SET total = :total WHERE note::text = :note', { replacements: { total: 0, note: 'x' } });",
      "  await sequelize.query('UPDATE orders SET note = ? WHERE id = ?', { replacements: ['n/a', 7] });",
      "  await sequelize.query(buildSql('orders'));",
      "  await sequelize.query('ALTER TABLE orders ADD COLUM flag boolean');",
      '};',
      '',
      'function buildSql(table: string): string {',
      '  return `ALTER TABLE ${table} ADD COLUMN archived boolean`;',
      '}',
      '',
      'export const down: MigrationFn<QueryInterface> = async ({ context }) => {',
      "  await context.removeColumn('orders', 'token');",
      '};',
    );
    const result = lintMigration(orders, 'migrations/2024.01.16T10.30.00.orders.ts');
    expect(result.reports).toEqual([
      ['no-opaque-sql', 16, 9],
      ['no-sql-syntax-error', 17, 60],
    ]);
    expect(result.operations).toMatchObject([
      { kind: 'setting', name: 'lock_timeout', value: '2s', local: false, at: [6, 26] },
      { kind: 'addColumn', table: 'orders', column: { name: 'token', type: 'uuid', default: { text: 'gen_random_uuid()', volatile: true } }, at: [7, 9] },
      { kind: 'dropNotNull', table: 'orders', column: 'status', at: [11, 9] },
      { kind: 'dropDefault', table: 'orders', column: 'status', at: [11, 9] },
      { kind: 'alterColumnType', table: 'orders', column: 'status', newType: 'text', at: [11, 9] },
      { kind: 'dataChange', statement: 'update', table: 'orders', hasWhere: false, at: [12, 9] },
      { kind: 'dataChange', statement: 'delete', table: 'orders', hasWhere: true, at: [13, 9] },
      { kind: 'dataChange', statement: 'update', table: 'orders', hasWhere: true, origin: 'sql', at: [14, 26] },
      { kind: 'dataChange', statement: 'update', table: 'orders', hasWhere: true, origin: 'sql', at: [15, 26] },
      { kind: 'opaque', reason: 'the SQL passed to query() is not written in the migration', at: [16, 9] },
      { kind: 'syntaxError', message: 'syntax error at or near "boolean"', at: [17, 60] },
      { kind: 'dropColumn', table: 'orders', column: 'token', direction: 'down', at: [25, 9] },
    ]);
  });

  it('reads a Sequelize instance given as the context, in a JavaScript migration typed in JSDoc', () => {
    const instance = lines(
      "/** @type {import('umzug').MigrationFn<import('sequelize').Sequelize>} */",
      'exports.up = async ({ context: sequelize }) => {',
      "  await sequelize.getQueryInterface().renameTable('people', 'persons');",
      "  await sequelize.query('CREATE INDEX CONCURRENTLY persons_name_idx ON persons (name)');",
      '};',
    );
    const result = lintMigration(instance, 'migrations/2024.01.17T10.30.00.rename-people.js');
    expect(result.migration.tool).toBe('sequelize');
    expect(result.reports).toEqual([['require-lock-timeout', 3, 9]]);
    expect(result.operations).toMatchObject([
      { kind: 'renameTable', table: 'people', newName: 'persons', at: [3, 9] },
      { kind: 'createIndex', table: 'persons', concurrently: true, origin: 'sql', at: [4, 26] },
    ]);
  });
});

describe('QueryInterface calls as Sequelize 6 runs them on Postgres', () => {
  const operationsOf = (body: string[]) =>
    lintMigration(
      lines("import { DataTypes, Op, type QueryInterface } from 'sequelize';", 'export async function up(queryInterface: QueryInterface) {', ...body, '}'),
      'migrations/20240115103000-change.ts',
    ).operations;

  it('drops NOT NULL and the default that changeColumn does not restate, and sets the rest', () => {
    expect(
      operationsOf([
        "  await queryInterface.changeColumn('users', 'email', { type: DataTypes.STRING, allowNull: false });",
        "  await queryInterface.changeColumn('users', 'role', { type: DataTypes.STRING(20), defaultValue: 'member', unique: true });",
        "  await queryInterface.changeColumn('users', 'team_id', { type: DataTypes.INTEGER, references: { model: 'teams', key: 'id' } });",
      ]),
    ).toMatchObject([
      { kind: 'setNotNull', column: 'email', at: [3, 9] },
      { kind: 'dropDefault', column: 'email', at: [3, 9] },
      { kind: 'alterColumnType', column: 'email', newType: 'varchar(255)', at: [3, 9] },
      { kind: 'dropNotNull', column: 'role', at: [4, 9] },
      { kind: 'setDefault', column: 'role', default: { text: "'member'", volatile: false }, at: [4, 9] },
      { kind: 'addConstraint', constraint: { type: 'unique' }, at: [4, 9] },
      { kind: 'alterColumnType', column: 'role', newType: 'varchar(20)', at: [4, 9] },
      // With `references`, Sequelize adds the foreign key instead of setting the type.
      { kind: 'addConstraint', table: 'users', constraint: { type: 'foreignKey', referencedTable: 'teams' }, at: [5, 9] },
    ]);
  });

  it('reads column attributes: serial, literal defaults, inline references, arrays and enums', () => {
    expect(
      operationsOf([
        "  await queryInterface.addColumn('events', 'seq', { type: DataTypes.BIGINT, autoIncrement: true });",
        "  await queryInterface.addColumn('events', 'at', { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW });",
        "  await queryInterface.addColumn('events', 'score', { type: new DataTypes.DECIMAL(10, 2), defaultValue: 0 });",
        "  await queryInterface.addColumn('events', 'tags', { type: DataTypes.ARRAY(DataTypes.TEXT), defaultValue: Sequelize.literal('ARRAY[]::text[]') });",
        "  await queryInterface.addColumn('events', 'kind', DataTypes.ENUM('a', 'b'));",
        "  await queryInterface.addColumn({ tableName: 'events', schema: 'audit' }, 'user_id', { type: 'INTEGER', references: { model: 'users', key: 'id' } });",
      ]),
    ).toMatchObject([
      { kind: 'addColumn', column: { name: 'seq', type: 'bigserial', autoIncrement: true } },
      { kind: 'addColumn', column: { name: 'at', type: 'timestamptz', notNull: true, default: undefined } },
      { kind: 'addColumn', column: { name: 'score', type: 'numeric(10,2)', default: { text: '0', volatile: false } } },
      { kind: 'addColumn', column: { name: 'tags', type: 'text[]', default: { text: 'ARRAY[]::text[]', volatile: false } } },
      { kind: 'addColumn', column: { name: 'kind', type: 'public.enum_events_kind' } },
      { kind: 'addColumn', table: 'audit.events', column: { name: 'user_id', type: 'integer', references: 'users' } },
    ]);
  });

  it('fills replacements held in a variable as unknown values, positional or named', () => {
    expect(
      operationsOf([
        "  const ids = [1, 2];",
        "  await queryInterface.sequelize.query('DELETE FROM sessions WHERE user_id IN (?) AND kind = :kind', { replacements: ids });",
      ]),
    ).toMatchObject([
      { kind: 'dataChange', statement: 'delete', table: 'sessions', hasWhere: true, origin: 'sql', at: [4, 41] },
    ]);
  });

  it('reads index, constraint and table calls with the names Sequelize generates', () => {
    expect(
      operationsOf([
        "  await queryInterface.addIndex('Users', ['firstName', { name: 'lastName', order: 'DESC' }], { type: 'UNIQUE' });",
        "  await queryInterface.addIndex('users', { fields: ['email'], name: 'users_email_live', where: { deleted_at: null } });",
        "  await queryInterface.removeIndex('users', ['email', 'name'], { concurrently: true });",
        "  await queryInterface.addConstraint('users', { type: 'check', fields: ['email'], where: { email: { [Op.ne]: null } } });",
        "  await queryInterface.addConstraint('users', { type: 'unique', fields: ['email'] });",
        "  await queryInterface.addConstraint('users', { type: 'primary key', fields: ['id'], name: 'users_pkey' });",
        "  await queryInterface.removeConstraint('users', 'users_email_uk');",
        "  await queryInterface.dropTable('sessions', { cascade: true });",
        "  await queryInterface.bulkInsert('roles', [{ name: 'admin' }]);",
      ]),
    ).toMatchObject([
      { kind: 'createIndex', table: 'Users', name: 'users_first_name_last_name', unique: true, concurrently: false },
      { kind: 'createIndex', table: 'users', name: 'users_email_live', unique: false },
      { kind: 'dropIndex', names: ['users_email_name'], concurrently: true, ifExists: true },
      { kind: 'addConstraint', table: 'users', constraint: { type: 'check', name: 'users_email_ck', provesNotNull: ['email'] } },
      { kind: 'addConstraint', table: 'users', constraint: { type: 'unique', name: 'users_email_uk', provesNotNull: [] } },
      { kind: 'addConstraint', table: 'users', constraint: { type: 'primaryKey', name: 'users_pkey' } },
      { kind: 'dropConstraint', table: 'users', name: 'users_email_uk' },
      { kind: 'dropTable', tables: ['sessions'] },
      { kind: 'dataChange', statement: 'insert', table: 'roles', hasWhere: false },
    ]);
  });
});
