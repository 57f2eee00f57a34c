import type { RunRequest, RunResult, WorkerMessage } from './worker-protocol';

/** PGlite in a Web Worker: the page stays responsive while Postgres starts and runs a migration. */
export class WorkerPostgres {
  private readonly worker = new Worker(new URL('./pglite.worker.ts', import.meta.url));
  private readonly pending = new Map<number, (result: RunResult) => void>();
  private nextId = 0;
  /** Resolves with the page time (performance.now()) at which Postgres was ready. */
  readonly ready: Promise<number>;

  constructor() {
    this.ready = new Promise((resolve, reject) => {
      this.worker.addEventListener('message', ({ data }: MessageEvent<WorkerMessage>) => {
        if (data.type === 'ready') resolve(performance.now());
        else if (data.type === 'failed') reject(new Error(`Postgres did not start: ${data.error.message}`));
        else this.pending.get(data.id)?.(data.result);
      });
      this.worker.addEventListener('error', (event) => reject(new Error(`Postgres worker: ${event.message}`)));
    });
  }

  async run(request: RunRequest): Promise<RunResult> {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, (result) => {
        this.pending.delete(id);
        resolve(result);
      });
      this.worker.postMessage({ id, request });
    });
  }

  terminate(): void {
    this.worker.terminate();
  }
}
