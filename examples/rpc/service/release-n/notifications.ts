import { fields } from '../../objects/fields.ts';
import type { NotificationSpec } from '../../notifications/notifier.ts';
import { VersionedObject } from '../../objects/versioned-object.ts';
import type { InstanceValues } from './instance.ts';

export class InstanceActionPayload extends VersionedObject<InstanceValues> {
  static readonly objectName = 'InstanceActionPayload';
  static readonly namespace = 'compute';
  // 1.0: uuid, hostname, vcpus, memoryMb, taskState
  static readonly VERSION = '1.0';
  static readonly fields = {
    uuid: fields.string(),
    hostname: fields.string(),
    vcpus: fields.integer(),
    memoryMb: fields.integer(),
    taskState: fields.string({ nullable: true }),
  };
  static readonly SCHEMA = {
    uuid: ['instance', 'uuid'],
    hostname: ['instance', 'hostname'],
    vcpus: ['instance', 'vcpus'],
    memoryMb: ['instance', 'memoryMb'],
    taskState: ['instance', 'taskState'],
  } as const;
}

export const NOTIFICATIONS: readonly NotificationSpec[] = [
  { eventType: 'instance.rebuild.start', priority: 'INFO', payload: InstanceActionPayload, sample: 'instance-rebuild-start.json' },
  { eventType: 'instance.rebuild.end', priority: 'INFO', payload: InstanceActionPayload, sample: 'instance-rebuild-end.json' },
];

export const LEGACY_EVENT_TYPES: readonly string[] = Object.freeze([
  'compute.instance.rebuild.start',
  'compute.instance.rebuild.end',
  'compute.instance.exists',
]);
