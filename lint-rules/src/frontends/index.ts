import { drizzleFrontend } from './drizzle.ts';
import type { JsFrontend } from './frontend.ts';
import { knexFrontend } from './knex.ts';
import { kyselyFrontend } from './kysely.ts';
import { mikroOrmFrontend } from './mikro-orm.ts';
import { nodePgMigrateFrontend } from './node-pg-migrate.ts';
import { sequelizeFrontend } from './sequelize.ts';
import { typeormFrontend } from './typeorm.ts';

/** Every JS/TS frontend; the one that recognises a file best reads it. */
export const JS_FRONTENDS: readonly JsFrontend[] = [knexFrontend, kyselyFrontend, sequelizeFrontend, mikroOrmFrontend, drizzleFrontend, nodePgMigrateFrontend, typeormFrontend];
