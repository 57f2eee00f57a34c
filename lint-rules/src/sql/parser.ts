import { loadModule, parseSync, scanSync, type RawStmt } from 'libpg-query';

// The parser is WebAssembly and loads asynchronously; ESLint imports plugins with import(), so this
// top-level await finishes before any rule runs, and rules can then parse synchronously.
await loadModule();

export type ParseResult =
  | { ok: true; statements: RawStmt[] }
  | { ok: false; message: string; /** character offset of the error in the text */ position: number };

export function parseSql(text: string): ParseResult {
  // Postgres accepts an empty query string; the library refuses it before parsing.
  if (text === '') return { ok: true, statements: [] };
  try {
    return { ok: true, statements: parseSync(text).stmts ?? [] };
  } catch (error) {
    const details = (error as { sqlDetails?: { message: string; cursorPosition: number } }).sqlDetails;
    const message = details?.message ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, message, position: codePointToCharOffset(text, details?.cursorPosition ?? 0) };
  }
}

/**
 * Character ranges of the statements of a script, split at top-level `;` by Postgres' own lexer (so a
 * `;` in a string, a comment or a dollar-quoted body does not split). Undefined when the lexer fails.
 */
export function splitStatements(text: string): [number, number][] | undefined {
  let tokens;
  try {
    tokens = scanSync(text).tokens;
  } catch {
    return undefined;
  }
  const ranges: [number, number][] = [];
  let start = 0;
  for (const token of tokens) {
    if (token.text !== ';') continue;
    const end = byteToCharOffset(text, token.end);
    ranges.push([start, end]);
    start = end;
  }
  if (text.slice(start).trim() !== '') ranges.push([start, text.length]);
  return ranges;
}

/** The parser places an error in code points (Postgres counts characters there); strings count UTF-16 code units. */
function codePointToCharOffset(text: string, codePoints: number): number {
  let index = 0;
  for (let count = 0; count < codePoints && index < text.length; count++) index += text.codePointAt(index)! > 0xffff ? 2 : 1;
  return index;
}

/** Statement locations are UTF-8 byte offsets; ESLint and JavaScript strings count UTF-16 code units. */
export function byteToCharOffset(text: string, byteOffset: number): number {
  if (!/[^\u0000-\u007f]/.test(text)) return Math.min(byteOffset, text.length);
  let bytes = 0;
  let index = 0;
  for (const char of text) {
    if (bytes >= byteOffset) break;
    bytes += utf8Length(char.codePointAt(0) ?? 0);
    index += char.length;
  }
  return index;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}
