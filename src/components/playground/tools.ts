/** The migration tools the playground knows. Only SQL, Knex and Kysely run in the page. */
export const TOOLS = {
  knex: { label: 'Knex', extension: 'ts', runs: true },
  kysely: { label: 'Kysely', extension: 'ts', runs: true },
  'node-pg-migrate': { label: 'node-pg-migrate', extension: 'ts', runs: false },
  typeorm: { label: 'TypeORM', extension: 'ts', runs: false },
  sequelize: { label: 'Sequelize', extension: 'js', runs: false },
  'mikro-orm': { label: 'MikroORM', extension: 'ts', runs: false },
  sql: { label: 'SQL', extension: 'sql', runs: true },
} as const;

export type Tool = keyof typeof TOOLS;

// The plugin itself recognises a migration by what it imports; these patterns only pick the tab.
const SIGNATURES: [Tool, RegExp][] = [
  ['knex', /from ['"]knex['"]|require\(['"]knex['"]\)|\bKnex\b/],
  ['kysely', /from ['"]kysely['"]|\bKysely\b/],
  ['node-pg-migrate', /node-pg-migrate|MigrationBuilder/],
  ['mikro-orm', /@mikro-orm\//],
  ['typeorm', /from ['"]typeorm['"]|MigrationInterface|QueryRunner/],
  ['sequelize', /sequelize|queryInterface/i],
];

/** The tool a migration is written for, from its file name and imports. */
export function toolOf(code: string, filename = ''): Tool {
  if (filename.endsWith('.sql')) return 'sql';
  return SIGNATURES.find(([, pattern]) => pattern.test(code))?.[0] ?? (/^\s*(--|[A-Z]+\s)/.test(code) ? 'sql' : 'knex');
}
