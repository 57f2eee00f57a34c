import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { REQUESTS } from '../matrix/matrix-cells.ts';
import { postJson } from '../messaging/http.ts';
import { registerService } from '../upgrade/service-registry.ts';
import { isGroupAlive, startNode, stopAllNodes, type ReleaseFolder } from './processes.ts';

let registryDir: string;

beforeEach(async () => {
  registryDir = await mkdtemp(join(tmpdir(), 'rpc-upgrade-'));
  return () => rm(registryDir, { recursive: true, force: true });
});
afterAll(stopAllNodes);

const compute = (release: ReleaseFolder, host: string) =>
  startNode(release, { NODE_ROLE: 'compute', NODE_HOST: host, REGISTRY_DIR: registryDir });
const controller = (cap: string) =>
  startNode('release-n1', { NODE_ROLE: 'controller', NODE_HOST: 'controller-1', REGISTRY_DIR: registryDir, COMPUTE_VERSION_CAP: cap });

async function rebuildOn(controllerUrl: string, host: string): Promise<{ sentVersion: string }> {
  const { body } = await postJson(`${controllerUrl}/api/rebuild`, JSON.stringify({ ...REQUESTS['N+1'], host }));
  return JSON.parse(body) as { sentVersion: string };
}

// #region rolling-upgrade-test
it('auto keeps the cap through the upgrade and lifts it on the reload signal after the last old node', async () => {
  const oldCompute = await compute('release-n', 'compute-1');
  await compute('release-n1', 'compute-2');
  const api = await controller('auto');
  expect(await rebuildOn(api.url, 'compute-2')).toMatchObject({ sentVersion: '1.2' });

  await oldCompute.stop();
  expect(isGroupAlive(oldCompute.pid)).toBe(false);
  await compute('release-n1', 'compute-1'); // the last cedar node comes back on dogwood
  expect(await rebuildOn(api.url, 'compute-2')).toMatchObject({ sentVersion: '1.2' }); // cached

  api.signal('SIGHUP');
  await api.waitFor((event) => event.event === 'reloaded');
  expect(await rebuildOn(api.url, 'compute-2')).toMatchObject({ sentVersion: '2.1' });
  expect(api.events.filter((event) => event.event === 'log').map((event) => event.line)).toEqual([
    'Automatically selected compute RPC version 1.2 from minimum service version 3',
    'Automatically selected compute RPC version 2.1 from minimum service version 5',
  ]);
});

it('a controller refuses to start next to a compute older than its support window', async () => {
  // A birch compute (service version 2) is still registered; dogwood supports cedar and newer.
  await registerService(registryDir, { host: 'compute-9', binary: 'compute', serviceVersion: 2, url: 'http://127.0.0.1:9' });
  await expect(controller('auto')).rejects.toThrow(/exited: TooOldComputeServiceError: A compute service at version 2 is running/);
});
// #endregion rolling-upgrade-test

it('a controller refuses to start with a cap it cannot read', async () => {
  await expect(controller('elm')).rejects.toThrow(/exited: InvalidCapSettingError: Version cap "elm"/);
});

it('stopping a node ends its whole process group', async () => {
  const node = await compute('release-n', 'compute-1');
  expect(isGroupAlive(node.pid)).toBe(true);
  await node.stop();
  expect(isGroupAlive(node.pid)).toBe(false);
});
