import type { Migration } from '../../model/migration.ts';
import type { Operation } from '../../model/operation.ts';
import type { LiveUpgradeSettings } from '../../settings.ts';
import { analyseSql, type Locator } from '../../sql/analyse.ts';
import type { SqlText } from '../../sql/sql-text.ts';
import { downSection } from './down-section.ts';
import { SQL_FILE_FLAVOURS, type Section } from './flavours.ts';
import type { SqlSourceCode } from './source-code.ts';

/** The migration a `.sql` file holds, as the tool its path and content point to runs it. */
export function sqlFileMigration(sourceCode: SqlSourceCode, filename: string, settings: LiveUpgradeSettings): Migration {
  const { text } = sourceCode;
  const path = filename.replaceAll('\\', '/');
  const flavour = SQL_FILE_FLAVOURS.find((candidate) => candidate.recognise(path, text))!;
  const locator: Locator = {
    loc: (start, end) => ({ start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) }),
    text: (start, end) => text.slice(start, end),
  };
  const sections = flavour.sections(text);
  const operations = sections.flatMap((section) => analyseSql(sectionText(text, section), { direction: section.direction, locator }));
  const transaction = flavour.transaction({ text, statements: statementCount(operations), settings });
  return { tool: flavour.tool, transaction, operations, down: flavour.hasDown ? downSection(text, sections, locator) : undefined };
}

function sectionText(text: string, { start, end }: Section): SqlText {
  return { text: text.slice(start, end), sourceIndex: (offset) => start + offset };
}

/** The operations of one statement share its place in the file. */
function statementCount(operations: readonly Operation[]): number {
  return new Set(operations.map((op) => `${op.loc.start.line}:${op.loc.start.column}`)).size;
}
