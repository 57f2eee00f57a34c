import type { Db } from '../../harness/index.ts';

/** Readings inserted by each call of `insertSampleReadings`, spread over 2024 and 2025. */
export const SAMPLE_ROWS = 2_000;

// #region seed
/**
 * Readings shaped like production: a reading every 8 hours from 97 devices (so each device has
 * many rows), device names in accents, CJK and emoji, every 11th reading NULL (sensor fault),
 * every 7th row sent twice (a retry), mostly no note, and every 500th note ~18 kB (in TOAST).
 * `batch` shifts the timestamps of separate calls by a minute.
 */
export async function insertSampleReadings(db: Db, batch: number): Promise<void> {
  await db.query(
    `INSERT INTO measurements (device_id, recorded_at, reading, note)
     SELECT (ARRAY['sensor', 'capteur-Zoë', '温度計', 'probe 🙂'])[k % 4 + 1] || '-' || k % 97,
            timestamptz '2024-01-01 00:00:00+00' + k * interval '8 hours' + $2::int * interval '1 minute',
            CASE WHEN k % 11 = 0 THEN NULL ELSE round((k % 400) / 10.0, 1) END,
            CASE WHEN k % 500 = 0 THEN repeat('Calibrated on site. ', 900)
                 WHEN k % 13 = 0 THEN 'checked ✓ #' || k END
     FROM generate_series(1, $1::int) AS n
     CROSS JOIN LATERAL (SELECT CASE WHEN n % 7 = 0 THEN n - 1 ELSE n END AS k) AS retry
     ORDER BY n`,
    [SAMPLE_ROWS, batch],
  );
}
// #endregion seed

/** What the sample holds, so the test can show it has every kind of row it claims to have. */
export async function profileSample(db: Db) {
  const { rows } = await db.query<{
    rows2024: number;
    rows2025: number;
    nullReadings: number;
    repeatedReadings: number;
    nonAsciiDevices: number;
    longestNote: number;
  }>(
    `SELECT (SELECT count(*)::int FROM measurements_2024) AS "rows2024",
            (SELECT count(*)::int FROM measurements_2025) AS "rows2025",
            count(*) FILTER (WHERE reading IS NULL)::int AS "nullReadings",
            (SELECT count(*)::int FROM (SELECT FROM measurements GROUP BY device_id, recorded_at
                                        HAVING count(*) > 1) AS repeated) AS "repeatedReadings",
            count(*) FILTER (WHERE device_id ~ '[^\\x01-\\x7f]')::int AS "nonAsciiDevices",
            max(length(note))::int AS "longestNote"
     FROM measurements`,
  );
  return rows[0];
}
