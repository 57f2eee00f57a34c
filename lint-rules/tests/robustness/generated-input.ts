/** Deterministic odd input for the robustness test: malformed SQL and strange JS around it. */

/** A small seeded PRNG (mulberry32), so a failure reproduces. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATEMENTS = [
  "ALTER TABLE users ADD COLUMN age integer NOT NULL DEFAULT 0",
  'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email) WHERE deleted_at IS NULL',
  'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID',
  'ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk',
  "ALTER TYPE mood ADD VALUE 'ok' BEFORE 'sad'",
  'ALTER TABLE users ALTER COLUMN id TYPE bigint USING id::bigint',
  "SET lock_timeout = '2s'",
  'DROP INDEX CONCURRENTLY users_email_idx',
  'UPDATE users SET plan = $1 WHERE id BETWEEN $2 AND $3',
  'DO $$ BEGIN RAISE NOTICE $q$hi$q$; END $$',
  "COMMENT ON TABLE users IS 'ünïcödé 🚀'",
  'ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY',
  'CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY, doc jsonb, g int GENERATED ALWAYS AS (id + 1) STORED)',
];

const NOISE = ['(', ')', "'", '"', '$$', ';', '--', '/*', '\\', '`', '${', '}', 'ü', '\u0000', '\n', ' CASCADE', ' NOT VALID'];

/** A statement cut, spliced and sprinkled with quotes, comments and stray characters. */
export function malformedSql(next: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  let sql = pick(STATEMENTS);
  const edits = 1 + Math.floor(next() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (sql.length + 1));
    const action = next();
    if (action < 0.4) sql = sql.slice(0, at) + pick(NOISE) + sql.slice(at);
    else if (action < 0.7) sql = sql.slice(0, at);
    else sql = sql.slice(0, at) + ';' + pick(STATEMENTS) + sql.slice(at);
  }
  return sql;
}

/** The ways SQL reaches a migration: strings, templates with interpolations, builders, bindings. */
export function migrationAround(sql: string, next: () => number): string {
  const template = sql.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${');
  const withInterpolations = template.replace(/\b(users|orders|id)\b/g, (word) => (next() < 0.5 ? '${' + word + '}' : word));
  const single = JSON.stringify(sql);
  const forms = [
    `import type { Knex } from 'knex';\nexport async function up(knex: Knex) { await knex.raw(${single}); }`,
    `import type { Knex } from 'knex';\nexport async function up(knex: Knex) { await knex.raw(\`${withInterpolations}\`, [users, orders]); }`,
    `import { sql, type Kysely } from 'kysely';\nexport async function up(db: Kysely<any>) { await sql\`${withInterpolations}\`.execute(db); }`,
    `import { sql, type Kysely } from 'kysely';\nexport async function up(db: Kysely<any>) { await sql\`\${sql.raw(${single})}\`.execute(db); await db.schema.alterTable(${single}).addColumn(${single}, 'text').execute(); }`,
    `exports.up = (knex) => knex.schema.alterTable(${single}, (t) => { t.index(${single}); t.dropColumn(); t[name](${single}).alter(); });`,
    `export async function up(pgm) { pgm.sql(${single}); pgm.createIndex(${single}, ${single}, { concurrently: ${next() < 0.5} }); }`,
    `export class M1700000000000 { async up(queryRunner) { await queryRunner.query(\`${withInterpolations}\`); } }`,
    `module.exports = { async up(queryInterface, Sequelize) { await queryInterface.sequelize.query(${single}); await queryInterface.addIndex(${single}, [${single}]); } };`,
    `export class Migration20240101000000 extends Migration { async up() { this.addSql(${single}); } }`,
  ];
  return forms[Math.floor(next() * forms.length)]!;
}

/** JS that is odd in itself: up functions without parameters, with rest/destructured ones, deep chains. */
export const ODD_MODULES = [
  'export async function up() {}',
  'export async function up(...args) { await args[0].schema.alterTable("t", (t) => t.dropColumn("c")); }',
  'export async function up({ context: { sequelize } }) { await sequelize.query("ALTER TABLE t DROP COLUMN c"); }',
  'export const up = async (knex = defaultKnex) => knex.raw`ALTER TABLE t DROP COLUMN c`;',
  'export async function up(db) { await db.schema.alterTable().addColumn().execute(); await db.schema[x]().y; }',
  'export default { up: async (db) => db?.schema?.dropTable?.("t") };',
  'export async function up(knex) { await knex.raw(); await knex.raw(null); await knex.raw(1, 2); await knex.raw(`${a}${b}${c}`); }',
  'exports.up = function up(knex) { return knex.schema.alterTable("t", function () { arguments[0].dropColumn("c"); }); };',
  `export async function up(knex) { await knex.raw(\`${'ALTER TABLE t ADD COLUMN c int; '.repeat(2000)}\`); }`,
  `export async function up(knex) { await knex.schema${'.alterTable("t", (t) => t.integer("a"))'.repeat(300)}; }`,
  'export async function up(knex) { await knex.raw("SELECT 1", ...bindings); await knex.transaction(); await knex.transaction(async (trx) => trx.raw("ALTER TABLE t DROP COLUMN c")); }',
];
