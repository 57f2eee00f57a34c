import type { RpcClient } from '../messaging/client.ts';
import type { Endpoint } from '../messaging/dispatcher.ts';
import type { ObjectRegistry } from '../objects/registry.ts';
import { backportObject, type BackportApi } from '../objects/serializer.ts';
import type { ObjectPrimitive } from '../objects/versioned-object.ts';

// The conductor runs on the controllers, which are upgraded first, so it knows the newest
// version of every object and can rewrite one for a node that runs older code.

export const CONDUCTOR_RPC_VERSION = '1.0';

// #region conductor
export function conductorEndpoint(registry: ObjectRegistry): Endpoint {
  return {
    version: CONDUCTOR_RPC_VERSION,
    methods: {
      objectBackport: (args) => backportObject(registry, args.object as ObjectPrimitive, args.manifest as Record<string, string>),
    },
  };
}

/** What a node's serializer calls when an object is too new for it. */
export function conductorBackportApi(conductor: RpcClient): BackportApi {
  return {
    objectBackport: async (object, manifest) =>
      (await conductor.prepare({ server: 'conductor' }).call('objectBackport', { object, manifest })) as ObjectPrimitive,
  };
}
// #endregion conductor
