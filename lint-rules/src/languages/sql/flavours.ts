import type { Tool, TransactionContext } from '../../model/migration.ts';
import type { Direction } from '../../model/operation.ts';
import type { LiveUpgradeSettings } from '../../settings.ts';

/** A stretch of the file that the tool sends to Postgres as one piece, for one direction. */
export interface Section {
  start: number;
  end: number;
  direction: Direction;
}

/** The facts the transaction model of a file depends on, besides its text. */
export interface FileFacts {
  text: string;
  /** Several statements in one query string run as one implicit transaction. */
  statements: number;
  settings: LiveUpgradeSettings;
}

/** How one migration tool names, splits and runs its `.sql` files (see migration-tools.md §2, §4). */
export interface SqlFileFlavour {
  tool: Tool;
  recognise(path: string, text: string): boolean;
  sections(text: string): Section[];
  transaction(facts: FileFacts): TransactionContext;
  /** The tool's files have a down section (node-pg-migrate's `-- Down Migration`), so a missing one is a choice. */
  hasDown?: boolean;
}

const wholeFile = (text: string): Section[] => [{ start: 0, end: text.length, direction: 'up' }];

/** graphile-migrate: `--! Previous:`/`--! Hash:`/`--! Message:` headers, then a blank line and the body. */
const GRAPHILE_HEADER = /^--! [A-Za-z][-\w]*:/;
const GRAPHILE_NO_TRANSACTION = /^--!\s*no-transaction\b/;

const graphileMigrate: SqlFileFlavour = {
  tool: 'graphile-migrate',
  recognise: (path, text) =>
    GRAPHILE_HEADER.test(text) ||
    GRAPHILE_NO_TRANSACTION.test(text) ||
    /(^|\/)migrations\/(current\.sql$|current\/|committed\/)/.test(path),
  sections: wholeFile,
  transaction({ text, statements }) {
    const lines = text.split(/\r?\n/);
    let body = 0;
    while (body < lines.length && GRAPHILE_HEADER.test(lines[body]!)) body++;
    while (body < lines.length && lines[body]!.trim() === '') body++;
    if (!GRAPHILE_NO_TRANSACTION.test(lines[body] ?? '')) {
      return {
        wrapped: true,
        reason: 'graphile-migrate runs each migration between begin and commit',
        optOut: 'put `--! no-transaction` on the first line of the migration body',
      };
    }
    return {
      wrapped: statements > 1,
      implicit: statements > 1,
      reason:
        statements > 1
          ? 'graphile-migrate sends a `--! no-transaction` body as one query, which Postgres runs as one implicit transaction when it holds several statements'
          : 'the body starts with `--! no-transaction`, so graphile-migrate runs it outside a transaction',
      optOut: 'keep `--! no-transaction`',
    };
  },
};

/** node-pg-migrate's markers, as its SQL loader matches them. */
const pgmMarker = (direction: Direction) => new RegExp(`^\\s*--[\\s-]*${direction}\\s+migration`, 'im');

const nodePgMigrate: SqlFileFlavour = {
  tool: 'node-pg-migrate',
  recognise: (_path, text) => pgmMarker('up').test(text) || pgmMarker('down').test(text),
  hasDown: true,
  sections(text) {
    // What node-pg-migrate runs: from each marker to the other one (or the end of the file).
    const up = text.search(pgmMarker('up'));
    const down = text.search(pgmMarker('down'));
    const sections: Section[] = [];
    if (up === -1) sections.push({ start: 0, end: text.length, direction: 'up' });
    else sections.push({ start: up, end: down > up ? down : text.length, direction: 'up' });
    if (down !== -1) sections.push({ start: down, end: up > down ? up : text.length, direction: 'down' });
    return sections;
  },
  transaction: () => ({
    wrapped: true,
    reason: 'node-pg-migrate runs each SQL migration inside a transaction, and a .sql file cannot opt out',
    optOut: 'write this migration as a JavaScript or TypeScript file that calls `pgm.noTransaction()`',
  }),
};

const prisma: SqlFileFlavour = {
  tool: 'prisma',
  recognise: (path) => /(^|\/)prisma\/migrations\/[^/]+\/migration\.sql$/.test(path),
  sections: wholeFile,
  transaction({ statements, settings }) {
    const optOut = 'move it to a migration.sql of its own, which Prisma does not wrap in a transaction';
    if ((settings.prisma?.engine ?? 'batch') === 'split') {
      return {
        wrapped: false,
        reason: "Prisma's migration engine runs each statement on its own (settings['live-upgrade'].prisma.engine is 'split')",
        optOut,
      };
    }
    return {
      wrapped: statements > 1,
      implicit: statements > 1,
      reason:
        statements > 1
          ? "Prisma sends the whole migration.sql as one query, which Postgres runs as one implicit transaction when it holds several statements (set settings['live-upgrade'].prisma.engine to 'split' if your Prisma engine runs statements one by one)"
          : 'Prisma sends a one-statement migration.sql outside any transaction',
      optOut,
    };
  },
};

const BREAKPOINT = '--> statement-breakpoint';

const drizzle: SqlFileFlavour = {
  tool: 'drizzle',
  recognise: (path, text) => /(^|\/)drizzle\//.test(path) || text.includes(BREAKPOINT),
  sections(text) {
    // drizzle-orm's migrator splits the file at each breakpoint and sends the pieces one by one.
    const sections: Section[] = [];
    let start = 0;
    for (let end = text.indexOf(BREAKPOINT); end !== -1; end = text.indexOf(BREAKPOINT, start)) {
      sections.push({ start, end, direction: 'up' });
      start = end + BREAKPOINT.length;
    }
    sections.push({ start, end: text.length, direction: 'up' });
    return sections;
  },
  transaction: () => ({
    wrapped: true,
    reason: "Drizzle's migrate() runs all pending migrations in one transaction",
    optOut: "run it outside Drizzle's migrator, which has no per-migration opt-out (for example with psql in the deploy step)",
  }),
};

const plainSql: SqlFileFlavour = {
  tool: 'sql',
  recognise: () => true,
  sections: wholeFile,
  transaction: () => ({
    wrapped: undefined,
    reason: 'the tool that runs this SQL file is not known, so neither is its transaction',
    optOut: 'run it outside a transaction',
  }),
};

/** In order of precedence: the first flavour that recognises a file wins. */
export const SQL_FILE_FLAVOURS: readonly SqlFileFlavour[] = [graphileMigrate, nodePgMigrate, prisma, drizzle, plainSql];
