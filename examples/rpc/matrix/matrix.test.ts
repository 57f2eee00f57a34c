import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postJson } from '../messaging/http.ts';
import { startNode, stopAllNodes } from '../service/processes.ts';
import { CAP_SETTINGS, MATRIX, RELEASES, REQUESTS, type MatrixCell, type Outcome } from './matrix-cells.ts';

afterAll(stopAllNodes);

interface ApiReply {
  ok: boolean;
  error?: { name: string };
  sentVersion?: string;
  droppedArgs?: string[];
  result?: { handledBy: string; instanceFields: string[]; backports: string[] };
}

// #region run-cell
/** Turns the controller's reply into the cell's outcome; "works" only when nothing was lost. */
function observe(reply: ApiReply, request: Record<string, unknown>): Outcome {
  if (!reply.ok) return { outcome: 'error', error: reply.error?.name ?? 'unknown' };
  const { sentVersion = '', droppedArgs = [], result } = reply;
  if (!result) throw new Error(`No result in ${JSON.stringify(reply)}`);
  const sentFields = Object.keys(request.instance as Record<string, unknown>);
  const lostFields = sentFields.filter((field) => !result.instanceFields.includes(field));
  const clean = droppedArgs.length === 0 && result.backports.length === 0 && lostFields.length === 0;
  return {
    outcome: clean ? 'works' : 'degraded',
    sentVersion,
    handledBy: result.handledBy,
    droppedArgs,
    backports: result.backports,
    lostFields,
  };
}

async function runCell({ client, server, cap }: MatrixCell): Promise<Outcome> {
  const registryDir = await mkdtemp(join(tmpdir(), 'rpc-matrix-'));
  const compute = await startNode(RELEASES[server].folder, { NODE_ROLE: 'compute', NODE_HOST: 'compute-1', REGISTRY_DIR: registryDir });
  const controller = await startNode(RELEASES[client].folder, {
    NODE_ROLE: 'controller',
    NODE_HOST: 'controller-1',
    REGISTRY_DIR: registryDir,
    COMPUTE_VERSION_CAP: CAP_SETTINGS[cap],
  });
  try {
    const request = REQUESTS[client];
    const { body } = await postJson(`${controller.url}/api/rebuild`, JSON.stringify(request));
    return observe(JSON.parse(body) as ApiReply, request);
  } finally {
    await Promise.all([compute.stop(), controller.stop()]);
    await rm(registryDir, { recursive: true, force: true });
  }
}

// #endregion run-cell

describe.concurrent('client × server × version cap, across real processes', () => {
  it.each(MATRIX.map((cell) => [`client ${cell.client}, server ${cell.server}, cap ${cell.cap}`, cell] as const))(
    '%s',
    async (_name, cell) => {
      expect(await runCell(cell)).toEqual(cell.expected);
    },
  );
});

it('covers every combination exactly once', () => {
  const keys = MATRIX.map(({ client, server, cap }) => `${client}|${server}|${cap}`);
  expect(new Set(keys).size).toBe(2 * 2 * 3);
  expect(keys).toHaveLength(2 * 2 * 3);
});
