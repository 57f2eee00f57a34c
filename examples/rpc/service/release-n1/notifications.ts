import { fields } from '../../objects/fields.ts';
import type { NotificationSpec } from '../../notifications/notifier.ts';
import { VersionedObject } from '../../objects/versioned-object.ts';
import type { InstanceValues } from './instance.ts';

// #region payload
export class InstanceActionPayload extends VersionedObject<InstanceValues> {
  static readonly objectName = 'InstanceActionPayload';
  static readonly namespace = 'compute';
  // 1.0: uuid, hostname, vcpus, memoryMb, taskState
  // 1.1: description
  static readonly VERSION = '1.1';
  static readonly fields = {
    uuid: fields.string(),
    hostname: fields.string(),
    vcpus: fields.integer(),
    memoryMb: fields.integer(),
    taskState: fields.string({ nullable: true }),
    description: fields.string({ nullable: true, since: '1.1' }),
  };
  static readonly SCHEMA = {
    uuid: ['instance', 'uuid'],
    hostname: ['instance', 'hostname'],
    vcpus: ['instance', 'vcpus'],
    memoryMb: ['instance', 'memoryMb'],
    taskState: ['instance', 'taskState'],
    description: ['instance', 'description'],
  } as const;
}
// #endregion payload

// #region registry
export const NOTIFICATIONS: readonly NotificationSpec[] = [
  { eventType: 'instance.rebuild.start', priority: 'INFO', payload: InstanceActionPayload, sample: 'instance-rebuild-start.json' },
  { eventType: 'instance.rebuild.end', priority: 'INFO', payload: InstanceActionPayload, sample: 'instance-rebuild-end.json' },
];
// #endregion registry

// #region legacy
/**
 * Unversioned events still sent for consumers that have not moved to the versioned ones.
 * Frozen: entries may be removed, never added (a test holds it to the previous release's list).
 */
export const LEGACY_EVENT_TYPES: readonly string[] = Object.freeze(['compute.instance.rebuild.start', 'compute.instance.rebuild.end']);
// #endregion legacy
