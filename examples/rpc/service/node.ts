import { RpcClient } from '../messaging/client.ts';
import { plainJson } from '../messaging/context.ts';
import { Dispatcher, serveRaw } from '../messaging/dispatcher.ts';
import { httpTransport, startHttpServer, type Route } from '../messaging/http.ts';
import { failureOf } from '../messaging/messages.ts';
import { ObjectSerializer } from '../objects/serializer.ts';
import { currentEntry } from '../upgrade/service-history.ts';
import { minimumServiceVersion, newestUrl, registerService, urlOf, type Binary } from '../upgrade/service-registry.ts';
import { checkSupportWindow, parseCapSetting, VersionCap } from '../upgrade/version-cap.ts';
import { CONDUCTOR_RPC_VERSION, conductorBackportApi, conductorEndpoint } from './conductor.ts';
import type { Release } from './release.ts';

// One node of the service, as a separate process. NODE_ROLE=compute serves the compute RPC API;
// NODE_ROLE=controller runs the conductor (object backports) and the public API that makes
// compute calls under COMPUTE_VERSION_CAP. Nodes find each other in the registry directory.
// Every line on stdout is one JSON event; the first is {"event":"ready","url":…}.

function emit(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function rpcRoute(dispatcher: Dispatcher, release: Release): Route {
  return async (body) => ({ status: 200, body: await serveRaw(dispatcher, release.wireFormat, body) });
}

function startCompute(release: Release, registryDir: string, host: string) {
  const conductor = new RpcClient({
    transport: httpTransport(() => newestUrl(registryDir, 'conductor')),
    format: release.wireFormat,
    version: CONDUCTOR_RPC_VERSION,
  });
  const backport = conductorBackportApi(conductor);
  const notifier = release.createNotifier(`compute:${host}`, (message) => emit({ event: 'notification', message }));
  const dispatcher = new Dispatcher(release.computeEndpoints(notifier), new ObjectSerializer(release.objects, backport));
  return startHttpServer({ '/rpc': rpcRoute(dispatcher, release) });
}

async function startController(release: Release, registryDir: string) {
  const setting = parseCapSetting(process.env.COMPUTE_VERSION_CAP, release.history);
  const minimumCompute = () => minimumServiceVersion(registryDir, 'compute');
  checkSupportWindow(release.history, await minimumCompute());
  const versionCap = new VersionCap(setting, release.history, minimumCompute, (line) => emit({ event: 'log', line }));
  const api = release.rebuildApi({
    transport: httpTransport((host) => urlOf(registryDir, 'compute', host)),
    format: release.wireFormat,
    versionCap,
    serializer: new ObjectSerializer(release.objects),
  });
  // #region reload
  process.on('SIGHUP', () => {
    api.reset();
    emit({ event: 'reloaded' });
  });
  // #endregion reload
  const conductor = new Dispatcher([conductorEndpoint(release.objects)], plainJson);
  const apiRoute: Route = async (body) => {
    try {
      return { status: 200, body: JSON.stringify({ ok: true, ...(await api.rebuild(JSON.parse(body) as Record<string, unknown>)) }) };
    } catch (error) {
      return { status: 500, body: JSON.stringify({ ok: false, error: failureOf(error) }) };
    }
  };
  return startHttpServer({ '/rpc': rpcRoute(conductor, release), '/api/rebuild': apiRoute });
}

export function runNode(release: Release): void {
  // #region parent-watch
  // The parent holds our stdin open; when it goes away, so does this node.
  process.stdin.on('end', () => process.exit(0)).resume();
  // #endregion parent-watch
  const start = async () => {
    const role = required('NODE_ROLE');
    if (role !== 'compute' && role !== 'controller') throw new Error(`NODE_ROLE must be compute or controller, not ${role}`);
    const host = required('NODE_HOST');
    const registryDir = required('REGISTRY_DIR');
    const server = role === 'compute' ? await startCompute(release, registryDir, host) : await startController(release, registryDir);
    const binary: Binary = role === 'compute' ? 'compute' : 'conductor';
    await registerService(registryDir, { host, binary, serviceVersion: currentEntry(release.history).serviceVersion, url: server.url });
    emit({ event: 'ready', release: release.name, url: server.url });
  };
  start().catch((error: unknown) => {
    const { name, message } = failureOf(error);
    process.stderr.write(`${name}: ${message}\n`);
    process.exit(1);
  });
}
