import type { Db } from '../../../harness/index.ts';

// Release N+1: adds a device's history over a time range, the query the new index is for.

export interface Reading {
  deviceId: string;
  recordedAt: Date;
  reading: number | null;
}

// #region queries
export async function recordReading(db: Db, reading: Reading): Promise<void> {
  await db.query('INSERT INTO measurements (device_id, recorded_at, reading) VALUES ($1, $2, $3)', [
    reading.deviceId,
    reading.recordedAt,
    reading.reading,
  ]);
}

export const DEVICE_HISTORY = `
  SELECT device_id AS "deviceId", recorded_at AS "recordedAt", reading
  FROM measurements
  WHERE device_id = $1 AND recorded_at >= $2 AND recorded_at < $3
  ORDER BY recorded_at`;

export async function deviceHistory(db: Db, deviceId: string, from: Date, to: Date): Promise<Reading[]> {
  const { rows } = await db.query<Reading>(DEVICE_HISTORY, [deviceId, from, to]);
  return rows;
}
// #endregion queries
