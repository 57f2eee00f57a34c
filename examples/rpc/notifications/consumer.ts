import { parseVersion } from '../wire/version.ts';

// A consumer outside the deployment (billing, an audit log) cannot ask for a backport. The
// payload contract lets it work anyway: a minor bump only adds fields, a major bump breaks.

export class UnsupportedPayloadVersionError extends Error {
  override name = 'UnsupportedPayloadVersionError';
}

export interface PayloadExpectation {
  /** The payload object name this consumer reads. */
  readonly name: string;
  /** The payload version the consumer was written for. */
  readonly version: string;
  /** The fields it uses. */
  readonly fields: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// #region read-payload
export function readPayload(notification: unknown, expected: PayloadExpectation): Record<string, unknown> {
  const payload = isRecord(notification) ? notification.payload : undefined;
  if (!isRecord(payload) || payload['obj.name'] !== expected.name || !isRecord(payload['obj.data'])) {
    throw new UnsupportedPayloadVersionError(`Not a ${expected.name} payload: ${JSON.stringify(payload)}`);
  }
  const version = String(payload['obj.version']);
  if (parseVersion(version).major !== parseVersion(expected.version).major) {
    throw new UnsupportedPayloadVersionError(
      `${expected.name} ${version} is a different major version than ${expected.version}, which this consumer reads`,
    );
  }
  const data = payload['obj.data'];
  // Keep what this consumer knows; fields added by a newer minor are simply not read.
  return Object.fromEntries(expected.fields.map((field) => [field, data[field]]));
}
// #endregion read-payload
