// Serves a built site on 127.0.0.1 the way a static host does (clean URLs, gzip) and launches
// Debian's Chromium. Shared by the browser tests and the Lighthouse budgets (bench/site).
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};
// Hosts compress text; binary formats are compressed already.
const COMPRESSED_TYPES = /^(text\/|application\/(json|xml|wasm)|image\/svg)/;

/** `docusaurus build` writes `/a/b` as `a/b.html` (trailingSlash: false) and `/a/` as `a/index.html`. */
async function fileFor(root: string, urlPath: string): Promise<string | undefined> {
  const path = resolve(root, `.${normalize(decodeURIComponent(urlPath))}`);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  for (const candidate of [path, `${path}.html`, join(path, 'index.html')]) {
    const found = await stat(candidate).catch(() => undefined);
    if (found?.isFile()) return candidate;
  }
  return undefined;
}

async function respond(root: string, basePath: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  // A site built for a sub-path (baseUrl) is served there only, as a host serving it beside others would.
  const inside = `${pathname}/`.startsWith(basePath);
  const file = inside ? await fileFor(root, `/${pathname.slice(basePath.length)}`) : undefined;
  const served = file ?? join(root, '404.html');
  const type = CONTENT_TYPES[extname(served)] ?? 'application/octet-stream';
  const gzip = COMPRESSED_TYPES.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']));
  response.writeHead(file ? 200 : 404, {
    'Content-Type': type,
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  const body = createReadStream(served).on('error', (error) => response.destroy(error));
  (gzip ? body.pipe(createGzip()) : body).pipe(response);
}

export interface Server {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `buildDir` on a free port of 127.0.0.1, under `basePath` (the site's baseUrl, `/…/`).
 * `origin` includes the base path without its trailing slash, so `${origin}/rules/x` is a page.
 */
export async function serveBuild(buildDir: string, basePath = '/'): Promise<Server> {
  const root = resolve(buildDir);
  await stat(join(root, 'index.html')).catch(() => {
    throw new Error(`${buildDir}/index.html is missing: run \`npm run build\` first`);
  });
  const server = createServer((request, response) => {
    respond(root, basePath, request, response).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}${basePath.replace(/\/$/, '')}`,
    close: () =>
      new Promise((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

/** Debian's Chromium (`apt-get install chromium`); never a downloaded browser. */
export function chromiumPath(): string {
  return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
}

export interface Site {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startSite(buildDir: string, basePath = '/'): Promise<Site> {
  const server = await serveBuild(buildDir, basePath);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    origin: server.origin,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}
