import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { newRequestContext } from '../messaging/context.ts';
import { ComputeManager as CedarManager } from '../service/release-n/compute-manager.ts';
import { LEGACY_EVENT_TYPES as CEDAR_LEGACY } from '../service/release-n/notifications.ts';
import { release as cedar } from '../service/release-n/release.ts';
import { SAMPLE_INSTANCE as CEDAR_INSTANCE } from '../service/release-n/sample-objects.ts';
import { ComputeManager } from '../service/release-n1/compute-manager.ts';
import { InstanceActionPayload, LEGACY_EVENT_TYPES, NOTIFICATIONS } from '../service/release-n1/notifications.ts';
import { SAMPLE_INSTANCE } from '../service/release-n1/sample-objects.ts';
import { readPayload, UnsupportedPayloadVersionError } from './consumer.ts';
import { ForbiddenLegacyNotificationError, Notifier, UnregisteredNotificationError, type NotificationMessage } from './notifier.ts';
import { populatePayload } from './payload.ts';
import { resolveRefs } from './samples.ts';

const SAMPLES = fileURLToPath(new URL('../service/release-n1/notification-samples/', import.meta.url));
const loadSample = (file: string) => resolveRefs(JSON.parse(readFileSync(`${SAMPLES}${file}`, 'utf8')), loadSample);

type Sent = NotificationMessage<unknown>;
type Format = 'both' | 'versioned' | 'unversioned';

/** Dogwood's notifier, keeping what it sends. */
function dogwoodNotifier(format: Format = 'both') {
  const sent: Sent[] = [];
  const send = (message: Sent) => sent.push(message);
  const notifier = new Notifier({ publisherId: 'compute:compute-1', format, registry: NOTIFICATIONS, legacyEventTypes: LEGACY_EVENT_TYPES, send });
  return { sent, notifier };
}

/** What dogwood's compute emits for a rebuild of the sample instance. */
function dogwoodRebuild(format?: Format): Sent[] {
  const { sent, notifier } = dogwoodNotifier(format);
  const request = { instance: SAMPLE_INSTANCE, imageRef: 'base-2026-01', ephemeral: 'recreate' as const, acceleratorIds: [] };
  new ComputeManager(notifier).rebuildInstance(request, '2.1', newRequestContext());
  return sent;
}

const versioned = (sent: Sent[]) => sent.filter((message) => !message.event_type.startsWith('compute.'));

describe('documented samples', () => {
  // #region samples-test
  it.each(NOTIFICATIONS.map((spec) => [spec.eventType, spec] as const))('%s: the code emits its sample', (eventType, spec) => {
    const emitted = versioned(dogwoodRebuild()).find((message) => message.event_type === eventType);
    if (!emitted) throw new Error(`${eventType} was not emitted`);
    // Ids and clocks differ on every run: check their shape, compare everything else.
    const { message_id: id, timestamp: at, ...rest } = emitted;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Date(at).toISOString()).toBe(at);
    const { message_id: _sampleId, timestamp: _sampleTime, ...sample } = loadSample(spec.sample) as Sent;
    expect(rest).toEqual(sample);
  });

  it('every registered notification has a sample file, and every sample file is registered', () => {
    const files = readdirSync(SAMPLES).filter((name) => name.endsWith('.json'));
    expect(NOTIFICATIONS.map((spec) => spec.sample).sort()).toEqual(files.sort());
  });
  // #endregion samples-test
});

describe('legacy notifications', () => {
  // #region legacy-test
  it('no new legacy event may join: the list only shrinks from the previous release', () => {
    expect(CEDAR_LEGACY).toEqual(expect.arrayContaining([...LEGACY_EVENT_TYPES]));
    expect(Object.isFrozen(LEGACY_EVENT_TYPES)).toBe(true);
  });

  it('emitting an unlisted legacy event fails, whatever the configured format', () => {
    for (const format of ['both', 'versioned', 'unversioned'] as const) {
      const { notifier } = dogwoodNotifier(format);
      expect(() => notifier.emitLegacy('compute.instance.resize.start', {})).toThrow(ForbiddenLegacyNotificationError);
    }
  });
  // #endregion legacy-test

  it('a versioned event must be registered with its payload class', () => {
    const { notifier } = dogwoodNotifier();
    const payload = populatePayload(InstanceActionPayload, { instance: SAMPLE_INSTANCE });
    expect(() => notifier.emit('instance.resize.start', payload)).toThrow(UnregisteredNotificationError);
    expect(() => notifier.emit('instance.rebuild.start', SAMPLE_INSTANCE)).toThrow(UnregisteredNotificationError);
  });

  it.each([
    ['both', ['compute.instance.rebuild.start', 'instance.rebuild.start', 'compute.instance.rebuild.end', 'instance.rebuild.end']],
    ['versioned', ['instance.rebuild.start', 'instance.rebuild.end']],
    ['unversioned', ['compute.instance.rebuild.start', 'compute.instance.rebuild.end']],
  ] as const)('format %s sends %j', (format, eventTypes) => {
    expect(dogwoodRebuild(format).map((message) => message.event_type)).toEqual(eventTypes);
  });
});

describe('a consumer written for InstanceActionPayload 1.0', () => {
  // #region consumer-test
  const expectation = { name: 'InstanceActionPayload', version: '1.0', fields: ['uuid', 'hostname', 'taskState'] };

  it('reads cedar’s 1.0 and dogwood’s 1.1 alike, ignoring the field 1.1 added', () => {
    const sent: Sent[] = [];
    const notifier = cedar.createNotifier('compute:compute-1', (message) => sent.push(message));
    new CedarManager(notifier).rebuildInstance(
      { instance: CEDAR_INSTANCE, imageRef: 'base-2026-01', preserveEphemeral: false, acceleratorIds: [] },
      newRequestContext(),
    );
    const fromCedar = versioned(sent).map((message) => readPayload(message, expectation));
    const fromDogwood = versioned(dogwoodRebuild()).map((message) => readPayload(message, expectation));
    expect(fromDogwood).toEqual(fromCedar);
    expect(fromDogwood[0]).toEqual({ uuid: SAMPLE_INSTANCE.get('uuid'), hostname: 'web-1', taskState: 'rebuilding' });
  });

  it('rejects a 2.0 payload with an error that names both versions', () => {
    const [message] = versioned(dogwoodRebuild());
    const next = { ...message, payload: { ...(message.payload as object), 'obj.version': '2.0' } };
    expect(() => readPayload(next, expectation)).toThrow(UnsupportedPayloadVersionError);
    expect(() => readPayload(next, expectation)).toThrow('InstanceActionPayload 2.0 is a different major version than 1.0');
  });
  // #endregion consumer-test
});

it('the payload version is the one the sample documents', () => {
  expect((loadSample('instance-rebuild-end.json') as Sent).payload).toMatchObject({ 'obj.version': InstanceActionPayload.VERSION });
});
