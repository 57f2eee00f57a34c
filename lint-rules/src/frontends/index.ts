import type { JsFrontend } from './frontend.ts';
import { knexFrontend } from './knex.ts';
import { kyselyFrontend } from './kysely.ts';

/** Every JS/TS frontend; the one that recognises a file best reads it. */
export const JS_FRONTENDS: readonly JsFrontend[] = [knexFrontend, kyselyFrontend];
