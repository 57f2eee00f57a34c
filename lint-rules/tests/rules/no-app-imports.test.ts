import rule from '../../src/rules/no-app-imports.ts';
import { knexMigration, kyselyMigration, MIGRATION_FILENAME, ruleTester, sequelizeMigration } from '../fixtures.ts';

const filename = MIGRATION_FILENAME;
const withImport = (line: string) => knexMigration("  await knex.raw('UPDATE users SET plan = 1 WHERE id < 1000');").replace("import type { Knex } from 'knex';", `import type { Knex } from 'knex';\n${line}`);

ruleTester().run('no-app-imports', rule, {
  valid: [
    { code: withImport("import type { User } from '../src/models/user';"), filename },
    { code: withImport("import { type User, type Plan } from '../src/models';"), filename },
    { code: withImport("import { chunk } from './lib/batches';"), filename },
    { code: withImport("import { randomUUID } from 'node:crypto';"), filename },
    // A helper in another folder of the same migrations tree stays frozen with the migrations.
    { code: withImport("import { chunk } from '../lib/batches';"), filename: 'db/migrations/2024/20240101000000_plans.ts' },
    { code: withImport("import { PLANS } from '../src/billing/plans';"), filename, options: [{ allow: ['../src/billing/*'] }] },
    { code: kyselyMigration("  await db.schema.alterTable('users').addColumn('plan', 'integer').execute();"), filename },
  ],
  invalid: [
    {
      code: withImport("import { User } from '../src/models/user';"),
      filename,
      errors: [{ messageId: 'outsideMigrations', line: 2, column: 22, endColumn: 42, data: { source: '../src/models/user' } }],
    },
    {
      code: `const { PlanService } = require('../services/plans');

exports.up = async (knex) => {
  await knex.raw('UPDATE users SET plan = 1 WHERE id < 1000');
};
exports.down = async () => {};
`,
      filename,
      errors: [{ messageId: 'outsideMigrations', line: 1, column: 33, data: { source: '../services/plans' } }],
    },
    {
      // sequelize-cli projects keep their models in ../models, next to the migrations folder.
      code: sequelizeMigration("    await User.update({ plan: 'free' }, { where: { plan: null } });").replace("'use strict';", "'use strict';\nconst { User } = require('../models');"),
      filename: 'migrations/20240101000000-default-plan.js',
      errors: [{ messageId: 'outsideMigrations', line: 2, column: 26, data: { source: '../models' } }],
    },
    {
      code: `import { Migration } from '@mikro-orm/migrations';
import { User } from '../entities/User';

export class Migration20240101000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(\`update "user" set "plan" = '\${User.name}' where "id" < 1000;\`);
  }
}
`,
      filename: 'src/migrations/Migration20240101000000.ts',
      errors: [{ messageId: 'outsideMigrations', line: 2, column: 22, data: { source: '../entities/User' } }],
    },
    {
      // TypeORM's entities sit next to its migrations folder.
      code: `import { MigrationInterface, QueryRunner } from "typeorm";
import { User } from "../entity/User";

export class DefaultPlans1704067200000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.manager.update(User, { plan: null }, { plan: "free" });
    }

    public async down(): Promise<void> {}
}
`,
      filename: 'src/migrations/1704067200000-DefaultPlans.ts',
      errors: [{ messageId: 'outsideMigrations', line: 2, column: 22, data: { source: '../entity/User' } }],
    },
    {
      code: withImport("import { db } from '@/db';\nexport { PLANS } from '#billing/plans';"),
      filename,
      errors: [
        { messageId: 'applicationCode', line: 2, column: 20, data: { source: '@/db', pattern: '@/*' } },
        { messageId: 'applicationCode', line: 3, column: 23, data: { source: '#billing/plans', pattern: '#*' } },
      ],
    },
    {
      code: kyselyMigration(`  const { Plan } = await import('~/models/plan');
  await db.updateTable('users').set({ plan: Plan.FREE }).where('id', '<', 1000).execute();`),
      filename,
      errors: [{ messageId: 'applicationCode', line: 4, column: 33, data: { source: '~/models/plan', pattern: '~/*' } }],
    },
  ],
});

ruleTester({ appImportPatterns: ['@acme/models*'] }).run('no-app-imports (appImportPatterns)', rule, {
  valid: [{ code: withImport("import { db } from '@/db';"), filename }],
  invalid: [
    {
      code: withImport("import { Order } from '@acme/models/order';"),
      filename,
      errors: [{ messageId: 'applicationCode', line: 2, column: 23, data: { source: '@acme/models/order', pattern: '@acme/models*' } }],
    },
  ],
});
