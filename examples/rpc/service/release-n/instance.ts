import { fields } from '../../objects/fields.ts';
import { VersionedObject } from '../../objects/versioned-object.ts';

export type InstanceValues = {
  uuid: string;
  hostname: string;
  vcpus: number;
  memoryMb: number;
  taskState: string | null;
};

export class Instance extends VersionedObject<InstanceValues> {
  static readonly objectName = 'Instance';
  static readonly namespace = 'compute';
  // 1.0: uuid, hostname, vcpus, memoryMb
  // 1.1: taskState (cedar)
  static readonly VERSION = '1.1';
  static readonly fields = {
    uuid: fields.string(),
    hostname: fields.string(),
    vcpus: fields.integer(),
    memoryMb: fields.integer(),
    taskState: fields.string({ nullable: true, since: '1.1' }),
  };

  summary(): string {
    return `${this.get('hostname')} (${this.get('vcpus')} vCPU, ${this.get('memoryMb')} MiB)`;
  }
}
