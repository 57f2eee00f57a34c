-- Finding the duplicates before the unique index is built. Read-only; run them on a replica or
-- with a statement_timeout on a large table.

-- #region find
-- Every email held by more than one user (NULLs never collide in a unique index).
SELECT email, count(*) AS users, min(id) AS oldest
FROM users
WHERE email IS NOT NULL
GROUP BY email
HAVING count(*) > 1
ORDER BY email;
-- #endregion find

-- #region find-conflicts
-- Emails whose users differ in more than their id: 002 keeps these, so they need a decision
-- (merge, or ask the user) before 003 can build the index.
SELECT email, count(DISTINCT (display_name, bio)) AS versions
FROM users
WHERE email IS NOT NULL
GROUP BY email
HAVING count(DISTINCT (display_name, bio)) > 1
ORDER BY email;
-- #endregion find-conflicts
