import { describe, expect, it } from 'vitest';
import { RpcClient } from '../messaging/client.ts';
import { newRequestContext } from '../messaging/context.ts';
import { Dispatcher, serveRaw } from '../messaging/dispatcher.ts';
import { InProcessTransport } from '../messaging/in-process-transport.ts';
import { conductorBackportApi, conductorEndpoint, CONDUCTOR_RPC_VERSION } from '../service/conductor.ts';
import { Instance as CedarInstance } from '../service/release-n/instance.ts';
import { release as cedar } from '../service/release-n/release.ts';
import { release as dogwood } from '../service/release-n1/release.ts';
import { SAMPLE_INSTANCE } from '../service/release-n1/sample-objects.ts';
import { ObjectSerializer } from './serializer.ts';
import { IncompatibleObjectVersionError, VersionedObject } from './versioned-object.ts';

/** A cedar node whose serializer asks a dogwood conductor for backports, over the wire formats of both. */
function cedarSerializerWithConductor() {
  const conductor = new Dispatcher([conductorEndpoint(dogwood.objects)]);
  const transport = new InProcessTransport({ conductor: (raw) => serveRaw(conductor, dogwood.wireFormat, raw) });
  const client = new RpcClient({ transport, format: cedar.wireFormat, version: CONDUCTOR_RPC_VERSION });
  return { transport, serializer: new ObjectSerializer(cedar.objects, conductorBackportApi(client)) };
}

describe('an object too new for the receiver', () => {
  // #region backport-path-test
  it('is backported by the conductor to the version the receiver knows, and the backport is reported', async () => {
    const { serializer, transport } = cedarSerializerWithConductor();
    const context = newRequestContext();
    const args = (await serializer.deserialize({ instance: SAMPLE_INSTANCE.toPrimitive() }, context)) as { instance: VersionedObject };

    expect(args.instance).toBeInstanceOf(CedarInstance);
    expect(args.instance.setFields()).toEqual(['uuid', 'hostname', 'vcpus', 'memoryMb', 'taskState']);
    expect(context.backports).toEqual(['Instance 1.2 -> 1.1']);
    // The request carried cedar's manifest, so the conductor knew which version to write.
    const request = JSON.parse(transport.sent[0]) as { args: { manifest: unknown } };
    expect(request.args.manifest).toEqual({ Instance: '1.1', InstanceActionPayload: '1.0' });
  });

  it('fails with IncompatibleObjectVersionError where there is no conductor to ask', async () => {
    const serializer = new ObjectSerializer(cedar.objects);
    await expect(serializer.deserialize(SAMPLE_INSTANCE.toPrimitive(), newRequestContext())).rejects.toThrow(IncompatibleObjectVersionError);
  });
  // #endregion backport-path-test

  it('an object the receiver knows is decoded without a conductor round trip', async () => {
    const { serializer, transport } = cedarSerializerWithConductor();
    const context = newRequestContext();
    await serializer.deserialize([SAMPLE_INSTANCE.toPrimitive({ targetVersion: '1.1' })], context);
    expect(transport.sent).toEqual([]);
    expect(context.backports).toEqual([]);
  });
});
