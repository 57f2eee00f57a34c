import { describe, expect, it } from 'vitest';
import { ObjectSerializer } from '../objects/serializer.ts';
import { release as cedar } from '../service/release-n/release.ts';
import { release as dogwood } from '../service/release-n1/release.ts';
import { SAMPLE_INSTANCE } from '../service/release-n1/sample-objects.ts';
import type { Release } from '../service/release.ts';
import { RpcClient } from './client.ts';
import { Dispatcher, serveRaw } from './dispatcher.ts';
import { InProcessTransport } from './in-process-transport.ts';

/** A compute server of `server`, called by a client that may send any version (no cap). */
function callCompute(server: Release, version: string, args: Record<string, unknown>): Promise<unknown> {
  const notifier = server.createNotifier('compute:test', () => {});
  const dispatcher = new Dispatcher(server.computeEndpoints(notifier), new ObjectSerializer(server.objects));
  const transport = new InProcessTransport({ compute: (raw) => serveRaw(dispatcher, server.wireFormat, raw) });
  const client = new RpcClient({ transport, format: dogwood.wireFormat, version, serializer: new ObjectSerializer(dogwood.objects) });
  return client.prepare({ server: 'compute' }).call('rebuildInstance', args);
}

const instance = SAMPLE_INSTANCE;
const v1Args = { instance, imageRef: 'base-2026-01', preserveEphemeral: true, acceleratorIds: ['gpu-1'] };
const v2Args = { instance, imageRef: 'base-2026-01', ephemeral: 'preserve', acceleratorIds: ['gpu-1'] };

describe('after the 2.0 bump, dogwood still serves 1.x for one release', () => {
  // #region previous-major-test
  it.each(['1.0', '1.1', '1.2'])('a %s message dispatches to the 1.x proxy', async (version) => {
    const result = await callCompute(dogwood, version, v1Args);
    expect(result).toMatchObject({ handledBy: '1.2', ephemeral: 'preserve', acceleratorIds: ['gpu-1'] });
  });

  it('the proxy gives absent 1.x arguments their 1.0 meaning', async () => {
    const result = await callCompute(dogwood, '1.0', { instance, imageRef: 'base-2026-01' });
    expect(result).toMatchObject({ handledBy: '1.2', ephemeral: 'recreate', acceleratorIds: [] });
  });

  it.each(['2.0', '2.1'])('a %s message dispatches to the 2.x endpoint', async (version) => {
    const result = await callCompute(dogwood, version, v2Args);
    expect(result).toMatchObject({ handledBy: '2.1', ephemeral: 'preserve', reason: null });
  });

  it.each(['3.0', '2.2', '0.9'])('a %s message gets a clear UnsupportedVersionError', async (version) => {
    await expect(callCompute(dogwood, version, v2Args)).rejects.toMatchObject({
      remoteName: 'UnsupportedVersionError',
      remoteMessage: `Version ${version} is not supported; this server implements 2.1, 1.2`,
    });
  });
  // #endregion previous-major-test

  it('cedar, which never had 2.x, refuses a 2.0 message by name', async () => {
    await expect(callCompute(cedar, '2.0', v2Args)).rejects.toMatchObject({
      remoteName: 'UnsupportedVersionError',
      remoteMessage: 'Version 2.0 is not supported; this server implements 1.2',
    });
  });

  it('2.x arguments are required: a missing one is a named error, not a default', async () => {
    const { ephemeral: _omitted, ...withoutEphemeral } = v2Args;
    await expect(callCompute(dogwood, '2.1', withoutEphemeral)).rejects.toMatchObject({ remoteName: 'InvalidArgumentError' });
  });

  it('an unknown method at a served version is NoSuchMethodError', async () => {
    const notifier = dogwood.createNotifier('compute:test', () => {});
    const dispatcher = new Dispatcher(dogwood.computeEndpoints(notifier));
    await expect(dispatcher.dispatch({ method: 'resizeInstance', version: '2.1', args: {} })).rejects.toThrow(
      'No method "resizeInstance" at version 2.1',
    );
  });
});
