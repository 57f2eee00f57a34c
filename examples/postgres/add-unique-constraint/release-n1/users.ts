import type { Db } from '../../../harness/index.ts';

// Release N+1: signing up twice with the same email returns the user signed up first. It works
// before the unique index exists (the lookup) and after (the index settles a race).

export interface User {
  id: string;
  email: string | null;
  displayName: string;
}

// #region queries
export async function signUp(db: Db, user: Omit<User, 'id'>): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `WITH existing AS (SELECT min(id) AS id FROM users WHERE email = $1 HAVING min(id) IS NOT NULL),
          added AS (INSERT INTO users (email, display_name)
                    SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM existing)
                    RETURNING id)
     SELECT id FROM existing UNION ALL SELECT id FROM added`,
    [user.email, user.displayName],
  );
  return rows[0].id;
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const { rows } = await db.query<User>(
    `SELECT id, email, display_name AS "displayName" FROM users WHERE email = $1 ORDER BY id LIMIT 1`,
    [email],
  );
  return rows[0];
}
// #endregion queries
