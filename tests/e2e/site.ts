// Serves a built site on 127.0.0.1 with `docusaurus serve` and launches Debian's Chromium.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilServing(origin: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`docusaurus serve exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${origin}/`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${origin} did not answer within 60 s`);
}

export interface Site {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startSite(buildDir: string): Promise<Site> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(
    'npx',
    ['docusaurus', 'serve', '--dir', buildDir, '--host', '127.0.0.1', '--port', String(port), '--no-open'],
    { stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  const stopServer = () => {
    // The server runs in its own process group (npx starts a child), so stop the whole group.
    if (server.exitCode === null && server.pid) process.kill(-server.pid, 'SIGTERM');
  };
  let browser: Browser | undefined;
  try {
    await waitUntilServing(origin, server);
    const executablePath = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (error) {
    stopServer();
    throw error;
  }
  const launched = browser;
  return {
    origin,
    browser: launched,
    async close() {
      await launched.close().catch(() => {});
      stopServer();
    },
  };
}
