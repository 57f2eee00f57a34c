import type { Db } from '../../../harness/index.ts';

// Release N+1: deployed before the swap, it works whether size_bytes is still an integer or
// already a bigint. Files of 2 GiB and more fit once the swap has run.

export interface Upload {
  id: string;
  fileName: string;
  contentType: string | null;
  sizeBytes: bigint;
}

// #region queries
export async function saveUpload(db: Db, upload: Omit<Upload, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO uploads (file_name, content_type, size_bytes) VALUES ($1, $2, $3) RETURNING id',
    [upload.fileName, upload.contentType, upload.sizeBytes.toString()],
  );
  return rows[0].id;
}

export async function findUpload(db: Db, id: string): Promise<Upload | undefined> {
  // Cast to bigint, so the value arrives the same way (as a string) before and after the swap.
  const { rows } = await db.query<Omit<Upload, 'sizeBytes'> & { sizeBytes: string }>(
    `SELECT id, file_name AS "fileName", content_type AS "contentType", size_bytes::bigint AS "sizeBytes"
     FROM uploads WHERE id = $1`,
    [id],
  );
  return rows[0] && { ...rows[0], sizeBytes: BigInt(rows[0].sizeBytes) };
}
// #endregion queries
