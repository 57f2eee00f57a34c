import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

// Starts service nodes as real, separate Node processes (TypeScript loaded through jiti), each
// in its own process group, and makes sure none outlives the test run: stopAllNodes() in
// afterAll, a SIGKILL sweep when the test process exits, and each node exits when its stdin
// (held by this process) closes.

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export type ReleaseFolder = 'release-n' | 'release-n1';

export interface NodeEvent {
  event: string;
  [key: string]: unknown;
}

export interface NodeProcess {
  readonly pid: number;
  readonly url: string;
  readonly events: readonly NodeEvent[];
  /** Resolves with the first event (already seen or still to come) that matches. */
  waitFor(match: (event: NodeEvent) => boolean, timeoutMs?: number): Promise<NodeEvent>;
  signal(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
}

/** Stop functions of the nodes still running, by pid. */
const running = new Map<number, () => Promise<void>>();

// #region exit-sweep
process.on('exit', () => {
  for (const pid of running.keys()) killGroup(pid, 'SIGKILL');
});
// #endregion exit-sweep

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

export async function startNode(release: ReleaseFolder, env: Record<string, string>, timeoutMs = 30_000): Promise<NodeProcess> {
  // #region spawn
  const entry = fileURLToPath(new URL(`./${release}/main.ts`, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'jiti/register', entry], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  // #endregion spawn
  if (pid === undefined) throw new Error(`Could not start ${release}`);
  // 'close' comes after the output streams are drained, so stderr is complete by then.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  void exited.then(() => running.delete(pid));

  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const events: NodeEvent[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout }).on('line', (line) => {
    events.push(JSON.parse(line) as NodeEvent);
    for (const wake of waiters) wake();
  });

  const waitFor = (match: (event: NodeEvent) => boolean, ms = timeoutMs) =>
    new Promise<NodeEvent>((resolve, reject) => {
      const check = () => {
        const found = events.find(match);
        if (found) finish(() => resolve(found));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`${release} (pid ${pid}): no matching event within ${ms} ms`))), ms);
      const onExit = () => finish(() => reject(new Error(`${release} (pid ${pid}) exited: ${stderr.trim()}`)));
      let settled = false;
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      void exited.then(onExit);
      check();
    });

  const stop = async () => {
    if (!running.has(pid)) return;
    killGroup(pid, 'SIGTERM');
    const killer = setTimeout(() => killGroup(pid, 'SIGKILL'), 3_000);
    await exited;
    clearTimeout(killer);
  };
  running.set(pid, stop);

  try {
    const ready = await waitFor((event) => event.event === 'ready');
    return { pid, url: String(ready.url), events, waitFor, signal: (signal) => child.kill(signal), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function stopAllNodes(): Promise<void> {
  await Promise.all([...running.values()].map((stop) => stop()));
}

/** Is any process of the group this node leads still alive? */
export function isGroupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
