import { join } from 'node:path';
import type { Plugin } from '@docusaurus/types';

// Node built-ins that ESLint, TypeScript, Knex and PGlite import but never use in a browser (file
// system, CLI and server code paths). `events` and `buffer` have browser packages installed; ESLint's
// Linter needs `path` (pathe implements it for browsers).
const NODE_ONLY = [
  'assert', 'child_process', 'crypto', 'dns', 'fs', 'fs/promises', 'module', 'net', 'os', 'perf_hooks',
  'readline', 'stream', 'string_decoder', 'timers', 'tls', 'tty', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];
// Knex's database drivers, required only when Knex connects (the playground never lets it).
const UNUSED_DRIVERS = ['better-sqlite3', 'mariadb/callback', 'mysql', 'mysql2', 'oracledb', 'pg', 'pg-native', 'pg-query-stream', 'sqlite3', 'tedious'];

const PLAYGROUND = join(__dirname, '../components/playground');

/**
 * Lets the playground bundle the plugin's TypeScript source, ESLint's browser Linter, Knex, Kysely
 * and PGlite. The playground is browser-only, so the server build leaves it out.
 */
export default function playgroundBundling(): Plugin {
  return {
    name: 'playground-bundling',
    configureWebpack(_config, isServer, { currentBundler }) {
      // The plugin's source imports its .ts files with .js specifiers.
      const extensionAlias = { '.js': ['.ts', '.tsx', '.js'] };
      if (isServer) return { resolve: { extensionAlias, alias: { [join(PLAYGROUND, 'Playground')]: false } } };
      const { NormalModuleReplacementPlugin } = currentBundler.instance;
      return {
        resolve: {
          extensionAlias,
          alias: Object.fromEntries(UNUSED_DRIVERS.map((name) => [`${name}$`, false])),
          fallback: { ...Object.fromEntries(NODE_ONLY.map((name) => [name, false])), path: require.resolve('pathe') },
        },
        plugins: [
          new NormalModuleReplacementPlugin(/^node:/, (resource: { request: string }) => {
            resource.request = resource.request.replace(/^node:/, '');
          }),
        ],
        // TypeScript and libpg-query's glue use __filename, __dirname and require(expression) on
        // their Node code paths only.
        ignoreWarnings: [/"__(filename|dirname)" is used and has been mocked/, /the request of a dependency is an expression/],
        module: {
          rules: [{ test: /libpg-query[\\/]wasm[\\/]libpg-query\.js$/, use: join(__dirname, 'libpg-query-wasm-loader.cjs') }],
        },
      };
    },
  };
}
