import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Db } from '../harness/index.ts';
import * as releaseN from '../postgres/drop-column/release-n/users.ts';
import * as releaseN1 from '../postgres/drop-column/release-n1/users.ts';

// The application of examples/postgres/drop-column: release N reads and writes users.nickname,
// release N+1 no longer knows it; N+1's migration (002) lets nickname be NULL, and the contract
// migration (003) of the release after drops it.

/** A resource created through release N, as recorded before the upgrade. */
export interface Resource {
  id: string;
  /** What release N was given. */
  created: Omit<releaseN.User, 'id'>;
  /** A hash of what release N+1 must read back: the fields it still knows. */
  fingerprint: string;
}

const NAMES = ['Zoë Ångström', 'José Núñez', '山田 太郎', 'Ωmega 🙂', 'Plain Ascii'];

/** The n-th user a test signs up: NULL emails, repeated emails, accents, CJK, emoji, one very long name. */
export function sampleUser(label: string, n: number): Omit<releaseN.User, 'id'> {
  return {
    email: n % 3 === 0 ? null : `${label}-${n - (n % 4 === 1 ? 1 : 0)}@example.com`,
    displayName: n === 7 ? 'A very long display name. '.repeat(400) : `${NAMES[n % NAMES.length]} ${label} #${n}`,
    nickname: `${['zoë', 'pepe', 'たろう', '🙂', 'plain'][n % 5]}${n}`,
  };
}

function fingerprintOf(user: releaseN1.User): string {
  return createHash('sha256').update(JSON.stringify([user.id, user.email, user.displayName])).digest('hex');
}

// #region create-verify
/** Grenade's "create": through release N's own function, and read back by release N. */
export async function createWithReleaseN(db: Db, user: Omit<releaseN.User, 'id'>): Promise<Resource> {
  const id = await releaseN.signUp(db, user);
  const read = await releaseN.findUser(db, id);
  expect(read).toEqual({ id, ...user });
  return { id, created: user, fingerprint: fingerprintOf({ id, email: read!.email, displayName: read!.displayName }) };
}

/** Grenade's "verify" after the upgrade: release N+1 reads every recorded resource unchanged. */
export async function verifyWithReleaseN1(db: Db, resources: Resource[]): Promise<void> {
  for (const { id, created, fingerprint } of resources) {
    const read = await releaseN1.findUser(db, id);
    expect(read, `user ${id}`).toEqual({ id, email: created.email, displayName: created.displayName });
    expect(fingerprintOf(read!)).toBe(fingerprint);
  }
}

/** The rollback case: release N still reads its resources, nickname included, on the new schema. */
export async function verifyWithReleaseN(db: Db, resources: Resource[]): Promise<void> {
  for (const { id, created } of resources) expect(await releaseN.findUser(db, id), `user ${id}`).toEqual({ id, ...created });
}
// #endregion create-verify
