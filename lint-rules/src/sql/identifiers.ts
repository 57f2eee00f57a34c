import { scanSync } from 'libpg-query';
import { MAX_IDENTIFIER_BYTES } from '../model/operation.ts';

/** Words and quoted names of the text, roughly: only a long one can be an identifier over the limit. */
const WORD = /"(?:[^"]|"")*"|[^\s(),;."]+/g;

/**
 * Identifiers in SQL text longer than Postgres keeps (https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS),
 * as written: the parser's names are already cut to 63 bytes. The parser's scanner (parser.ts loads
 * it) tells identifiers from string constants and comments.
 */
export function truncatedIdentifiers(sql: string): string[] {
  // Most statements have no long word and skip the scanner.
  if (!(sql.match(WORD) ?? []).some((word) => Buffer.byteLength(word, 'utf8') > MAX_IDENTIFIER_BYTES)) return [];
  let tokens: { text: string; tokenName: string }[];
  try {
    tokens = scanSync(sql).tokens;
  } catch {
    return [];
  }
  return tokens
    .filter((token) => token.tokenName === 'IDENT')
    .map((token) => identifierName(token.text))
    .filter((name) => Buffer.byteLength(name, 'utf8') > MAX_IDENTIFIER_BYTES);
}

/** `"Mixed Case"` is the name as written; unquoted names are folded to lower case. */
function identifierName(token: string): string {
  return token.startsWith('"') ? token.slice(1, -1).replaceAll('""', '"') : token.toLowerCase();
}
