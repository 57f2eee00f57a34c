import type { Db } from '../../../harness/index.ts';

// Release N: records readings and shows each device's latest one.

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

export async function latestReading(db: Db, deviceId: string): Promise<Reading | undefined> {
  const { rows } = await db.query<Reading>(
    `SELECT device_id AS "deviceId", recorded_at AS "recordedAt", reading
     FROM measurements WHERE device_id = $1 ORDER BY recorded_at DESC LIMIT 1`,
    [deviceId],
  );
  return rows[0];
}
// #endregion queries
