import type { DirectiveType, FileProblem, RulesConfig, SourceLocation } from '@eslint/core';
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from '@eslint/plugin-kit';
import { sqlComments, type SqlComment } from './comments.ts';

/**
 * The whole SQL file as one node. Its type is `Program`, like a JavaScript file's root, so every
 * rule's `Program()` listener runs on SQL files too; the rules read operations, not the tree.
 */
export interface SqlProgram {
  type: 'Program';
  range: [number, number];
  loc: SourceLocation;
}

/** Postgres ends a line at LF, CR or CRLF. */
export const SQL_LINE_ENDING = /\r\n|[\r\n]/u;

const INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

const commentParser = new ConfigCommentParser();

type SqlSourceCodeTypes = {
  LangOptions: Record<string, never>;
  RootNode: SqlProgram;
  SyntaxElementWithLoc: SqlProgram | SqlComment;
  ConfigNode: SqlComment;
};

export class SqlSourceCode extends TextSourceCodeBase<SqlSourceCodeTypes> {
  #configComments: SqlComment[] | undefined;

  constructor(text: string, ast: SqlProgram) {
    super({ text, ast, lineEndingPattern: SQL_LINE_ENDING });
  }

  /** Comments that configure ESLint: `-- eslint-disable-next-line …`, `/* eslint … *\/`. */
  getInlineConfigNodes(): SqlComment[] {
    // Scanning needs the SQL lexer: skip it for the many files that mention no directive at all.
    this.#configComments ??= this.text.includes('eslint')
      ? sqlComments(this.text, (index) => this.getLocFromIndex(index)).filter((comment) => INLINE_CONFIG.test(comment.value))
      : [];
    return this.#configComments;
  }

  getDisableDirectives(): { directives: Directive[]; problems: FileProblem[] } {
    const directives: Directive[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const directive = commentParser.parseDirective(comment.value);
      if (!directive || directive.label === 'eslint') continue;
      if (directive.label === 'eslint-disable-line' && comment.loc.start.line !== comment.loc.end.line) {
        problems.push({ ruleId: null, message: `${directive.label} comment should not span multiple lines.`, loc: comment.loc });
        continue;
      }
      const type = directive.label.slice('eslint-'.length) as DirectiveType;
      directives.push(new Directive({ type, node: comment, value: directive.value, justification: directive.justification }));
    }
    return { directives, problems };
  }

  applyInlineConfig(): { configs: { config: { rules: RulesConfig }; loc: SourceLocation }[]; problems: FileProblem[] } {
    const configs: { config: { rules: RulesConfig }; loc: SourceLocation }[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const directive = commentParser.parseDirective(comment.value);
      if (directive?.label !== 'eslint') continue;
      const parsed = commentParser.parseJSONLikeConfig(directive.value);
      if (parsed.ok) configs.push({ config: { rules: parsed.config }, loc: comment.loc });
      else problems.push({ ruleId: null, message: parsed.error.message, loc: comment.loc });
    }
    return { configs, problems };
  }

  getParent(): undefined {
    return undefined;
  }

  traverse(): VisitNodeStep[] {
    return [
      new VisitNodeStep({ target: this.ast, phase: 1, args: [this.ast, undefined] }),
      new VisitNodeStep({ target: this.ast, phase: 2, args: [this.ast, undefined] }),
    ];
  }
}
