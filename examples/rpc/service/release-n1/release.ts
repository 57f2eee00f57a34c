import { oneOfArg, optionalStringArg, recordArg, stringArg, stringListArg } from '../../messaging/args.ts';
import { Notifier } from '../../notifications/notifier.ts';
import { ObjectRegistry } from '../../objects/registry.ts';
import { ENVELOPE_ROLLOUT } from '../../wire/envelope.ts';
import type { Release } from '../release.ts';
import { EPHEMERAL_CHOICES } from './compute-rpc.ts';
import { ComputeManager, computeEndpoints } from './compute-manager.ts';
import { ComputeApi } from './compute-rpcapi.ts';
import { Instance } from './instance.ts';
import { InstanceActionPayload, LEGACY_EVENT_TYPES, NOTIFICATIONS } from './notifications.ts';
import { SERVICE_HISTORY } from './version-history.ts';

/** Dogwood, release N+1: compute RPC 2.1 (and 1.2 through the proxy), envelope 2.0 on the wire. */
export const release: Release = {
  name: 'dogwood',
  history: SERVICE_HISTORY,
  wireFormat: ENVELOPE_ROLLOUT.writeNext,
  objects: new ObjectRegistry([Instance, InstanceActionPayload]),
  computeEndpoints: (notifier) => computeEndpoints(new ComputeManager(notifier)),
  createNotifier: (publisherId, send) =>
    new Notifier({ publisherId, format: 'both', registry: NOTIFICATIONS, legacyEventTypes: LEGACY_EVENT_TYPES, send }),
  rebuildApi(deps) {
    const compute = new ComputeApi(deps);
    return {
      rebuild: (body) =>
        compute.rebuildInstance(stringArg(body, 'host'), {
          instance: new Instance(recordArg(body, 'instance')),
          imageRef: stringArg(body, 'imageRef'),
          ephemeral: oneOfArg(body, 'ephemeral', EPHEMERAL_CHOICES),
          acceleratorIds: stringListArg(body, 'acceleratorIds'),
          reason: optionalStringArg(body, 'reason'),
        }),
      reset: () => compute.reset(),
    };
  },
};
