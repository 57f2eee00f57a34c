import { fields } from '../../objects/fields.ts';
import { VersionedObject } from '../../objects/versioned-object.ts';

export type InstanceValues = {
  uuid: string;
  hostname: string;
  vcpus: number;
  memoryMb: number;
  taskState: string | null;
  description: string | null;
};

// #region instance
export class Instance extends VersionedObject<InstanceValues> {
  static readonly objectName = 'Instance';
  static readonly namespace = 'compute';
  // 1.0: uuid, hostname, vcpus, memoryMb
  // 1.1: taskState (cedar)
  // 1.2: description (dogwood)
  static readonly VERSION = '1.2';
  static readonly fields = {
    uuid: fields.string(),
    hostname: fields.string(),
    vcpus: fields.integer(),
    memoryMb: fields.integer(),
    taskState: fields.string({ nullable: true, since: '1.1' }),
    description: fields.string({ nullable: true, since: '1.2' }),
  };

  summary(): string {
    return `${this.get('hostname')} (${this.get('vcpus')} vCPU, ${this.get('memoryMb')} MiB)`;
  }
}
// #endregion instance
