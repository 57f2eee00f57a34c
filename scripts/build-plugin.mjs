// Builds the plugin to dist/ as ES modules: its entry awaits the WebAssembly SQL parser at top level.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}dist`, { recursive: true, force: true });
execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}lint-rules/tsconfig.build.json`], { stdio: 'inherit' });
// The root package has no "type" (the site build needs CommonJS); this marks dist/ as ESM.
mkdirSync(`${root}dist`, { recursive: true });
writeFileSync(`${root}dist/package.json`, `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
