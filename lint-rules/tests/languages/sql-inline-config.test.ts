import { describe, expect, it } from 'vitest';
import { lintSql, reports, suppressed } from './lint-sql.ts';

const RULES = ['no-drop-column', 'require-concurrent-index-creation', 'require-lock-timeout', 'no-sql-syntax-error'];
const path = 'migrations/0007_cleanup.sql';

const at = (rule: string | null, line: number, column: number) => ({ ruleId: rule && `live-upgrade/${rule}`, line, column });
const places = (code: string) => reports(lintSql(code, path), RULES).map(({ ruleId, line, column }) => ({ ruleId, line, column }));

describe('ESLint directives in SQL comments', () => {
  it('disables a rule for the next line, and keeps the reason', () => {
    const code = `-- eslint-disable-next-line live-upgrade/require-concurrent-index-creation -- settings holds 12 rows
CREATE INDEX settings_key_idx ON settings (key);
`;
    expect(places(code)).toEqual([at('require-lock-timeout', 2, 1)]);
    expect(suppressed()).toEqual([
      { ruleId: 'live-upgrade/require-concurrent-index-creation', line: 2, justification: 'settings holds 12 rows' },
    ]);
  });

  it('disables a rule on its own line', () => {
    const code = 'ALTER TABLE users DROP COLUMN nickname; -- eslint-disable-line live-upgrade/no-drop-column -- unused since v41\n';
    expect(places(code)).toEqual([at('require-lock-timeout', 1, 1)]);
  });

  it('disables and enables rules for a range with block comments', () => {
    const code = `/* eslint-disable live-upgrade/require-lock-timeout -- lock_timeout is set on the migration role */
ALTER TABLE users DROP COLUMN nickname;
/* eslint-enable live-upgrade/require-lock-timeout */
ALTER TABLE posts DROP COLUMN legacy_slug;
`;
    expect(places(code)).toEqual([at('no-drop-column', 2, 1), at('no-drop-column', 4, 1), at('require-lock-timeout', 4, 1)]);
  });

  it('disables every rule between -- eslint-disable and -- eslint-enable', () => {
    const code = `-- eslint-disable
ALTER TABLE users DROP COLUMN nickname;
-- eslint-enable
ALTER TABLE posts DROP COLUMN legacy_slug;
`;
    expect(places(code)).toEqual([at('no-drop-column', 4, 1), at('require-lock-timeout', 4, 1)]);
  });

  it('configures rules with /* eslint … */', () => {
    const code = `/* eslint live-upgrade/require-lock-timeout: "off" */
ALTER TABLE users DROP COLUMN nickname;
`;
    expect(places(code)).toEqual([at('no-drop-column', 2, 1)]);
  });

  it('reports a directive for a rule that does not exist, at the comment', () => {
    const code = '-- eslint-disable-next-line live-upgrade/no-such-rule\nSELECT 1;\n';
    const [problem] = lintSql(code, path);
    expect(problem).toMatchObject({ ruleId: 'live-upgrade/no-such-rule', line: 1, column: 1 });
  });

  it('does not take a directive written inside a string for a comment', () => {
    const code = `INSERT INTO notes (body) VALUES ('-- eslint-disable-next-line live-upgrade/no-drop-column');
ALTER TABLE users DROP COLUMN nickname;
`;
    expect(places(code)).toEqual([at('no-drop-column', 2, 1), at('require-lock-timeout', 2, 1)]);
  });

  it('reads the directives before an unterminated string', () => {
    const code = `/* eslint-disable live-upgrade/no-sql-syntax-error -- the fixture is broken on purpose */
SELECT 'never closed;
`;
    expect(places(code)).toEqual([]);
    expect(suppressed()).toEqual([
      { ruleId: 'live-upgrade/no-sql-syntax-error', line: 2, justification: 'the fixture is broken on purpose' },
    ]);
  });
});
