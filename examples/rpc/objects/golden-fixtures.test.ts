import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sampleObjects as cedarSamples } from '../service/release-n/sample-objects.ts';
import { release as dogwood } from '../service/release-n1/release.ts';
import { sampleObjects } from '../service/release-n1/sample-objects.ts';
import type { ObjectPrimitive } from './versioned-object.ts';

// fixtures/HEAD holds what the current code serializes (UPDATE_FIXTURES=1 rewrites it).
// At each release it is copied to fixtures/<release>/ and never touched again: every later
// release must decode those bytes and write them back identically.

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const serialize = (primitive: ObjectPrimitive) => `${JSON.stringify(primitive, null, 2)}\n`;
const read = (release: string, file: string) => readFileSync(`${FIXTURES}${release}/${file}`, 'utf8');

describe('HEAD fixtures are up to date', () => {
  it.each(sampleObjects().map((object) => [object.objectClass.objectName, object] as const))('%s', (name, object) => {
    const file = `${FIXTURES}HEAD/${name}.json`;
    if (process.env.UPDATE_FIXTURES === '1') {
      mkdirSync(`${FIXTURES}HEAD`, { recursive: true });
      writeFileSync(file, serialize(object.toPrimitive()));
    }
    expect(read('HEAD', `${name}.json`)).toBe(serialize(object.toPrimitive()));
  });
});

// #region golden-fixtures-test
const released = readdirSync(FIXTURES).filter((release) => release !== 'HEAD');
const cases = released.flatMap((release) => readdirSync(`${FIXTURES}${release}`).map((file) => [release, file] as const));

describe.each(cases)('fixture %s/%s', (release, file) => {
  it('decodes at HEAD and re-encodes byte for byte at its version', () => {
    const text = read(release, file);
    const primitive = JSON.parse(text) as ObjectPrimitive;
    const object = dogwood.objects.fromPrimitive(primitive);
    expect(object.setFields()).toEqual(Object.keys(primitive['obj.data']));
    expect(serialize(object.toPrimitive({ targetVersion: primitive['obj.version'] }))).toBe(text);
  });
});
// #endregion golden-fixtures-test

it('the cedar fixtures are exactly what cedar’s code serializes', () => {
  for (const object of cedarSamples()) {
    expect(read('cedar', `${object.objectClass.objectName}.json`)).toBe(serialize(object.toPrimitive()));
  }
});
