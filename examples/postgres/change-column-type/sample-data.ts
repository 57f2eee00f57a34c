import type { Db } from '../../harness/index.ts';

/** Rows inserted before the new column is added; later steps add a tenth of that each. */
export const SAMPLE_ROWS = 5_000;

// #region seed
/**
 * Uploads shaped like production: every 10th has no content type, every 7th repeats the row before
 * it (a double-submitted upload), file names mix accents, CJK and emoji, every 500th note is ~18 kB
 * (stored out of line, in TOAST), and sizes run from 0 to 2,147,483,647, the largest integer.
 */
export async function insertSampleUploads(db: Db, rows: number): Promise<void> {
  await db.query(
    `INSERT INTO uploads (file_name, content_type, note, size_bytes)
     SELECT (ARRAY['résumé', '写真', 'backup 🙂', 'Ωmega', 'plain'])[k % 5 + 1] || '-' || k || '.bin',
            CASE WHEN k % 10 = 0 THEN NULL ELSE (ARRAY['image/png', 'application/pdf', 'video/mp4'])[k % 3 + 1] END,
            CASE WHEN k % 500 = 0 THEN repeat('A long note. ', 1400) WHEN k % 3 = 0 THEN NULL ELSE 'note ' || k END,
            CASE WHEN k % 1000 = 0 THEN 2147483647 WHEN k % 11 = 0 THEN 0 ELSE (k * 104729) % 2000000000 END
     FROM generate_series(1, $1::int) AS n
     CROSS JOIN LATERAL (SELECT CASE WHEN n % 7 = 0 THEN n - 1 ELSE n END AS k) AS copy
     ORDER BY n`,
    [rows],
  );
}
// #endregion seed

/** What the sample holds, so the test can show it has every kind of row it claims to have. */
export async function profileSample(db: Db) {
  const { rows } = await db.query<{ rows: number; nullContentTypes: number; repeatedNames: number; nonAsciiNames: number; longestNote: number; largestSize: string }>(
    `SELECT count(*)::int AS "rows",
            count(*) FILTER (WHERE content_type IS NULL)::int AS "nullContentTypes",
            (SELECT count(*)::int FROM (SELECT file_name FROM uploads GROUP BY file_name HAVING count(*) > 1) AS repeated) AS "repeatedNames",
            count(*) FILTER (WHERE file_name ~ '[^\\x01-\\x7f]')::int AS "nonAsciiNames",
            max(length(note))::int AS "longestNote",
            max(size_bytes)::text AS "largestSize"
     FROM uploads`,
  );
  return rows[0];
}
