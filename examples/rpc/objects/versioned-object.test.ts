import { describe, expect, it } from 'vitest';
import { Instance as CedarInstance } from '../service/release-n/instance.ts';
import { release as dogwood } from '../service/release-n1/release.ts';
import { Instance } from '../service/release-n1/instance.ts';
import { SAMPLE_INSTANCE } from '../service/release-n1/sample-objects.ts';
import { compareVersions, parseVersion } from '../wire/version.ts';
import { ObjectRegistry } from './registry.ts';
import { IncompatibleObjectVersionError, ObjectFieldError, type ObjectPrimitive } from './versioned-object.ts';

const registry = new ObjectRegistry([Instance]);
const at = (version: string, data: Record<string, unknown>): ObjectPrimitive => ({
  'obj.name': 'Instance',
  'obj.namespace': 'compute',
  'obj.version': version,
  'obj.data': data,
});
const base = { uuid: '4f1d6a52-3c3e-4bb4-9a55-6f0e2b7c9d10', hostname: 'web-1', vcpus: 2, memoryMb: 4096 };

describe('toPrimitive', () => {
  // #region backport-test
  it.each([
    ['1.2', ['uuid', 'hostname', 'vcpus', 'memoryMb', 'taskState', 'description']],
    ['1.1', ['uuid', 'hostname', 'vcpus', 'memoryMb', 'taskState']],
    ['1.0', ['uuid', 'hostname', 'vcpus', 'memoryMb']],
  ])('at %s carries exactly the fields that version had', (targetVersion, fieldNames) => {
    const primitive = SAMPLE_INSTANCE.toPrimitive({ targetVersion });
    expect(primitive['obj.version']).toBe(targetVersion);
    expect(Object.keys(primitive['obj.data'])).toEqual(fieldNames);
  });
  // #endregion backport-test

  it.each(['1.3', '2.0', '0.9'])('cannot produce %s, a version this code does not implement', (targetVersion) => {
    expect(() => SAMPLE_INSTANCE.toPrimitive({ targetVersion })).toThrow(IncompatibleObjectVersionError);
  });

  it('leaves unset fields out instead of inventing values', () => {
    expect(new Instance(base).toPrimitive()['obj.data']).toEqual(base);
  });
});

describe('fromPrimitive', () => {
  // #region from-primitive-test
  it.each(['1.0', '1.1'])('accepts an older minor (%s): the fields it lacks stay unset', (version) => {
    const instance = registry.fromPrimitive(at(version, base)) as Instance;
    expect(instance.get('hostname')).toBe('web-1');
    expect(instance.isSet('description')).toBe(false);
  });

  it.each(['1.3', '2.0'])('refuses %s with the error that asks for a backport', (version) => {
    expect(() => registry.fromPrimitive(at(version, base))).toThrow(IncompatibleObjectVersionError);
    expect(() => registry.fromPrimitive(at(version, base))).toThrow(
      `Instance version ${version} cannot be read here: this code implements Instance 1.2`,
    );
  });
  // #endregion from-primitive-test

  it('refuses a field the claimed version does not have, and a value of the wrong type', () => {
    expect(() => registry.fromPrimitive(at('1.2', { ...base, colour: 'red' }))).toThrow(ObjectFieldError);
    expect(() => registry.fromPrimitive(at('1.2', { ...base, vcpus: 'two' }))).toThrow('Instance.vcpus must be integer');
  });

  it('cedar (Instance 1.1) refuses what dogwood sends at 1.2', () => {
    const cedar = new ObjectRegistry([CedarInstance]);
    expect(() => cedar.fromPrimitive(SAMPLE_INSTANCE.toPrimitive())).toThrow(IncompatibleObjectVersionError);
    expect(cedar.fromPrimitive(SAMPLE_INSTANCE.toPrimitive({ targetVersion: '1.1' })).setFields()).not.toContain('description');
  });
});

// #region compatibility-routines
describe.each(dogwood.objects.classes.map((cls) => [cls.objectName, cls] as const))('%s compatibility routines', (_name, cls) => {
  const sample = new cls(Object.fromEntries(Object.entries(cls.fields).map(([name, field]) => [name, sampleValue(field.type)])));
  const { major, minor } = parseVersion(cls.VERSION);
  const versions = Array.from({ length: minor + 1 }, (_, index) => `${major}.${index}`);

  it.each(versions)('backports to %s without fields added later, and reads back', (targetVersion) => {
    const primitive = sample.toPrimitive({ targetVersion });
    const later = Object.entries(cls.fields).filter(([, field]) => field.since && compareVersions(field.since, targetVersion) > 0);
    for (const [name] of later) expect(primitive['obj.data']).not.toHaveProperty(name);
    expect(dogwood.objects.fromPrimitive(primitive).setFields()).toEqual(Object.keys(primitive['obj.data']));
  });
});

function sampleValue(type: string): unknown {
  const values: Record<string, unknown> = { string: 'x', integer: 1, boolean: true, 'list<string>': ['x'] };
  return values[type];
}
// #endregion compatibility-routines
