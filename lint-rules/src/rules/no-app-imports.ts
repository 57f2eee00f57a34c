import path from 'node:path';
import { getMigration, getSettings } from '../analysis.ts';
import { createRule } from '../create-rule.ts';
import { DEFAULT_APP_IMPORT_PATTERNS } from '../settings.ts';

export interface Options {
  allow: string[];
}

const DEFAULT_OPTIONS: [Options] = [{ allow: [] }];

/** Folders the presets treat as migration folders (configs/index.ts): a relative import may stay inside one. */
const MIGRATION_FOLDERS = /(^|\/)(migrations|migration|db\/migrate)(\/|$)/;

export default createRule({
  name: 'no-app-imports',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow migrations that load application code (models, services, entities) instead of keeping what they need',
      recommended: 'recommended',
    },
    messages: {
      outsideMigrations:
        "This migration loads '{{source}}' from outside the migrations folder. A migration runs again long after it was written (a new database, CI, a new developer), and by then that code has changed while the schema the migration expects has not: copy what it needs into the migration, or into a helper inside the migrations folder.",
      applicationCode:
        "This migration loads application code ('{{source}}' matches '{{pattern}}' in settings['live-upgrade'].appImportPatterns). A migration runs again long after it was written, and by then that code has changed while the schema the migration expects has not: copy what it needs into the migration.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string' },
            description: 'Import specifiers to accept anyway (`*` matches any characters), for code kept frozen on purpose.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: DEFAULT_OPTIONS,
  },
  defaultOptions: DEFAULT_OPTIONS,
  create(context, [options]) {
    return {
      Program() {
        const { imports } = getMigration(context);
        if (!imports) return;
        const patterns = getSettings(context).appImportPatterns ?? DEFAULT_APP_IMPORT_PATTERNS;
        const file = context.filename.replaceAll('\\', '/');
        for (const { source, loc } of imports) {
          if (options.allow.some((allowed) => matches(source, allowed))) continue;
          if (isRelative(source)) {
            if (leavesMigrationsFolder(file, source)) context.report({ loc, messageId: 'outsideMigrations', data: { source } });
            continue;
          }
          const pattern = patterns.find((candidate) => matches(source, candidate));
          if (pattern !== undefined) context.report({ loc, messageId: 'applicationCode', data: { source, pattern } });
        }
      },
    };
  },
});

/** `*` matches any characters, `/` included; the pattern must match the whole specifier. */
function matches(source: string, pattern: string): boolean {
  const expression = pattern
    .split(/\*+/)
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${expression}$`).test(source);
}

/** Relative specifiers are judged by where they lead, not by the patterns. */
function isRelative(source: string): boolean {
  return source === '.' || source === '..' || source.startsWith('./') || source.startsWith('../');
}

/**
 * A relative specifier that resolves outside the outermost migrations folder above the file (or
 * outside the file's own folder when it sits in none).
 */
function leavesMigrationsFolder(file: string, source: string): boolean {
  const directory = path.posix.dirname(file);
  const folder = MIGRATION_FOLDERS.exec(directory);
  const root = folder ? directory.slice(0, folder.index + folder[1]!.length + folder[2]!.length) : directory;
  const target = path.posix.resolve('/', directory, source);
  const base = path.posix.resolve('/', root);
  return target !== base && !target.startsWith(`${base}/`);
}
