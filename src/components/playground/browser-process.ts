import { Buffer } from 'buffer';

// TypeScript (inside @typescript-eslint/parser) takes a `process` with `nextTick` and no `browser`
// flag for Node and then calls Node's `os`; ESLint's Linter asks `process.cwd()` for its base path;
// the plugin counts identifier bytes with Node's `Buffer`. Imported before them, by the playground
// only, so no other page gets these globals.
const scope = globalThis as { process?: unknown; Buffer?: unknown };
scope.process ??= { browser: true, env: {}, argv: [], cwd: () => '/', platform: 'browser' };
scope.Buffer ??= Buffer;
