// What a rule is, and the context it checks a file in.
import type { Settings } from '../settings';
import type { Entry, ParsedDocument } from '../syntax/ast';
import type { Dialect, Fix, RelatedInfo, Severity, Span } from '../types';
import type { Workspace } from '../workspace/workspace';

export interface Report {
  span: Span;
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. SSLv2 is an error, TLSv1 a warning). */
  severity?: Severity;
  fixes?: Fix[];
  related?: RelatedInfo[];
  docUrl?: string;
  tags?: ('unnecessary' | 'deprecated')[];
}

export interface RuleContext {
  doc: ParsedDocument;
  workspace: Workspace;
  settings: Settings;
  report(r: Report): void;
}

export interface Rule {
  /** Stable kebab-case id, `dialect-prefix/name`. Never renamed once released. */
  id: string;
  dialect: Dialect;
  /** Other dialects whose files this rule also checks: a cross-file rule that reports on both ends. */
  alsoChecks?: Dialect[];
  severity: Severity;
  /** One line for the README, --list-rules and SARIF. */
  summary: string;
  /** Rules that need settings.security. */
  security?: boolean;
  check(ctx: RuleContext): void;
}

export function spanOfEntry(e: Entry): Span {
  return { start: e.keySpan.start, end: e.valueSpan.end > e.keySpan.end ? e.valueSpan.end : e.keySpan.end };
}

/** The span of the value, or of the `=` when the value is empty, so a range is never zero-width. */
export function valueSpanOrKey(e: Entry): Span {
  return e.valueSpan.end > e.valueSpan.start ? e.valueSpan : e.keySpan;
}
