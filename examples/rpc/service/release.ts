import type { Transport } from '../messaging/client.ts';
import type { EntitySerializer } from '../messaging/context.ts';
import type { Endpoint } from '../messaging/dispatcher.ts';
import type { Notifier } from '../notifications/notifier.ts';
import type { ObjectRegistry } from '../objects/registry.ts';
import type { ServiceHistory } from '../upgrade/service-history.ts';
import type { VersionCap } from '../upgrade/version-cap.ts';
import type { WireFormat } from '../wire/envelope.ts';

// What a release of the service hands to the node runner (service/node.ts): its own RPC
// versions, objects, wire format and handlers. Everything release-specific lives behind this.

export interface ComputeApiDeps {
  transport: Transport;
  format: WireFormat;
  versionCap: VersionCap;
  serializer: EntitySerializer;
}

/** How one call went: the version it went out at, what could not be sent, what the server said. */
export interface RebuildOutcome {
  sentVersion: string;
  droppedArgs: readonly string[];
  result: unknown;
}

/** The controller's public API: takes a JSON request, makes the RPC call, reports how it went. */
export interface RebuildApi {
  rebuild(body: Record<string, unknown>): Promise<RebuildOutcome>;
  /** Drop cached clients and caps (the reload signal). */
  reset(): void;
}

export interface Release {
  readonly name: string;
  readonly history: ServiceHistory;
  readonly wireFormat: WireFormat;
  readonly objects: ObjectRegistry;
  computeEndpoints(notifier: Notifier): Endpoint[];
  createNotifier(publisherId: string, send: ConstructorParameters<typeof Notifier>[0]['send']): Notifier;
  rebuildApi(deps: ComputeApiDeps): RebuildApi;
}
