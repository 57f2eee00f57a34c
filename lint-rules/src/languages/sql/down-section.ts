import type { DownMigration } from '../../model/migration.ts';
import type { Locator } from '../../sql/analyse.ts';
import type { Section } from './flavours.ts';

/**
 * The rollback of a `.sql` file that has a down section (node-pg-migrate's `-- Down Migration`):
 * missing, empty (comments alone explain it), or written. Reports point at the section's marker, or
 * at the first line of the file when there is none.
 */
export function downSection(text: string, sections: readonly Section[], locator: Locator): DownMigration {
  const down = sections.find((section) => section.direction === 'down');
  if (!down) {
    const start = firstNonBlank(text, sections[0]?.start ?? 0);
    return { body: 'missing', explained: false, loc: locator.loc(start, lineEnd(text, start)) };
  }
  const marker = firstNonBlank(text, down.start);
  const afterMarker = lineEnd(text, marker);
  const body = text.slice(afterMarker, down.end);
  const empty = body.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').replace(/[\s;]/g, '') === '';
  return { body: empty ? 'empty' : 'written', explained: empty && /--|\/\*/.test(body), loc: locator.loc(marker, afterMarker) };
}

function firstNonBlank(text: string, from: number): number {
  const offset = text.slice(from).search(/\S/);
  return offset === -1 ? from : from + offset;
}

function lineEnd(text: string, from: number): number {
  const newline = text.slice(from).search(/\r?\n/);
  return newline === -1 ? text.length : from + newline;
}
