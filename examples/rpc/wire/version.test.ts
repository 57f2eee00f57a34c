import { describe, expect, it } from 'vitest';
import { compareVersions, InvalidVersionError, isCompatible, parseVersion } from './version.ts';

describe('isCompatible(implemented, requested)', () => {
  it.each([
    ['1.2', '1.0', true],
    ['1.2', '1.2', true],
    ['1.2', '1.3', false], // a newer minor may carry arguments this code does not know
    ['2.0', '1.9', false], // another major is another API
    ['1.9', '2.0', false],
    ['2.1', '2.0', true],
    ['1.10', '1.9', true], // numbers, not strings: 10 > 9
    ['1.9', '1.10', false],
    ['0.5', '0.5', true],
  ])('implemented %s, requested %s → %s', (implemented, requested, expected) => {
    expect(isCompatible(implemented, requested)).toBe(expected);
  });
});

describe('parseVersion', () => {
  it('reads major and minor as numbers', () => {
    expect(parseVersion('6.12')).toEqual({ major: 6, minor: 12 });
  });

  it.each(['1', '1.2.3', 'v1.2', '', '1.x'])('rejects %j with a typed error', (text) => {
    expect(() => parseVersion(text)).toThrow(InvalidVersionError);
  });
});

describe('compareVersions', () => {
  it.each([
    ['1.2', '1.10', -1],
    ['2.0', '1.12', 1],
    ['1.1', '1.1', 0],
  ])('%s against %s has sign %d', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});
