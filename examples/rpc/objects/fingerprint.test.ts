import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PayloadClass } from '../notifications/payload.ts';
import { InstanceActionPayload } from '../service/release-n1/notifications.ts';
import { release as dogwood } from '../service/release-n1/release.ts';
import { fingerprint, methodSignatures } from './fingerprint.ts';
import type { ObjectClass } from './versioned-object.ts';

// #region fingerprint-test
const RELEASE_DIR = new URL('../service/release-n1/', import.meta.url);
const COMMITTED: Record<string, string> = JSON.parse(readFileSync(new URL('object-fingerprints.json', RELEASE_DIR), 'utf8'));

/** The source of the release file that declares `className`. */
function classSource(className: string): string {
  const files = readdirSync(fileURLToPath(RELEASE_DIR)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
  const sources = files.map((name) => readFileSync(new URL(name, RELEASE_DIR), 'utf8'));
  const source = sources.find((text) => text.includes(`export class ${className} `));
  if (!source) throw new Error(`No release file declares class ${className}`);
  return source;
}

function fingerprintOf(cls: ObjectClass): string {
  // A notification payload also promises where each field comes from.
  const schema = 'SCHEMA' in cls ? Object.entries((cls as PayloadClass).SCHEMA).sort() : undefined;
  return fingerprint(cls, methodSignatures(classSource(cls.objectName), cls.objectName), schema);
}

const actual = Object.fromEntries(dogwood.objects.classes.map((cls) => [cls.objectName, fingerprintOf(cls)]));

it('every object and payload matches its committed fingerprint', () => {
  if (process.env.GENERATE_HASHES === '1') console.log(JSON.stringify(actual, null, 2));
  const changed = Object.keys({ ...actual, ...COMMITTED }).filter((name) => actual[name] !== COMMITTED[name]);
  const advice = changed.map(
    (name) =>
      `${name}: expected ${COMMITTED[name] ?? '(none)'}, got ${actual[name] ?? '(removed)'}. Its fields or methods changed: ` +
      'bump its VERSION (minor for an addition, major for a removal or type change), note the change next to VERSION, ' +
      'make toPrimitive backport it, then update object-fingerprints.json (GENERATE_HASHES=1 prints the new table).',
  );
  expect(advice).toEqual([]);
});
// #endregion fingerprint-test

describe('what the fingerprint covers', () => {
  const instance = dogwood.objects.classes.find((cls) => cls.objectName === 'Instance')!;
  const methods = methodSignatures(classSource('Instance'), 'Instance');

  it('reads method signatures from the source', () => {
    expect(methods).toEqual(['summary(): string']);
  });

  it.each([
    ['a new field', { ...instance, fields: { ...instance.fields, colour: instance.fields.hostname } }, methods],
    ['a field made nullable', { ...instance, fields: { ...instance.fields, hostname: { ...instance.fields.hostname, nullable: true } } }, methods],
    ['a new method', instance, [...methods, 'rename(hostname: string): void']],
  ])('changes with %s', (_change, changed, changedMethods) => {
    expect(fingerprint(changed as ObjectClass, changedMethods)).not.toBe(fingerprint(instance, methods));
  });

  it('changes with a payload SCHEMA entry, even when the fields stay the same', () => {
    const schema = Object.entries(InstanceActionPayload.SCHEMA).sort();
    const moved = schema.map(([name, source]) => (name === 'hostname' ? [name, ['host', 'name']] : [name, source]));
    expect(fingerprint(InstanceActionPayload, [], moved)).not.toBe(fingerprint(InstanceActionPayload, [], schema));
  });

  it('starts with VERSION, so updating only the hash shows in review', () => {
    expect(actual.Instance).toMatch(/^1\.2-[0-9a-f]{32}$/);
  });
});
