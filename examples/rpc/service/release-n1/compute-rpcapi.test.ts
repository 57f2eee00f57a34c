import { describe, expect, it } from 'vitest';
import { Dispatcher, serveRaw } from '../../messaging/dispatcher.ts';
import { InProcessTransport } from '../../messaging/in-process-transport.ts';
import { ArgumentNeedsNewerVersionError } from '../../messaging/negotiation.ts';
import { ObjectSerializer } from '../../objects/serializer.ts';
import { parseCapSetting, VersionCap } from '../../upgrade/version-cap.ts';
import type { RebuildRequest } from './compute-rpc.ts';
import { ComputeApi } from './compute-rpcapi.ts';
import { release as dogwood } from './release.ts';
import { SAMPLE_INSTANCE } from './sample-objects.ts';
import { SERVICE_HISTORY } from './version-history.ts';

/** Dogwood's compute API under `cap`, calling a dogwood compute node (2.1, and 1.2 via its proxy). */
function computeApi(cap: string) {
  const notifier = dogwood.createNotifier('compute:compute-1', () => {});
  const server = new Dispatcher(dogwood.computeEndpoints(notifier), new ObjectSerializer(dogwood.objects));
  const transport = new InProcessTransport({ 'compute-1': (raw) => serveRaw(server, dogwood.wireFormat, raw) });
  const versionCap = new VersionCap(parseCapSetting(cap, SERVICE_HISTORY), SERVICE_HISTORY, async () => 0);
  const api = new ComputeApi({ transport, format: dogwood.wireFormat, versionCap, serializer: new ObjectSerializer(dogwood.objects) });
  return { api, transport };
}

/** The request exactly as it went over the wire (dogwood sends 2.0 envelopes). */
function onTheWire(raw: string): { version: string; args: Record<string, unknown> } {
  return JSON.parse((JSON.parse(raw) as { msg: string }).msg) as { version: string; args: Record<string, unknown> };
}

const request: RebuildRequest = {
  instance: SAMPLE_INSTANCE,
  imageRef: 'base-2026-01',
  ephemeral: 'recreate',
  acceleratorIds: [],
  reason: 'rebuild on the patched base image',
};

describe('rebuildInstance steps down under the cap', () => {
  // #region ladder-test
  it.each([
    ['', '2.1', ['instance', 'imageRef', 'ephemeral', 'acceleratorIds', 'reason'], []],
    ['2.0', '2.0', ['instance', 'imageRef', 'ephemeral', 'acceleratorIds'], ['reason']],
    ['cedar', '1.2', ['instance', 'imageRef', 'preserveEphemeral', 'acceleratorIds'], ['reason']],
    ['1.1', '1.1', ['instance', 'imageRef', 'preserveEphemeral'], ['reason']],
    ['1.0', '1.0', ['instance', 'imageRef'], ['reason']],
  ])('cap %j: sent at %s with exactly %j; dropped %j', async (cap, version, argNames, dropped) => {
    const { api, transport } = computeApi(cap);
    const outcome = await api.rebuildInstance('compute-1', request);
    const wire = onTheWire(transport.sent[0]);
    expect(wire.version).toBe(version);
    expect(Object.keys(wire.args)).toEqual(argNames);
    expect(outcome).toMatchObject({ sentVersion: version, droppedArgs: dropped });
  });

  it('an argument the old version cannot carry, and that matters, fails before anything is sent', async () => {
    const { api, transport } = computeApi('1.1');
    const needsAccelerators = api.rebuildInstance('compute-1', { ...request, acceleratorIds: ['gpu-1'] });
    await expect(needsAccelerators).rejects.toThrow(ArgumentNeedsNewerVersionError);
    await expect(needsAccelerators).rejects.toThrow('acceleratorIds needs RPC version 1.2, but messages are capped at 1.1');
    expect(transport.sent).toEqual([]);
  });
  // #endregion ladder-test

  it('"preserve" still reaches a 1.1 receiver as preserveEphemeral: true', async () => {
    const { api, transport } = computeApi('1.1');
    const outcome = await api.rebuildInstance('compute-1', { ...request, ephemeral: 'preserve' });
    expect(onTheWire(transport.sent[0]).args.preserveEphemeral).toBe(true);
    expect(outcome.result).toMatchObject({ handledBy: '1.2', ephemeral: 'preserve' });
  });

  it('"preserve" cannot be expressed at 1.0: an explicit error instead of a silent "recreate"', async () => {
    const { api, transport } = computeApi('1.0');
    await expect(api.rebuildInstance('compute-1', { ...request, ephemeral: 'preserve' })).rejects.toThrow(
      'ephemeral: "preserve" needs RPC version 1.1, but messages are capped at 1.0',
    );
    expect(transport.sent).toEqual([]);
  });

  it('without a reason to drop, stepping down loses nothing', async () => {
    const { api } = computeApi('cedar');
    const { reason: _none, ...withoutReason } = request;
    expect(await api.rebuildInstance('compute-1', withoutReason)).toMatchObject({ sentVersion: '1.2', droppedArgs: [] });
  });
});
