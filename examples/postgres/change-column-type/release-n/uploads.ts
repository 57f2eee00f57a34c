import type { Db } from '../../../harness/index.ts';

// Release N: uploads.size_bytes is an integer, which the driver hands over as a JavaScript number.

export interface Upload {
  id: string;
  fileName: string;
  contentType: string | null;
  sizeBytes: number;
}

// #region queries
export async function saveUpload(db: Db, upload: Omit<Upload, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO uploads (file_name, content_type, size_bytes) VALUES ($1, $2, $3) RETURNING id',
    [upload.fileName, upload.contentType, upload.sizeBytes],
  );
  return rows[0].id;
}

export async function replaceFile(db: Db, id: string, sizeBytes: number): Promise<void> {
  await db.query('UPDATE uploads SET size_bytes = $2 WHERE id = $1', [id, sizeBytes]);
}

export async function findUpload(db: Db, id: string): Promise<Upload | undefined> {
  const { rows } = await db.query<Upload>(
    `SELECT id, file_name AS "fileName", content_type AS "contentType", size_bytes AS "sizeBytes"
     FROM uploads WHERE id = $1`,
    [id],
  );
  return rows[0];
}
// #endregion queries
